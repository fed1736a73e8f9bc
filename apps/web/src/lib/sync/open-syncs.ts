/**
 * The documents this page syncs right now, without the sync code itself (so the app shell can
 * watch them without loading Yjs): the connection indicator reads how many sockets are open, and
 * asks them all to reconnect when the server answers again.
 */
export interface OpenSync {
  readonly docName: string;
  /** Whether its socket to the server is open right now. */
  readonly connected: boolean;
  /** Skip the rest of a backoff and connect now. */
  reconnectNow(): void;
}

export interface OpenSyncsSummary {
  open: number;
  connected: number;
}

const openSyncs = new Set<OpenSync>();
const listeners = new Set<(summary: OpenSyncsSummary) => void>();

/** A document opened, closed, connected or disconnected: tell whoever watches. */
export function announceOpenSyncs() {
  const summary = { open: openSyncs.size, connected: [...openSyncs].filter((s) => s.connected).length };
  for (const listener of listeners) listener(summary);
}

export function addOpenSync(sync: OpenSync) {
  openSyncs.add(sync);
  announceOpenSyncs();
}

export function removeOpenSync(sync: OpenSync) {
  if (openSyncs.delete(sync)) announceOpenSyncs();
}

/** Calls `listener` now and whenever a document opens, closes, connects or disconnects. */
export function subscribeOpenSyncs(listener: (summary: OpenSyncsSummary) => void): () => void {
  listeners.add(listener);
  listener({ open: openSyncs.size, connected: [...openSyncs].filter((s) => s.connected).length });
  return () => listeners.delete(listener);
}

/** The server just answered: every document waiting out a backoff tries now. */
export function reconnectOpenSyncs() {
  for (const sync of openSyncs) sync.reconnectNow();
}

/** The documents this page holds open (socket, local copy, Y.Doc): none once everyone closed theirs. */
export function openDocumentNames(): string[] {
  return [...openSyncs].map((s) => s.docName);
}

/**
 * One document's lifecycle on this device: open the local copy (IndexedDB) first, so the page
 * works with no network; then connect to the sync server with the stock y-websocket provider,
 * reconnecting with exponential backoff and jitter; stop for good when the server refuses
 * (4401 → needs sign-in, 4403 → not allowed). The status it reports is honest: "saved" only once
 * the server says it has *stored* every change made here (see saved-state.ts).
 */
import { MIGRATION_CHANGE } from '@atelier/workspace';
import type { Awareness } from 'y-protocols/awareness';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { reconnectDelay, type BackoffOptions } from './reconnect-delay';
import { UnsavedChanges } from './saved-state';
import { markSaved, markUnsaved, unsavedDocuments } from './unsaved-documents';
import { type OpenSync, addOpenSync, announceOpenSyncs, openDocumentNames, removeOpenSync } from './open-syncs';
import { requestPersistentStorage, type StoragePersistence } from './storage-persistence';
import { CLOSE_COP_STORAGE_FULL, CLOSE_FORBIDDEN, CLOSE_NOT_AUTHENTICATED, isPermanentClose, MESSAGE_SAVED_STATE, readVarBytes, savedStateRequest } from './wire';

export type SyncState =
  /** Opening the copy on this device. */
  | 'loading'
  /** Not connected: changes are saved on this device and will be sent later. */
  | 'offline'
  /** Connected; some changes are not confirmed as stored by the server yet. */
  | 'syncing'
  /** The server has stored every change made here. */
  | 'saved'
  /** The server refused the session (4401): sign in again, then call `retry()`. */
  | 'needs-sign-in'
  /** The server refused access to this document (4403). */
  | 'not-allowed'
  /** The COP's storage quota is full (4414): changes stay on this device until room is freed. */
  | 'storage-full'
  /** The server refused for another reason reconnecting cannot fix (bad data, too large). */
  | 'refused';

export interface SyncStatus {
  state: SyncState;
  /** Whether the browser promised to keep the local copy; 'not-persistent' deserves a warning. */
  storage: StoragePersistence | 'unknown';
  /** This device holds changes to the document that the server has not confirmed storing. */
  unsaved: boolean;
}

export interface DocumentSyncOptions {
  docName: string;
  /** Base websocket URL of the sync endpoint, e.g. `wss://atelier.example.ca/sync`. */
  serverUrl: string;
  doc?: Y.Doc;
  /** Presence to share on the socket (who is here); the provider makes its own when absent. */
  awareness?: Awareness;
  /** Keep a copy in IndexedDB (default true; Node tests turn it off). */
  localCopy?: boolean;
  /** Ask for persistent storage (default: `navigator.storage.persist()`). */
  persistStorage?: () => Promise<StoragePersistence>;
  /** Node tests pass the `ws` class. */
  WebSocketPolyfill?: typeof WebSocket;
  backoff?: BackoffOptions;
  /** Wait this long after a local change before asking what the server stored (batches typing). */
  savedCheckDelayMs?: number;
}

type Listener = (status: SyncStatus) => void;

/** What the person is told after a close reconnecting cannot fix; other such codes: 'refused'. */
const TERMINAL_STATES: Record<number, SyncState> = {
  [CLOSE_NOT_AUTHENTICATED]: 'needs-sign-in',
  [CLOSE_FORBIDDEN]: 'not-allowed',
  [CLOSE_COP_STORAGE_FULL]: 'storage-full'
};

// A diagnostic for support and browser tests (a page cannot import the app's modules): what this
// page still holds open, e.g. after signing out. Read-only; nothing in the app depends on it.
if (typeof window !== 'undefined') Object.defineProperty(window, '__atelierOpenDocuments', { value: openDocumentNames, configurable: true });

export class DocumentSync implements OpenSync {
  readonly doc: Y.Doc;
  #status: SyncStatus = { state: 'loading', storage: 'unknown', unsaved: false };
  readonly #listeners = new Set<Listener>();
  readonly #unsaved = new UnsavedChanges();
  #provider: WebsocketProvider | undefined;
  #local: { destroy(): Promise<void> | void } | undefined;
  #attempt = 0;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  #checkTimer: ReturnType<typeof setTimeout> | undefined;
  #destroyed = false;
  /** The system said the network went: the socket may still read "connected" until it closes. */
  #cutOff = false;
  #terminal: SyncState | undefined;
  /** This instance has put the document in the device's list of unsaved documents. */
  #listedUnsaved = false;

  #resolveFirstContact: (synced: boolean) => void = () => {};
  /**
   * Resolves true once the server's copy has been merged in for the first time, false if the
   * first attempt to reach it ended without that (offline, refused, closed).
   */
  readonly firstContact = new Promise<boolean>((resolve) => (this.#resolveFirstContact = resolve));

  constructor(private readonly options: DocumentSyncOptions) {
    this.doc = options.doc ?? new Y.Doc();
    this.doc.on('update', this.#onUpdate);
  }

  get status(): SyncStatus {
    return this.#status;
  }

  get docName(): string {
    return this.options.docName;
  }

  /** Whether this document's socket to the server is open right now. */
  get connected(): boolean {
    return !this.#cutOff && (this.#provider?.wsconnected ?? false);
  }

  /** Skip the rest of a backoff and connect now (unless refused for good, or already connecting). */
  reconnectNow() {
    if (this.#destroyed || this.#terminal || !this.#provider || this.#provider.wsconnected || this.#provider.wsconnecting) return;
    clearTimeout(this.#retryTimer);
    this.#attempt = 0;
    this.#provider.connect();
  }

  /** Calls `listener` now and on every change; returns the unsubscribe. */
  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    listener(this.#status);
    return () => this.#listeners.delete(listener);
  }

  async start(): Promise<void> {
    if (this.#destroyed) return;
    addOpenSync(this);
    const persist = this.options.persistStorage ?? (() => requestPersistentStorage());
    void persist().then((storage) => this.#set({ storage }));
    if (this.options.localCopy ?? true) {
      const { IndexeddbPersistence } = await import('y-indexeddb');
      const local = new IndexeddbPersistence(this.options.docName, this.doc);
      this.#local = local;
      await local.whenSynced;
      // Changes made here in an earlier visit and never confirmed are still at risk.
      if (unsavedDocuments().includes(this.options.docName)) this.#set({ unsaved: true });
    }
    if (this.#destroyed) return;
    const provider = new WebsocketProvider(this.options.serverUrl, this.options.docName, this.doc, {
      connect: false,
      awareness: this.options.awareness,
      WebSocketPolyfill: this.options.WebSocketPolyfill,
      // Reconnecting is decided here (backoff with jitter, stop on refusals), not by the provider.
      shouldReconnect: () => false
    });
    provider.messageHandlers[MESSAGE_SAVED_STATE] = (_encoder, decoder) => this.#onSavedState(readVarBytes(decoder));
    // The provider re-broadcasts the whole document to the other tabs (encodeStateAsUpdate) on
    // every connect, so each reconnect attempt while offline cost ~40 ms on a 50-page protocol.
    // Once the channel is open, every change already flows to the other tabs as it happens.
    const connectBc = provider.connectBc.bind(provider);
    provider.connectBc = () => {
      if (!provider.bcconnected) connectBc();
    };
    provider.on('status', ({ status }) => {
      this.#cutOff = false;
      if (status === 'connected') this.#set({ state: 'syncing' });
      if (status === 'disconnected') this.#set({ state: this.#terminal ?? 'offline' });
      announceOpenSyncs();
    });
    provider.on('sync', (synced: boolean) => {
      if (!synced) return;
      this.#resolveFirstContact(true);
      this.#attempt = 0;
      this.#requestSavedState(0);
    });
    provider.on('closed', ({ code }) => this.#onClosed(code));
    this.#provider = provider;
    if (typeof window !== 'undefined') {
      window.addEventListener('online', this.#onOnline);
      window.addEventListener('offline', this.#onOffline);
      document.addEventListener('visibilitychange', this.#onVisibility);
    }
    this.#set({ state: 'offline' });
    provider.connect();
  }

  /** After signing in again (or being let back in): try once more. */
  retry() {
    this.#terminal = undefined;
    this.#attempt = 0;
    clearTimeout(this.#retryTimer);
    this.#set({ state: 'offline' });
    this.#provider?.connect();
  }

  destroy() {
    this.#destroyed = true;
    removeOpenSync(this);
    this.#resolveFirstContact(false);
    clearTimeout(this.#retryTimer);
    clearTimeout(this.#checkTimer);
    if (typeof window !== 'undefined') {
      window.removeEventListener('online', this.#onOnline);
      window.removeEventListener('offline', this.#onOffline);
      document.removeEventListener('visibilitychange', this.#onVisibility);
    }
    this.doc.off('update', this.#onUpdate);
    this.#provider?.destroy();
    void this.#local?.destroy();
    this.#listeners.clear();
  }

  #onClosed(code: number) {
    this.#resolveFirstContact(false);
    if (this.#destroyed) return;
    if (isPermanentClose(code)) {
      this.#terminal = TERMINAL_STATES[code] ?? 'refused';
      this.#set({ state: this.#terminal });
      return;
    }
    const visible = typeof document !== 'undefined' && document.visibilityState === 'visible';
    const delay = reconnectDelay(this.#attempt++, this.options.backoff, visible);
    clearTimeout(this.#retryTimer);
    this.#retryTimer = setTimeout(() => this.#provider?.connect(), delay);
  }

  // The network is back, or the person is looking again: do not sit out the rest of a backoff.
  readonly #onOnline = () => this.reconnectNow();

  readonly #onVisibility = () => {
    if (document.visibilityState === 'visible') this.reconnectNow();
  };

  readonly #onOffline = () => {
    // The system says the network is gone: a socket may linger for minutes before it notices, so
    // close it now and say "offline" honestly; backoff retries (and 'online') bring it back.
    this.#provider?.ws?.close();
    // Chromium keeps a socket it cannot send the close frame on "closing" for up to a minute, and
    // the provider says "disconnected" only on the close event: meanwhile the workspace read
    // "saved" while the header said offline. Nothing can reach the server now: say so at once.
    this.#cutOff = true;
    if (this.#terminal === undefined && this.#status.state !== 'loading') this.#set({ state: 'offline' });
    announceOpenSyncs();
  };

  readonly #onUpdate = (update: Uint8Array, origin: unknown) => {
    // Updates from the server are stored there already; everything else was made on this device.
    if (this.#provider !== undefined && origin === this.#provider) return;
    // A change made now (not one read back from IndexedDB, already listed when it was made; not a
    // schema upgrade, which every open redoes: nothing of the person's is lost without it).
    if (!this.#listedUnsaved && origin !== MIGRATION_CHANGE && (this.#local === undefined || origin !== this.#local)) {
      this.#listedUnsaved = true;
      markUnsaved(this.options.docName);
      this.#set({ unsaved: true });
    }
    this.#unsaved.add(update);
    if (this.#status.state === 'saved') this.#set({ state: 'syncing' });
    this.#requestSavedState(this.options.savedCheckDelayMs ?? 300);
  };

  #requestSavedState(delayMs: number) {
    clearTimeout(this.#checkTimer);
    this.#checkTimer = setTimeout(() => {
      const ws = this.#provider?.ws;
      if (this.#provider?.synced && ws && ws.readyState === ws.OPEN) ws.send(savedStateRequest());
    }, delayMs);
  }

  #onSavedState(snapshot: Uint8Array) {
    if (this.#unsaved.confirm(snapshot)) {
      this.#listedUnsaved = false;
      markSaved(this.options.docName);
      this.#set({ state: 'saved', unsaved: false });
    } else {
      this.#set({ state: 'syncing' });
      this.#requestSavedState(this.options.savedCheckDelayMs ?? 300);
    }
  }

  #set(patch: Partial<SyncStatus>) {
    const next = { ...this.#status, ...patch };
    if (next.state === this.#status.state && next.storage === this.#status.storage && next.unsaved === this.#status.unsaved) return;
    this.#status = next;
    for (const listener of this.#listeners) listener(next);
  }
}

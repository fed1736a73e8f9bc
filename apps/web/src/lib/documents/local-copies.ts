/**
 * The copies of a COP's notes and protocols kept on this device (IndexedDB, one database per
 * document, written by y-indexeddb): read their text for search with no network, and fetch the
 * ones the device lacks while online so they open (and are searchable) at a venue without one.
 */
import { documentPlainText } from '@atelier/workspace';
import * as Y from 'yjs';
import { DocumentSync } from '$lib/sync/document-sync';
import { syncServerUrl } from '$lib/sync/sync-status.svelte';

/** How long one document may take to arrive before the next one is fetched instead. */
const FETCH_TIMEOUT_MS = 15_000;

/** Names of the documents that have a local copy, when the browser can tell (else null). */
export async function localDocNames(): Promise<Set<string> | null> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return null;
  try {
    return new Set((await indexedDB.databases()).map((d) => d.name ?? ''));
  } catch {
    // Some private modes refuse to list databases: callers then try each document.
    return null;
  }
}

/** The plain text of a document's local copy, or null when this device has none. */
export async function readLocalText(docName: string, known: Set<string> | null): Promise<string | null> {
  if (known && !known.has(docName)) return null;
  const { IndexeddbPersistence } = await import('y-indexeddb');
  const doc = new Y.Doc();
  const local = new IndexeddbPersistence(docName, doc);
  try {
    await local.whenSynced;
    return documentPlainText(doc);
  } finally {
    await local.destroy();
    doc.destroy();
  }
}

/**
 * Brings the listed documents this device has no copy of, one at a time (the server's copy lands
 * in IndexedDB). Stops when `signal` aborts or the network goes away. Returns how many arrived.
 */
export async function fetchMissingCopies(docNames: readonly string[], signal: AbortSignal): Promise<number> {
  const known = await localDocNames();
  if (!known) return 0;
  let fetched = 0;
  for (const name of docNames) {
    if (signal.aborted || !navigator.onLine) break;
    if (known.has(name)) continue;
    if (await syncUntilSaved(name, FETCH_TIMEOUT_MS, signal)) fetched++;
  }
  return fetched;
}

/**
 * Opens one document (its local copy, then the server) and waits until both hold the same
 * stored state: the server's copy has arrived here and every change made here is stored there.
 * False if the server refused, `timeoutMs` passed or `signal` aborted first.
 */
export async function syncUntilSaved(docName: string, timeoutMs: number, signal?: AbortSignal): Promise<boolean> {
  const sync = new DocumentSync({ docName, serverUrl: syncServerUrl() });
  let timer: ReturnType<typeof setTimeout> | undefined;
  let unsubscribe = () => {};
  const saved = await new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
    signal?.addEventListener('abort', () => resolve(false), { once: true });
    unsubscribe = sync.subscribe(({ state }) => {
      if (state === 'saved') resolve(true);
      if (state === 'not-allowed' || state === 'needs-sign-in' || state === 'refused' || state === 'storage-full') resolve(false);
    });
    void sync.start();
  });
  clearTimeout(timer);
  unsubscribe();
  sync.destroy();
  return saved;
}

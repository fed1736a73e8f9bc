/**
 * What this device keeps of the signed-in person's work, and removing it when they sign out:
 * the copies of their COPs' documents (IndexedDB, one database per document), files waiting to
 * upload, files kept for offline use, and the lists cached in localStorage. A venue laptop or a
 * borrowed phone must not hand one person's COP notes to the next. The device's own settings
 * (the interface language) stay.
 *
 * Before anything is removed, work the server does not have yet is looked for: documents with
 * unconfirmed local changes are opened and synced (sign-out needs the network anyway), and what
 * still cannot be saved is reported so the person decides.
 */
import { syncUntilSaved } from '$lib/documents/local-copies';
import { KEPT_FILES_CACHE, keptFiles } from '$lib/library/kept-files.svelte';
import { uploadStore } from '$lib/library/upload-store';
import { uploads } from '$lib/library/uploads.svelte';
import { unsavedDocuments } from '$lib/sync/unsaved-documents';

/** The upload queue's database (library/upload-store.ts). */
const UPLOADS_DB = 'atelier-uploads';
/** Document databases are named after their documents: `cop/{copId}(/…)`. */
const isDocumentDb = (name: string) => name.startsWith('cop/');
/** localStorage keys holding the person's data (account, members, presence, changes, copies). */
const isPersonalKey = (key: string) => key.startsWith('atelier.');
/** How long one document may take to reach the server before it counts as unsaved. */
const SAVE_TIMEOUT_MS = 10_000;
/** Removal waits this long for tabs to let go of a database; the browser finishes it later. */
const DELETE_WAIT_MS = 3_000;

export interface UnsavedWork {
  /** Documents whose local changes the server has not confirmed storing. */
  documents: string[];
  /** Files added here that have not finished uploading. */
  uploads: number;
}

export const nothingUnsaved = (work: UnsavedWork) => work.documents.length === 0 && work.uploads === 0;

/**
 * Tries to bring every document with unconfirmed local changes to the server, then reports what
 * is still missing there. `onProgress` is told how many documents are left to try.
 */
export async function saveUnsavedWork(onProgress: (left: number) => void = () => {}): Promise<UnsavedWork> {
  const pending = unsavedDocuments();
  for (let i = 0; i < pending.length; i++) {
    onProgress(pending.length - i);
    await syncUntilSaved(pending[i]!, SAVE_TIMEOUT_MS);
  }
  const queued = await uploadStore.all().catch(() => []);
  return { documents: unsavedDocuments(), uploads: queued.length };
}

/** Removes the person's data from this device (call after the pages using it have closed). */
export async function removeDeviceData(): Promise<void> {
  uploads.clear();
  const names = await databaseNames();
  const removals: Promise<unknown>[] = names.filter((n) => isDocumentDb(n) || n === UPLOADS_DB).map(deleteDatabase);
  if (typeof caches !== 'undefined') removals.push(caches.delete(KEPT_FILES_CACHE).catch(() => false));
  for (const key of Object.keys(localStorage)) if (isPersonalKey(key)) localStorage.removeItem(key);
  // A tab still holding a database delays its removal until it closes; do not wait for ever.
  await Promise.race([Promise.allSettled(removals), new Promise((resolve) => setTimeout(resolve, DELETE_WAIT_MS))]);
  keptFiles.clear();
}

async function databaseNames(): Promise<string[]> {
  if (typeof indexedDB === 'undefined') return [];
  if (typeof indexedDB.databases === 'function') {
    try {
      return (await indexedDB.databases()).map((d) => d.name ?? '').filter(Boolean);
    } catch {
      // Listing refused (some private modes): fall through to what can be named.
    }
  }
  return [UPLOADS_DB, ...unsavedDocuments()];
}

function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => resolve();
  });
}

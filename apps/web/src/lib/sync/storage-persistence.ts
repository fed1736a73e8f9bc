/**
 * Asks the browser to keep this site's storage (IndexedDB) under storage pressure. Without it,
 * work saved only on the device could be evicted; the status shows a warning when refused.
 */
export type StoragePersistence = 'persistent' | 'not-persistent' | 'unsupported';

type StorageLike = Pick<StorageManager, 'persist' | 'persisted'>;

export async function requestPersistentStorage(
  storage: StorageLike | undefined = globalThis.navigator?.storage
): Promise<StoragePersistence> {
  if (!storage || typeof storage.persist !== 'function') return 'unsupported';
  try {
    if (await storage.persisted()) return 'persistent';
    return (await storage.persist()) ? 'persistent' : 'not-persistent';
  } catch {
    // Some browsers throw in private windows instead of answering false.
    return 'not-persistent';
  }
}

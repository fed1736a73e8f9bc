/**
 * Which blobs are still needed, decided together with the database. Blobs are shared by every
 * file record with the same bytes, so "unlink when the last record goes" and "a new record points
 * at the blob" must be one decision: both run under a lock per hash, the reference count is read
 * from the database after the row is deleted (in the same transaction), and an upload makes its
 * bytes visible (re-linking them if a delete just unlinked them) before its record is written.
 */
import type { SqliteDatabase } from '../db/database';
import type { BlobStore, StagedBlob } from './blob-store';
import { KeyedLock } from './keyed-lock';

export class BlobReferences {
  readonly #locks = new KeyedLock();

  constructor(
    private readonly db: SqliteDatabase,
    private readonly blobs: BlobStore
  ) {}

  /**
   * Makes staged bytes visible under their hash, then runs `record`, which writes the row that
   * points at them (or decides not to, or throws). A blob nobody points at afterwards is unlinked
   * before the lock is let go, so a refused or failed upload leaves nothing behind.
   */
  async attach<T>(staged: StagedBlob, record: () => T): Promise<T> {
    return this.#locks.run(staged.hash, async () => {
      await this.blobs.commit(staged);
      try {
        return record();
      } finally {
        if (!this.#inUse(staged.hash)) await this.blobs.delete(staged.hash);
      }
    });
  }

  /** Deletes file `fileId` (of blob `hash`) and unlinks the blob if no other file points at it. */
  async release(fileId: string, hash: string): Promise<void> {
    await this.#locks.run(hash, async () => {
      const unused = this.db
        .transaction(() => {
          this.db.prepare('DELETE FROM files WHERE id = ?').run(fileId);
          return !this.#inUse(hash);
        })
        .immediate();
      if (unused) await this.blobs.delete(hash);
    });
  }

  #inUse(hash: string): boolean {
    return !!this.db.prepare('SELECT 1 FROM files WHERE blob_hash = ? LIMIT 1').get(hash);
  }
}

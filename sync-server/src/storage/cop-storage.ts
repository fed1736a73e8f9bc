/**
 * How much of the server's storage a COP takes — its documents (compacted state plus the updates
 * appended since) and its library files — against COP_STORAGE_QUOTA_BYTES. One member used to be
 * able to fill the disk by filling document after document, each just under the document limit.
 *
 * The sums run on indexed columns (`sync_documents_cop`, `files_cop`); the sync hot path reads
 * them through `CopStorage.usedRecently`, refreshed at most every USAGE_REFRESH_MS, so a burst
 * of updates can pass the quota by what is stored within that time, and no more.
 */
import type { SqliteDatabase } from '../db/database';

/** Sync checks may use a total this old: one indexed sum per COP and quarter second at most. */
const USAGE_REFRESH_MS = 250;

export interface CopStorageUse {
  usedBytes: number;
  quotaBytes: number;
}

export class CopStorage {
  readonly #documents;
  readonly #updates;
  readonly #files;
  readonly #recent = new Map<string, { bytes: number; at: number }>();

  constructor(
    db: SqliteDatabase,
    readonly quotaBytes: number
  ) {
    this.#documents = db.prepare('SELECT coalesce(sum(state_bytes), 0) FROM sync_documents WHERE cop_id = ?').pluck(true);
    this.#updates = db
      .prepare('SELECT coalesce(sum(length(u.data)), 0) FROM sync_updates u JOIN sync_documents d ON d.name = u.doc_name WHERE d.cop_id = ?')
      .pluck(true);
    this.#files = db.prepare('SELECT coalesce(sum(size), 0) FROM files WHERE cop_id = ?').pluck(true);
  }

  /** Bytes stored for the COP now. */
  used(copId: string): number {
    const bytes = (this.#documents.get(copId) as number) + (this.#updates.get(copId) as number) + (this.#files.get(copId) as number);
    this.#recent.set(copId, { bytes, at: Date.now() });
    return bytes;
  }

  /** `used`, or its value of at most USAGE_REFRESH_MS ago (for every sync update). */
  usedRecently(copId: string): number {
    const recent = this.#recent.get(copId);
    if (recent && Date.now() - recent.at < USAGE_REFRESH_MS) return recent.bytes;
    return this.used(copId);
  }

  /** Whether `moreBytes` more still fit in the COP's quota. */
  fits(copId: string, moreBytes: number, recent = false): boolean {
    return (recent ? this.usedRecently(copId) : this.used(copId)) + moreBytes <= this.quotaBytes;
  }

  use(copId: string): CopStorageUse {
    return { usedBytes: this.used(copId), quotaBytes: this.quotaBytes };
  }
}

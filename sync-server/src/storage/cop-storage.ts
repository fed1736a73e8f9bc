/**
 * How much of the server's storage a COP takes — its documents (compacted state plus the updates
 * appended since, plus what is accepted but not yet written) and its library files (each file
 * record counts its size: a blob shared by two COPs counts for each) — against
 * COP_STORAGE_QUOTA_BYTES. One member used to be able to fill the disk by filling document after
 * document, each just under the document limit.
 *
 * The sums run on indexed columns (`sync_documents_cop`, `files_cop`); the sync hot path reads
 * them through `usedRecently`, refreshed at most every USAGE_REFRESH_MS and raised by every
 * update accepted meanwhile (`added`), so updates accepted between two refreshes add up and the
 * quota is never passed. What the sync rooms hold but have not written yet is asked from them
 * (`countUnstored`): the database alone would miss it between a write being accepted and
 * committed.
 */
import type { SqliteDatabase } from '../db/database';

/** Sync checks may use a total this old: one indexed sum per COP and quarter second at most. */
const USAGE_REFRESH_MS = 250;

export interface CopStorageUse {
  usedBytes: number;
  quotaBytes: number;
}

/** Refused: the COP's documents and files would take more than its quota. */
export class CopStorageFullError extends Error {
  override name = 'CopStorageFullError';
  constructor(
    readonly usedBytes: number,
    readonly quotaBytes: number
  ) {
    super(`the COP's storage quota is full (${usedBytes} of ${quotaBytes} bytes used)`);
  }
}

export class CopStorage {
  readonly #documents;
  readonly #updates;
  readonly #files;
  readonly #recent = new Map<string, { bytes: number; at: number }>();
  #unstored: (copId: string) => number = () => 0;

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

  /** The sync rooms say what they hold for a COP that is not written yet (counted as used). */
  countUnstored(unstored: (copId: string) => number) {
    this.#unstored = unstored;
  }

  /** Bytes stored (or accepted for storing) for the COP now. */
  used(copId: string): number {
    const bytes =
      (this.#documents.get(copId) as number) + (this.#updates.get(copId) as number) + (this.#files.get(copId) as number) + this.#unstored(copId);
    this.#recent.set(copId, { bytes, at: Date.now() });
    return bytes;
  }

  /** `used`, or its value of at most USAGE_REFRESH_MS ago raised by what was added since. */
  usedRecently(copId: string): number {
    const recent = this.#recent.get(copId);
    if (recent && Date.now() - recent.at < USAGE_REFRESH_MS) return recent.bytes;
    return this.used(copId);
  }

  /**
   * Counts bytes accepted for storing (a sync update) into the recent total at once, so the
   * updates accepted before the next refresh add up instead of each seeing the same old total.
   */
  added(copId: string, bytes: number) {
    const recent = this.#recent.get(copId);
    if (recent) recent.bytes += bytes;
  }

  /** Whether `moreBytes` more still fit in the COP's quota. */
  fits(copId: string, moreBytes: number, recent = false): boolean {
    return (recent ? this.usedRecently(copId) : this.used(copId)) + moreBytes <= this.quotaBytes;
  }

  /** Bytes the COP may still store (never below zero). */
  room(copId: string): number {
    return Math.max(0, this.quotaBytes - this.used(copId));
  }

  /** Throws CopStorageFullError unless `moreBytes` more fit. */
  require(copId: string, moreBytes: number) {
    const used = this.used(copId);
    if (used + moreBytes > this.quotaBytes) throw new CopStorageFullError(used, this.quotaBytes);
  }

  use(copId: string): CopStorageUse {
    return { usedBytes: this.used(copId), quotaBytes: this.quotaBytes };
  }
}

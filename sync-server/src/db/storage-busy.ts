/**
 * When another process holds the database's write lock (a backup, an admin command, a stuck
 * `BEGIN EXCLUSIVE`), better-sqlite3 waits for it synchronously: its busy timeout spins on the
 * event loop, so every socket and request, `/healthz` included, would freeze with it. The main
 * connection therefore waits only briefly (DB_BUSY_TIMEOUT_MS: long enough for the sync writer
 * thread's own commits), and a statement that still finds the lock taken fails with SQLITE_BUSY,
 * which the API edge answers with 503 and Retry-After. After such a failure the guard stops
 * waiting at all for a moment, so a queue of requests during a long lock costs no event-loop time
 * each; reads go on meanwhile (WAL readers never wait for a writer). Sync edits are written by
 * the writer thread, which keeps waiting and retrying on its own thread.
 */
import type { SqliteDatabase } from './database';

/** What a refused request is told to wait, and how long the guard stops waiting after a refusal. */
export const STORAGE_RETRY_AFTER_SECONDS = 1;

/** Whether an error means "the database is locked by someone else", not a fault of the request. */
export function isStorageBusy(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

export class StorageBusyGuard {
  #holdOff: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly db: SqliteDatabase,
    /** How long a statement on the main connection may wait for the lock. */
    private readonly busyTimeoutMs: number
  ) {
    db.pragma(`busy_timeout = ${busyTimeoutMs}`);
  }

  /** Called when a statement gave up waiting: fail the next ones at once, for a moment. */
  gaveUp(): void {
    if (this.#holdOff || !this.db.open) return;
    this.db.pragma('busy_timeout = 0');
    this.#holdOff = setTimeout(() => {
      this.#holdOff = undefined;
      if (this.db.open) this.db.pragma(`busy_timeout = ${this.busyTimeoutMs}`);
    }, STORAGE_RETRY_AFTER_SECONDS * 1000);
    this.#holdOff.unref?.();
  }

  /** Whether statements are failing at once right now (after a recent refusal). */
  get holdingOff(): boolean {
    return this.#holdOff !== undefined;
  }
}

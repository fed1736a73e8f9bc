/**
 * Throttling of password guesses (sign-in, and the current password of a password change): after
 * 10 failed attempts for one key (an account, a client address, a session) within 15 minutes,
 * further attempts get 429 until the oldest failure ages out. Successful attempts are not counted.
 *
 * An attempt is reserved before its password is hashed and counts as a failure while it is in
 * flight: checking a password takes a few hundred milliseconds, so counting only finished
 * failures let a burst of 40 guesses sent at once all be evaluated before the first one failed.
 * A success releases its reservation; a failure keeps it.
 *
 * Kept in memory: one process serves one deployment, and a restart forgiving old failures is
 * acceptable (a multi-node deployment would move it to Redis).
 */
export const MAX_FAILURES = 10;
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;
/**
 * Retry-After when the limit is reached only because attempts are still being checked: they end
 * within a second or two, and each either frees its place (success) or becomes a failure.
 */
export const IN_FLIGHT_RETRY_SECONDS = 2;
/** Bound on tracked keys so a spray of random emails cannot grow memory without limit. */
const MAX_KEYS = 100_000;

interface Entry {
  /** When the attempt failed; undefined while it is in flight. */
  failedAt?: number;
}

/** An attempt that was let through: say how it ended, exactly once. */
export interface ReservedAttempt {
  /** The password was right (or the attempt ended before its password was checked): not counted. */
  release(): void;
  /** The password was wrong: counted as a failure for 15 minutes. */
  fail(): void;
}

export type Reservation =
  | { ok: true; attempt: ReservedAttempt }
  /** `inFlight`: refused only because other attempts are still being checked. */
  | { ok: false; retryAfterSeconds: number; inFlight: boolean };

export class SignInThrottle {
  #entries = new Map<string, Entry[]>();

  constructor(private readonly now: () => number = Date.now) {}

  #recent(key: string): Entry[] {
    const cutoff = this.now() - FAILURE_WINDOW_MS;
    const list = (this.#entries.get(key) ?? []).filter((e) => e.failedAt === undefined || e.failedAt > cutoff);
    if (list.length) this.#entries.set(key, list);
    else this.#entries.delete(key);
    return list;
  }

  /**
   * Lets an attempt through and counts it at once, or says how long to wait. Synchronous, so
   * concurrent requests are counted one after the other.
   */
  reserve(keys: string[]): Reservation {
    let wait = 0;
    let inFlight = false;
    for (const key of keys) {
      const list = this.#recent(key);
      if (list.length < MAX_FAILURES) continue;
      const failures = list.flatMap((e) => (e.failedAt === undefined ? [] : [e.failedAt])).sort((a, b) => a - b);
      if (failures.length >= MAX_FAILURES) {
        const oldestRelevant = failures[failures.length - MAX_FAILURES]!;
        wait = Math.max(wait, Math.ceil((oldestRelevant + FAILURE_WINDOW_MS - this.now()) / 1000));
      } else {
        inFlight = true;
      }
    }
    if (wait > 0) return { ok: false, retryAfterSeconds: wait, inFlight: false };
    if (inFlight) return { ok: false, retryAfterSeconds: IN_FLIGHT_RETRY_SECONDS, inFlight: true };

    if (this.#entries.size > MAX_KEYS) this.#sweep();
    const entry: Entry = {};
    for (const key of keys) {
      const list = this.#entries.get(key) ?? [];
      list.push(entry);
      this.#entries.set(key, list);
    }
    let settled = false;
    return {
      ok: true,
      attempt: {
        release: () => {
          if (settled) return;
          settled = true;
          for (const key of keys) {
            const list = this.#entries.get(key)?.filter((e) => e !== entry) ?? [];
            if (list.length) this.#entries.set(key, list);
            else this.#entries.delete(key);
          }
        },
        fail: () => {
          if (settled) return;
          settled = true;
          entry.failedAt = this.now();
          for (const key of keys) this.#trim(key);
        }
      }
    };
  }

  /** Keeps the attempts in flight and only the failures that can still matter. */
  #trim(key: string) {
    const list = this.#recent(key);
    const failures = list.filter((e) => e.failedAt !== undefined).sort((a, b) => a.failedAt! - b.failedAt!);
    if (failures.length <= MAX_FAILURES) return;
    const dropped = new Set(failures.slice(0, failures.length - MAX_FAILURES));
    this.#entries.set(key, list.filter((e) => !dropped.has(e)));
  }

  #sweep() {
    for (const key of [...this.#entries.keys()]) this.#recent(key);
    // Still full after dropping old entries: forget the oldest keys first.
    for (const key of this.#entries.keys()) {
      if (this.#entries.size <= MAX_KEYS / 2) break;
      this.#entries.delete(key);
    }
  }
}

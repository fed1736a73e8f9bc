/**
 * Sign-in throttling counts failures only: after 10 failed attempts for one account, or from one
 * client address, within 15 minutes, further attempts get 429 until the oldest failure ages out.
 * Successful sign-ins are not counted. Kept in memory: one process serves one deployment, and a
 * restart forgiving old failures is acceptable (a multi-node deployment would move it to Redis).
 */
export const MAX_FAILURES = 10;
export const FAILURE_WINDOW_MS = 15 * 60 * 1000;
/** Bound on tracked keys so a spray of random emails cannot grow memory without limit. */
const MAX_KEYS = 100_000;

export class SignInThrottle {
  #failures = new Map<string, number[]>();

  constructor(private readonly now: () => number = Date.now) {}

  #recent(key: string): number[] {
    const cutoff = this.now() - FAILURE_WINDOW_MS;
    const list = (this.#failures.get(key) ?? []).filter((t) => t > cutoff);
    if (list.length) this.#failures.set(key, list);
    else this.#failures.delete(key);
    return list;
  }

  /** Seconds until another attempt is allowed for any of these keys, or 0 if allowed now. */
  retryAfterSeconds(keys: string[]): number {
    let wait = 0;
    for (const key of keys) {
      const list = this.#recent(key);
      if (list.length >= MAX_FAILURES) {
        const oldestRelevant = list[list.length - MAX_FAILURES]!;
        wait = Math.max(wait, Math.ceil((oldestRelevant + FAILURE_WINDOW_MS - this.now()) / 1000));
      }
    }
    return wait;
  }

  recordFailure(keys: string[]) {
    if (this.#failures.size > MAX_KEYS) this.#sweep();
    for (const key of keys) {
      const list = this.#recent(key);
      list.push(this.now());
      this.#failures.set(key, list.slice(-MAX_FAILURES));
    }
  }

  #sweep() {
    for (const key of [...this.#failures.keys()]) this.#recent(key);
    // Still full after dropping old entries: forget the oldest keys first.
    for (const key of this.#failures.keys()) {
      if (this.#failures.size <= MAX_KEYS / 2) break;
      this.#failures.delete(key);
    }
  }
}

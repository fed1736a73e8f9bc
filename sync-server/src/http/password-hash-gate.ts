/**
 * Bounds the password hashing that requests can start (sign-in, password change, new accounts).
 * One scrypt at our cost takes 128 MiB and a few hundred milliseconds of a libuv thread; without a
 * bound, a burst of 60 sign-ins queued 60 hashes on the thread pool (4 threads: 512 MiB at once,
 * and file reads stuck behind them for seconds). At most `concurrency` hashes run at once, at most
 * `queue` wait for a turn, and one client address holds at most `perAddress` of those places, so
 * one address cannot fill the queue for everyone. Beyond that: 429 with a Retry-After estimated
 * from the recent hashing time.
 */
import type { PasswordHashingSettings } from '../config';
import { apiMessages } from '../messages/api-messages';
import { ApiError } from './api-error';

/** A first guess of one hash's duration until some were measured (scrypt N=2^17 on one core). */
const INITIAL_HASH_MS = 400;

export class PasswordHashGate {
  #running = 0;
  #waiting: (() => void)[] = [];
  #perAddress = new Map<string, number>();
  #averageMs = INITIAL_HASH_MS;
  /** The most hashes seen running at once (tests and measurements read it). */
  peakRunning = 0;

  constructor(readonly settings: PasswordHashingSettings) {}

  /**
   * Runs `work` (which hashes one password) when a place is free; throws a 429 ApiError at once
   * when the queue or this address's share of it is full.
   */
  async run<T>(address: string, work: () => Promise<T>): Promise<T> {
    const held = this.#perAddress.get(address) ?? 0;
    const mustWait = this.#running >= this.settings.concurrency;
    if (held >= this.settings.perAddress || (mustWait && this.#waiting.length >= this.settings.queue)) {
      throw new ApiError(429, 'too_many_requests', apiMessages.passwordChecksBusy(), {
        'Retry-After': String(this.retryAfterSeconds())
      });
    }
    this.#perAddress.set(address, held + 1);
    try {
      if (mustWait) await new Promise<void>((resolve) => this.#waiting.push(resolve));
      else this.#running++;
      this.peakRunning = Math.max(this.peakRunning, this.#running);
      const started = performance.now();
      try {
        return await work();
      } finally {
        // A moving average: the estimate follows the machine's load without jumping on one outlier.
        this.#averageMs = 0.8 * this.#averageMs + 0.2 * (performance.now() - started);
        const next = this.#waiting.shift();
        if (next) next(); // the place passes to the next in line: #running stays the same
        else this.#running--;
      }
    } finally {
      const left = (this.#perAddress.get(address) ?? 1) - 1;
      if (left > 0) this.#perAddress.set(address, left);
      else this.#perAddress.delete(address);
    }
  }

  /** Seconds until the queue as it is now has drained, at least 1. */
  retryAfterSeconds(): number {
    const rounds = (this.#running + this.#waiting.length) / this.settings.concurrency;
    return Math.max(1, Math.ceil((rounds * this.#averageMs) / 1000));
  }
}

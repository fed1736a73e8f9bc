/**
 * A token bucket: `ratePerSecond` sustained, up to `capacity` in a burst. `take` may drive the
 * balance below zero and returns how long to wait until it is positive again, so a caller can
 * pause the sender for exactly that long instead of refusing work it has already received.
 */
export class TokenBucket {
  #tokens: number;
  #last: number;

  constructor(
    readonly ratePerSecond: number,
    readonly capacity: number,
    private readonly now: () => number = performance.now.bind(performance)
  ) {
    this.#tokens = capacity;
    this.#last = this.now();
  }

  /** Takes `amount` tokens; returns 0 if there were enough, else the milliseconds to wait. */
  take(amount: number): number {
    const t = this.now();
    this.#tokens = Math.min(this.capacity, this.#tokens + ((t - this.#last) * this.ratePerSecond) / 1000);
    this.#last = t;
    this.#tokens -= amount;
    return this.#tokens >= 0 ? 0 : Math.ceil((-this.#tokens * 1000) / this.ratePerSecond);
  }
}

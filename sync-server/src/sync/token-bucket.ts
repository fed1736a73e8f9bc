/**
 * A token bucket: `ratePerSecond` sustained, up to `capacity` in a burst. `take` takes tokens
 * only if there are enough, and otherwise says how long to wait until there will be, so a
 * caller can hold work back for exactly that long instead of refusing it.
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

  /** Takes `amount` tokens and returns 0, or takes nothing and returns the milliseconds to wait. */
  take(amount: number): number {
    const t = this.now();
    this.#tokens = Math.min(this.capacity, this.#tokens + ((t - this.#last) * this.ratePerSecond) / 1000);
    this.#last = t;
    const wanted = Math.min(amount, this.capacity);
    if (this.#tokens >= wanted) {
      this.#tokens -= wanted;
      return 0;
    }
    return Math.max(1, Math.ceil(((wanted - this.#tokens) * 1000) / this.ratePerSecond));
  }

  /** Gives back tokens taken for work that was then held back by another bucket. */
  refund(amount: number) {
    this.#tokens = Math.min(this.capacity, this.#tokens + amount);
  }
}

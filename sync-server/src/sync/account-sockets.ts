/**
 * How many sync sockets each account has open, kept as a count per account so that deciding an
 * upgrade (SYNC_MAX_SOCKETS_PER_USER) costs the same with ten sockets open or eighty thousand. A
 * place is taken when a socket opens and given back exactly once, when it is gone.
 */
export class AccountSockets {
  readonly #open = new Map<string, number>();

  constructor(private readonly max: number) {}

  /** Open sockets of `userId`. */
  count(userId: string): number {
    return this.#open.get(userId) ?? 0;
  }

  /** Whether `userId` may open one more socket (the upgrade's early refusal). */
  hasRoom(userId: string): boolean {
    return this.count(userId) < this.max;
  }

  /** Takes a place for an opening socket; returns the release, or null when the account is full. */
  take(userId: string): (() => void) | null {
    const open = this.count(userId);
    if (open >= this.max) return null;
    this.#open.set(userId, open + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = this.count(userId) - 1;
      if (left > 0) this.#open.set(userId, left);
      else this.#open.delete(userId);
    };
  }
}

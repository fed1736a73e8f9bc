/**
 * How long to wait before reconnect attempt `attempt` (0-based): exponential from `baseMs`,
 * capped at `maxMs`, with full jitter (a random point in [0, delay]) so that a whole venue of
 * laptops coming back on line does not reconnect in lock-step.
 */
export interface BackoffOptions {
  /** First delay before jitter; 500 ms keeps a brief blip nearly unnoticed. */
  baseMs?: number;
  /** Ceiling; 30 s bounds how stale "offline" can be once the network is back. */
  maxMs?: number;
  random?: () => number;
}

export function reconnectDelay(attempt: number, { baseMs = 500, maxMs = 30_000, random = Math.random }: BackoffOptions = {}): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(attempt, 30));
  return Math.round(random() * ceiling);
}

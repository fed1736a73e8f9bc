/**
 * How long to wait before reconnect attempt `attempt` (0-based): exponential from `baseMs`,
 * capped, with full jitter (a random point in [0, delay]) so that a whole venue of laptops coming
 * back on line does not reconnect in lock-step. While the page is visible the cap is short: a
 * venue's uplink often returns without any `online` event (the Wi-Fi never went away), and the
 * person looking at the page should be in sync within a few seconds of it.
 */
export interface BackoffOptions {
  /** First delay before jitter; 500 ms keeps a brief blip nearly unnoticed. */
  baseMs?: number;
  /** Ceiling while the page is hidden: a background tab need not knock often. */
  maxMs?: number;
  /** Ceiling while the page is visible (a handshake of a few hundred bytes every ≤1 s is cheap). */
  visibleMaxMs?: number;
  random?: () => number;
}

export function reconnectDelay(
  attempt: number,
  { baseMs = 500, maxMs = 30_000, visibleMaxMs = 1_000, random = Math.random }: BackoffOptions = {},
  visible = false
): number {
  const cap = visible ? Math.min(maxMs, visibleMaxMs) : maxMs;
  const ceiling = Math.min(cap, baseMs * 2 ** Math.min(attempt, 30));
  return Math.round(random() * ceiling);
}

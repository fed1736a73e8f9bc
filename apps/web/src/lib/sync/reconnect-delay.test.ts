import { describe, expect, it } from 'vitest';
import { reconnectDelay } from './reconnect-delay';

describe('reconnectDelay', () => {
  it('doubles the ceiling with each attempt up to the maximum', () => {
    const top = (attempt: number) => reconnectDelay(attempt, { baseMs: 100, maxMs: 1_000, random: () => 1 });
    expect([0, 1, 2, 3, 4, 10, 100].map(top)).toEqual([100, 200, 400, 800, 1_000, 1_000, 1_000]);
  });

  it('spreads delays over the whole range (full jitter)', () => {
    expect(reconnectDelay(3, { baseMs: 100, random: () => 0 })).toBe(0);
    expect(reconnectDelay(3, { baseMs: 100, random: () => 0.5 })).toBe(400);
    const samples = Array.from({ length: 200 }, () => reconnectDelay(5));
    expect(Math.min(...samples)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...samples)).toBeLessThanOrEqual(16_000);
    expect(new Set(samples).size).toBeGreaterThan(100);
  });
});

describe('reconnectDelay while the page is visible', () => {
  it('keeps retrying within 1 s, so a device is back in sync within seconds of the uplink returning (it waited up to 30 s)', () => {
    const top = (attempt: number, visible: boolean) => reconnectDelay(attempt, { random: () => 1 }, visible);
    expect([0, 1, 2, 10, 100].map((a) => top(a, true))).toEqual([500, 1_000, 1_000, 1_000, 1_000]);
    expect(top(10, false)).toBe(30_000);
  });
});

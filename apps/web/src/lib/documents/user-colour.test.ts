import { describe, expect, it } from 'vitest';
import { PRESENCE_COLOURS, userColour } from './user-colour';

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

describe('presence colours', () => {
  it('are stable per person and carry white text at AA contrast', () => {
    expect(userColour('user-1')).toBe(userColour('user-1'));
    expect(new Set(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map(userColour)).size).toBeGreaterThan(3);
    for (const c of PRESENCE_COLOURS) expect((1.05 / (luminance(c) + 0.05))).toBeGreaterThanOrEqual(4.5);
  });
});

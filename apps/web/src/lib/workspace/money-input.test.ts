import { describe, expect, it } from 'vitest';
import { parseCents } from './money-input';

describe('parseCents', () => {
  it('reads amounts written the English or the French way', () => {
    expect(parseCents('12.50')).toBe(1250);
    expect(parseCents('12,5')).toBe(1250);
    expect(parseCents('1 234,56 $')).toBe(123456);
    expect(parseCents('$1,234.56')).toBe(123456);
    expect(parseCents('40')).toBe(4000);
  });

  it('refuses what is not an amount in dollars and cents', () => {
    for (const bad of ['', 'abc', '12.345', '-5', '1.2.3', '12,50,1']) expect(parseCents(bad), bad).toBeNull();
  });
});

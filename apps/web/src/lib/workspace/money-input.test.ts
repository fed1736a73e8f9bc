import { describe, expect, it } from 'vitest';
import { centsForInput, parseCents } from './money-input';

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

describe('centsForInput', () => {
  it('writes a saved amount back the way the person types it, and reads back unchanged', () => {
    expect(centsForInput(24000, 'en')).toBe('240.00');
    expect(centsForInput(123456, 'fr')).toBe('1234,56');
    expect(centsForInput(5, 'en')).toBe('0.05');
    for (const cents of [1, 99, 100, 24050, 100_000_000]) for (const l of ['en', 'fr'] as const) expect(parseCents(centsForInput(cents, l))).toBe(cents);
  });
});

import { describe, expect, it } from 'vitest';
import { formatCad, formatLongDate, formatMegabytes, formatNumber, formatPercent, intlLocale } from './intl-format';

describe('Canadian formats', () => {
  it('maps the UI languages to en-CA and fr-CA', () => {
    expect(intlLocale('en')).toBe('en-CA');
    expect(intlLocale('fr')).toBe('fr-CA');
  });

  it('writes dates the way each language does', () => {
    const d = new Date(Date.UTC(2026, 2, 14, 12));
    expect(formatLongDate(d, 'en', 'UTC')).toBe('Saturday, March 14, 2026');
    expect(formatLongDate(d, 'fr', 'UTC')).toBe('samedi 14 mars 2026');
  });

  it('writes numbers and dollars from cents with the right separators', () => {
    expect(formatNumber(12345.5, 'en')).toBe('12,345.5');
    expect(formatNumber(12345.5, 'fr').replace(/\s/g, ' ')).toBe('12 345,5');
    expect(formatCad(123456, 'en')).toBe('$1,234.56');
    expect(formatCad(123456, 'fr').replace(/\s/g, ' ')).toBe('1 234,56 $');
  });

  it('writes a COP\'s storage in megabytes without rounding a small file away to nothing', () => {
    expect(formatMegabytes(12_345_678, 'en')).toBe('12.3 MB');
    expect(formatMegabytes(12_345_678, 'fr').replace(/\s/g, ' ')).toBe('12,3 Mo');
    expect(formatMegabytes(100_000_000, 'en')).toBe('100 MB');
    expect(formatMegabytes(41_000, 'en')).toBe('0.04 MB');
    expect(formatPercent(0.923, 'en')).toBe('92%');
    expect(formatPercent(0.923, 'fr').replace(/\s/g, ' ')).toBe('92 %');
  });
});

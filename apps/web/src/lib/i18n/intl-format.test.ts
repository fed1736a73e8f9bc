import { describe, expect, it } from 'vitest';
import { formatCad, formatDateTime, formatLongDate, formatMegabytes, formatNumber, formatPercent, formatTime, intlLocale } from './intl-format';

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

  it('writes French moments and times as Canadian French does ("9 h 30", "13 h", "13 h 05"; never "09 h 30")', () => {
    expect(formatTime(Date.UTC(2026, 2, 14, 9, 30), 'fr', 'UTC')).toBe('9 h 30');
    expect(formatTime(Date.UTC(2026, 2, 14, 13, 0), 'fr', 'UTC')).toBe('13 h');
    expect(formatTime(Date.UTC(2026, 2, 14, 13, 5), 'fr', 'UTC')).toBe('13 h 05');
    expect(formatDateTime(Date.UTC(2026, 2, 14, 9, 0), 'fr', 'UTC')).toBe('14 mars 2026, 9 h');
    expect(formatDateTime(Date.UTC(2026, 2, 14, 14, 5), 'fr', 'UTC')).toBe('14 mars 2026, 14 h 05');
  });

  it('writes English moments and times as en-CA does', () => {
    expect(formatTime(Date.UTC(2026, 2, 14, 9, 30), 'en', 'UTC')).toBe('9:30\u202fa.m.');
    expect(formatDateTime(Date.UTC(2026, 2, 14, 14, 5), 'en', 'UTC')).toBe('Mar 14, 2026, 2:05\u202fp.m.');
  });
});

import { describe, expect, it } from 'vitest';
import { formatCad, formatLongDate, formatNumber, intlLocale } from './intl-format';

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
});

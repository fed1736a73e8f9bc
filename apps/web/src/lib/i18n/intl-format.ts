/**
 * Dates and numbers for people in Canada, through the platform's Intl: en-CA and fr-CA.
 * Paraglide gives us "en" or "fr"; this maps them to the regional formats.
 * Times of day come from `@atelier/workspace`'s `zoned-format.ts` (Canadian French "9 h 30").
 */
import { formatTimeOfDay, formatZoned } from '@atelier/workspace';

export type UiLanguage = 'en' | 'fr';

const REGIONAL: Record<UiLanguage, string> = { en: 'en-CA', fr: 'fr-CA' };

export function intlLocale(language: UiLanguage): string {
  return REGIONAL[language];
}

export function formatLongDate(date: Date, language: UiLanguage, timeZone?: string): string {
  return new Intl.DateTimeFormat(intlLocale(language), { dateStyle: 'full', timeZone }).format(date);
}

export function formatNumber(value: number, language: UiLanguage): string {
  return new Intl.NumberFormat(intlLocale(language)).format(value);
}

/**
 * Stored bytes as decimal megabytes, "12.3 MB" / « 12,3 Mo » (a COP's storage use; the server's
 * messages write them the same way). Under one megabyte two decimals, so a small file is not "0 MB".
 */
export function formatMegabytes(bytes: number, language: UiLanguage): string {
  return new Intl.NumberFormat(intlLocale(language), { style: 'unit', unit: 'megabyte', maximumFractionDigits: bytes < 1e6 ? 2 : 1 }).format(bytes / 1e6);
}

/** A share of a whole as a percentage: "92%" / « 92 % ». */
export function formatPercent(share: number, language: UiLanguage): string {
  return new Intl.NumberFormat(intlLocale(language), { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/** Money is kept in integer cents everywhere; only display turns it into dollars. */
export function formatCad(cents: number, language: UiLanguage): string {
  return new Intl.NumberFormat(intlLocale(language), { style: 'currency', currency: 'CAD' }).format(cents / 100);
}

/** A day, short enough for a list: "Mar 14, 2026" / "14 mars 2026". */
export function formatDate(date: Date | number, language: UiLanguage, timeZone?: string): string {
  return new Intl.DateTimeFormat(intlLocale(language), { dateStyle: 'medium', timeZone }).format(date);
}

/** A moment: "Mar 14, 2026, 2:05 p.m." / "14 mars 2026, 14 h 05", "14 mars 2026, 9 h" (never "09 h 00"). */
export function formatDateTime(date: Date | number, language: UiLanguage, timeZone?: string): string {
  return formatZoned(date, language, timeZone, 'medium');
}

/** A time of day: "9:30 a.m." / "9 h 30", "13 h". */
export function formatTime(date: Date | number, language: UiLanguage, timeZone?: string): string {
  return formatTimeOfDay(date, language, timeZone);
}

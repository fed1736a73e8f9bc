/**
 * Which language to show a bilingual thing in: the UI language when it exists, else the other
 * one. Returns the language too, so the page can mark the text with `lang` when it differs from
 * the UI's.
 */
import type { Language } from '$lib/api/types';

export function pickLanguage<T>(values: Partial<Record<Language, T | null | undefined>>, preferred: Language): { language: Language; value: T } | null {
  const other: Language = preferred === 'en' ? 'fr' : 'en';
  for (const language of [preferred, other]) {
    const value = values[language];
    if (value !== undefined && value !== null && value !== '') return { language, value };
  }
  return null;
}

/** Day strings (2026-03-14) for the date filters, from a local date input's value. */
export function isDay(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value);
}

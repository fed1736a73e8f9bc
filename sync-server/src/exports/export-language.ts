/**
 * How a request picks an export's language: `?language=en|fr` when given, else the signed-in
 * person's language, else the fallback (the COP's language, or English for public readers).
 * The words exports write are in `messages/export-messages.ts`.
 */
import type { Language } from '@atelier/api-types';

export type ExportLanguage = Language;

/**
 * The language of an export: an explicit `?language=` wins, then the person's own language,
 * then `fallback`.
 */
export function exportLanguage(query: string | undefined, person: { language?: string } | undefined, fallback: ExportLanguage = 'en'): ExportLanguage {
  if (query === 'en' || query === 'fr') return query;
  if (person?.language === 'en' || person?.language === 'fr') return person.language;
  return fallback;
}

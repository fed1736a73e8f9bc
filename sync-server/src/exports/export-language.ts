/**
 * How a request picks an export's language. A COP's records (minutes, the records zip) are the
 * COP's: they are written in the language the COP works in, whoever downloads them, so the same
 * meeting's minutes read the same for every member and in the archive (an English-speaking
 * member of a French COP gets French minutes). Things that belong to a person and not to a COP
 * (the programme's calendars) follow the signed-in person's language. Either way an explicit
 * `?language=en|fr` wins: a member preparing a summary for the other language's network asks
 * for it. The words exports write are in `messages/export-messages.ts`.
 */
import type { Language } from '@atelier/api-types';

export type ExportLanguage = Language;

const asked = (query: string | undefined): ExportLanguage | undefined => (query === 'en' || query === 'fr' ? query : undefined);

/** A COP record's language: an explicit `?language=` wins, else the COP's own language. */
export function copExportLanguage(query: string | undefined, cop: { language: ExportLanguage }): ExportLanguage {
  return asked(query) ?? cop.language;
}

/**
 * A personal export's language: an explicit `?language=` wins, then the person's own language,
 * then `fallback`.
 */
export function exportLanguage(query: string | undefined, person: { language?: string } | undefined, fallback: ExportLanguage = 'en'): ExportLanguage {
  if (asked(query)) return asked(query)!;
  if (person?.language === 'en' || person?.language === 'fr') return person.language;
  return fallback;
}

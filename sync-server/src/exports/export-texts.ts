/**
 * The words the server itself writes into exports — minutes headings, calendar labels, the lines
 * under a DOCX title, the records zip's notes — in English and French, and how a request picks
 * the language: `?language=en|fr` when given, else the signed-in person's language, else the
 * fallback (the COP's language, or English for public readers).
 *
 * A small catalog of its own, one object per language with the same keys (the type makes a
 * missing French text a compile error), so that it can be merged into a server-wide message
 * catalog later without touching the exports.
 */
export type ExportLanguage = 'en' | 'fr';

export interface ExportTexts {
  lang: ExportLanguage;
  /** Locale for dates in exports. */
  locale: string;
  minutes: {
    agenda: string;
    decisions: string;
    actions: string;
    attendance: string;
    general: string;
    due: string;
    done: string;
    statuses: Record<'present' | 'absent' | 'regrets', string>;
    /** Shown instead of the date when the stored start or time zone cannot be read. */
    unreadableTime: string;
  };
  calendar: {
    name: string;
    runningOrder: string;
    minutes: (n: number) => string;
    kinds: Record<'fair' | 'quarterly', string>;
  };
  docx: {
    version: (n: number) => string;
    publishedOn: (date: string) => string;
    authors: string;
  };
  records: {
    /** A file of the zip that could not be written, with why (the rest of the zip is whole). */
    skipped: (path: string, reason: string) => string;
    skippedHeading: string;
  };
}

export const EXPORT_TEXTS: Record<ExportLanguage, ExportTexts> = {
  en: {
    lang: 'en',
    locale: 'en-CA',
    minutes: {
      agenda: 'Agenda',
      decisions: 'Decisions',
      actions: 'Action items',
      attendance: 'Attendance',
      general: 'General',
      due: 'due',
      done: 'done',
      statuses: { present: 'present', absent: 'absent', regrets: 'regrets' },
      unreadableTime: 'date and time not readable'
    },
    calendar: {
      name: 'Atelier — learning events',
      runningOrder: 'Running order:',
      minutes: (n) => `${n} min`,
      kinds: { fair: 'Excellence Fair', quarterly: 'Quarterly Learning Event' }
    },
    docx: {
      version: (n) => `Version ${n}`,
      publishedOn: (date) => `published ${date}`,
      authors: 'Authors'
    },
    records: {
      skipped: (path, reason) => `${path}: not exported (${reason})`,
      skippedHeading: 'Items that could not be exported'
    }
  },
  fr: {
    lang: 'fr',
    locale: 'fr-CA',
    minutes: {
      agenda: 'Ordre du jour',
      decisions: 'Décisions',
      actions: 'Suivis',
      attendance: 'Présences',
      general: 'Général',
      due: 'échéance',
      done: 'fait',
      statuses: { present: 'présent', absent: 'absent', regrets: 'excusé' },
      unreadableTime: 'date et heure illisibles'
    },
    calendar: {
      name: 'Atelier — événements d’apprentissage',
      runningOrder: 'Ordre de passage :',
      minutes: (n) => `${n} min`,
      kinds: { fair: 'Salon de l’excellence', quarterly: 'Événement d’apprentissage trimestriel' }
    },
    docx: {
      version: (n) => `Version ${n}`,
      publishedOn: (date) => `publiée le ${date}`,
      authors: 'Auteurs'
    },
    records: {
      skipped: (path, reason) => `${path} : non exporté (${reason})`,
      skippedHeading: 'Éléments qui n’ont pas pu être exportés'
    }
  }
};

/**
 * The language of an export: an explicit `?language=` wins, then the person's own language,
 * then `fallback`.
 */
export function exportLanguage(query: string | undefined, person: { language?: string } | undefined, fallback: ExportLanguage = 'en'): ExportLanguage {
  if (query === 'en' || query === 'fr') return query;
  if (person?.language === 'en' || person?.language === 'fr') return person.language;
  return fallback;
}

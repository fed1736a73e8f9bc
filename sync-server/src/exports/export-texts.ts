/**
 * The words the server writes into calendar exports (.ics), in English and French, and how a
 * request picks an export's language: `?language=en|fr` when given, else the signed-in person's
 * language, else the fallback (the COP's language, or English for public readers). Minutes
 * headings live beside the minutes (`MINUTES_LABELS`); API messages in `src/messages/`.
 */
export type ExportLanguage = 'en' | 'fr';

export interface ExportTexts {
  calendar: {
    name: string;
    runningOrder: string;
    minutes: (n: number) => string;
    kinds: Record<'fair' | 'quarterly', string>;
  };
}

export const EXPORT_TEXTS: Record<ExportLanguage, ExportTexts> = {
  en: {
    calendar: {
      name: 'Atelier — learning events',
      runningOrder: 'Running order:',
      minutes: (n) => `${n} min`,
      kinds: { fair: 'Excellence Fair', quarterly: 'Quarterly Learning Event' }
    }
  },
  fr: {
    calendar: {
      name: 'Atelier — événements d’apprentissage',
      runningOrder: 'Ordre de passage :',
      minutes: (n) => `${n} min`,
      kinds: { fair: 'Salon de l’excellence', quarterly: 'Événement d’apprentissage trimestriel' }
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

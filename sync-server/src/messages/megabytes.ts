/**
 * A byte count as megabytes in the language of the message it fills ("12.3 MB", « 12,3 Mo »):
 * a message parameter rendered late, like the message itself. Decimal megabytes (10^6 bytes),
 * as the COP page shows them and COP_STORAGE_QUOTA_BYTES is usually written.
 */
import type { Language } from '@atelier/api-types';
import type { LocalText } from './define-messages';

const LOCALES: Record<Language, string> = { en: 'en-CA', fr: 'fr-CA' };

export function megabytes(bytes: number): LocalText {
  return {
    key: 'megabytes',
    params: { bytes },
    // Under one megabyte a tenth would round a small file away to "0 MB".
    in: (language: Language) =>
      new Intl.NumberFormat(LOCALES[language] ?? LOCALES.en, { style: 'unit', unit: 'megabyte', maximumFractionDigits: bytes < 1e6 ? 2 : 1 }).format(
        bytes / 1e6
      )
  };
}

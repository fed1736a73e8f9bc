import { describe, expect, it } from 'vitest';
import { isDay, pickLanguage } from './pick-language';

describe('pickLanguage', () => {
  it('shows the UI language when the item has it', () => {
    expect(pickLanguage({ en: 'Intake', fr: 'Accueil' }, 'fr')).toEqual({ language: 'fr', value: 'Accueil' });
  });
  it('falls back to the other language when the UI language is missing or empty', () => {
    expect(pickLanguage({ en: 'Intake' }, 'fr')).toEqual({ language: 'en', value: 'Intake' });
    expect(pickLanguage({ en: 'Intake', fr: '' }, 'fr')).toEqual({ language: 'en', value: 'Intake' });
    expect(pickLanguage({ en: null, fr: 'Accueil' }, 'en')).toEqual({ language: 'fr', value: 'Accueil' });
  });
  it('answers null when neither language has anything', () => {
    expect(pickLanguage({}, 'en')).toBeNull();
  });
});

describe('isDay', () => {
  it('accepts only year-month-day strings', () => {
    expect(isDay('2026-03-14')).toBe(true);
    expect(isDay('14/03/2026')).toBe(false);
    expect(isDay('')).toBe(false);
  });
});

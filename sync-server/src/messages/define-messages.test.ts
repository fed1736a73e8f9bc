import { describe, expect, it } from 'vitest';
import { apiMessages } from './api-messages';
import { copActions } from './cop-actions';
import { defineMessages, type MessageTemplates } from './define-messages';
import { fieldMessages } from './field-messages';

const catalogs: Record<string, { templates: MessageTemplates }> = { apiMessages, copActions, fieldMessages };
const placeholders = (template: string) => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('server message catalogs', () => {
  it('gives every message the same placeholders in French as in English, so no value is lost in translation', () => {
    for (const [name, catalog] of Object.entries(catalogs)) {
      for (const [key, byLanguage] of Object.entries(catalog.templates)) {
        expect(placeholders(byLanguage.fr), `${name}.${key}`).toEqual(placeholders(byLanguage.en));
        expect(byLanguage.fr.trim(), `${name}.${key}`).not.toBe('');
      }
    }
  });

  it('renders a message and the messages nested in it in one language', () => {
    const m = defineMessages({
      outer: { en: 'Not allowed to {what} ({n})', fr: 'Interdit : {what} ({n})' },
      inner: { en: 'invite people', fr: 'inviter des personnes' }
    });
    const text = m.outer({ what: m.inner(), n: 3 });
    expect(text.in('en')).toBe('Not allowed to invite people (3)');
    expect(text.in('fr')).toBe('Interdit : inviter des personnes (3)');
  });
});

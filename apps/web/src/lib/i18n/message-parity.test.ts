// Every message must exist in both languages: a key in one file and not the other fails here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

function load(locale: string): Record<string, string> {
  const url = new URL(`../../../messages/${locale}.json`, import.meta.url);
  const { $schema: _schema, ...messages } = JSON.parse(readFileSync(url, 'utf8')) as Record<string, string>;
  return messages;
}

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!).sort();
}

describe('message catalogues', () => {
  const en = load('en');
  const fr = load('fr');

  it('have the same keys in English and French', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
  });

  it('have no empty message', () => {
    for (const [key, text] of [...Object.entries(en), ...Object.entries(fr)]) {
      expect(text.trim(), key).not.toBe('');
    }
  });

  it('use the same placeholders in both languages', () => {
    for (const key of Object.keys(en)) {
      expect(placeholders(fr[key] ?? ''), key).toEqual(placeholders(en[key]!));
    }
  });
});

// Every message must exist in both languages with the same placeholders, and every message that
// shows a count has plural variants in both: "1 excusés" is what a single pattern gives.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

type CountedMessage = [{ declarations: string[]; selectors: string[]; match: Record<string, string> }];
type Message = string | CountedMessage;

function load(locale: string): Record<string, Message> {
  const url = new URL(`../../../messages/${locale}.json`, import.meta.url);
  const { $schema: _schema, ...messages } = JSON.parse(readFileSync(url, 'utf8')) as Record<string, Message>;
  return messages;
}

/** Every text a message can show: its one pattern, or each of its variants. */
function patterns(message: Message | undefined): string[] {
  if (message === undefined) return [];
  return typeof message === 'string' ? [message] : Object.values(message[0].match);
}

function placeholders(message: Message | undefined): string[] {
  const names = new Set(patterns(message).flatMap((text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!)));
  return [...names].sort();
}

/** The inputs a message chooses its variant by plural rules: `local xPlural = x: plural`. */
function pluralInputs(message: CountedMessage): Map<string, string> {
  const selectorOf = new Map<string, string>();
  for (const declaration of message[0].declarations) {
    const local = /^local (\w+) = (\w+): plural$/.exec(declaration);
    if (local && message[0].selectors.includes(local[1]!)) selectorOf.set(local[2]!, local[1]!);
  }
  return selectorOf;
}

describe('message catalogues', () => {
  const en = load('en');
  const fr = load('fr');

  it('have the same keys in English and French', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
  });

  it('have no empty message', () => {
    for (const [key, message] of [...Object.entries(en), ...Object.entries(fr)]) {
      for (const text of patterns(message)) expect(text.trim(), key).not.toBe('');
    }
  });

  it('use the same placeholders in both languages', () => {
    for (const key of Object.keys(en)) {
      expect(placeholders(fr[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('give every message with a count plural forms (one and other) in both languages', () => {
    const withCount = Object.keys(en).filter((key) => placeholders(en[key]).includes('count'));
    expect(withCount.length).toBeGreaterThan(20);
    for (const key of withCount) {
      for (const [locale, message] of [['en', en[key]], ['fr', fr[key]]] as const) {
        expect(Array.isArray(message), `${locale} ${key} has plural variants`).toBe(true);
        const counted = message as CountedMessage;
        const inputs = pluralInputs(counted);
        expect(inputs.size, `${locale} ${key} chooses its variant by a plural rule`).toBe(1);
        const [selector] = [...inputs.values()];
        const keys = Object.keys(counted[0].match);
        expect(keys, `${locale} ${key}`).toContain(`${selector}=one`);
        expect(keys, `${locale} ${key}`).toContain(`${selector}=other`);
        for (const text of patterns(counted)) {
          for (const name of placeholders([{ ...counted[0], match: { x: text } }])) {
            expect(counted[0].declarations, `${locale} ${key} declares {${name}}`).toContain(`input ${name}`);
          }
        }
      }
    }
  });

  it('never call the person "Vous" in a third-person sentence', () => {
    // "{who} a modifié" with who = "Vous" read "Vous a modifié"; the person's own line is its own message.
    for (const [key, message] of Object.entries(fr)) {
      for (const text of patterns(message)) expect(text, key).not.toMatch(/^Vous a\b/);
    }
  });
});

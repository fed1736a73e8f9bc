/**
 * Server-made text in the person's language. Each area declares its messages once, with the
 * English and French side by side (a missing translation does not compile):
 *
 *   export const fileMessages = defineMessages({
 *     tooLarge: { en: 'The file is larger than {max} bytes', fr: 'Le fichier dépasse {max} octets' }
 *   });
 *   fileMessages.tooLarge({ max: 10 })            // a LocalText: carried by errors, rendered late
 *   fileMessages.tooLarge({ max: 10 }).in('fr')   // the string in one language, now
 *
 * Placeholders are `{name}`; their names are checked against the parameters at compile time,
 * and `define-messages.test.ts` checks that both languages use the same ones.
 */
import type { Language } from '@atelier/api-types';

export const SERVER_LANGUAGES = ['en', 'fr'] as const satisfies readonly Language[];

/** A message chosen but not yet rendered: errors carry it until the edge knows the language. */
export interface LocalText {
  readonly key: string;
  readonly params: Readonly<Record<string, MessageParam>>;
  in(language: Language): string;
}

/** A parameter is a value, or another message rendered in the same language. */
export type MessageParam = string | number | LocalText;

/** The names of the `{placeholders}` in a template, as a union of string literal types. */
type PlaceholderNames<S extends string> = S extends `${string}{${infer Name}}${infer Rest}` ? Name | PlaceholderNames<Rest> : never;

type ParamsOf<S extends string> = [PlaceholderNames<S>] extends [never] ? [] : [params: Record<PlaceholderNames<S>, MessageParam>];

export type MessageTemplates = Record<string, Record<Language, string>>;

export type Messages<T extends MessageTemplates> = {
  [K in keyof T]: (...params: ParamsOf<T[K]['en']>) => LocalText;
};

/** Fills `{name}` placeholders; an unknown one is left as it is (visible, never silently empty). */
export function fillTemplate(template: string, params: Readonly<Record<string, MessageParam>>, language: Language): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'object' ? value.in(language) : String(value);
  });
}

export function isLocalText(value: unknown): value is LocalText {
  return typeof value === 'object' && value !== null && typeof (value as LocalText).in === 'function' && 'key' in value;
}

/** A string in one language whatever the person's: for text that is not the server's to translate. */
export function verbatim(text: string): LocalText {
  return { key: 'verbatim', params: {}, in: () => text };
}

/** Declares one area's messages; see the module comment for how they are used. */
export function defineMessages<const T extends MessageTemplates>(templates: T): Messages<T> & { readonly templates: T } {
  const messages: Record<string, unknown> = { templates };
  for (const [key, byLanguage] of Object.entries(templates)) {
    messages[key] = (params: Record<string, MessageParam> = {}): LocalText => ({
      key,
      params,
      in: (language: Language) => fillTemplate(byLanguage[language] ?? byLanguage.en, params, language)
    });
  }
  return messages as Messages<T> & { readonly templates: T };
}

/**
 * The language of server-made text for one request: the signed-in person's language, else the
 * best of `Accept-Language` that the server speaks (fr-CA counts as fr), else English.
 * `detectLanguage` (Hono's language detector, header only, no cookie) runs first on every
 * request so that even an error thrown before the session is known has a language.
 */
import type { Language } from '@atelier/api-types';
import type { Context, MiddlewareHandler } from 'hono';
import { languageDetector } from 'hono/language';
import { SERVER_LANGUAGES } from '../messages/define-messages';

export function detectLanguage(): MiddlewareHandler {
  return languageDetector({
    supportedLanguages: [...SERVER_LANGUAGES],
    fallbackLanguage: 'en',
    order: ['header'],
    caches: false
  });
}

/** The language to answer this request in (see the module comment for the order). */
export function requestLanguage(c: Context): Language {
  const user = c.get('user') as { language?: Language } | null | undefined;
  if (user?.language) return user.language;
  const detected = c.get('language') as string | undefined;
  return (SERVER_LANGUAGES as readonly string[]).includes(detected ?? '') ? (detected as Language) : 'en';
}

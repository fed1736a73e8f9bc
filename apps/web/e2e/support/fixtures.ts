// Shared browser-test fixtures: every page records console errors and failed requests, and a
// test fails if any appeared (unless it declares the ones it expects).
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const PHONE = { width: 390, height: 844 };
export const LAPTOP = { width: 1366, height: 800 };

type Messages = Record<string, string>;
/** A message with plural variants, as the inlang message format stores it. */
type CountedMessage = [{ declarations: string[]; selectors: string[]; match: Record<string, string> }];

function catalogue(locale: 'en' | 'fr'): Record<string, string | CountedMessage> {
  const file = fileURLToPath(new URL(`../../messages/${locale}.json`, import.meta.url));
  const { $schema: _schema, ...rest } = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string | CountedMessage>;
  return rest;
}

/** The plain messages of a language (messages with a count are read through `counted`). */
export function messages(locale: 'en' | 'fr'): Messages {
  return Object.fromEntries(Object.entries(catalogue(locale)).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/** A message with a count, as the app shows it: the plural variant the language's rules choose, filled. */
export function counted(locale: 'en' | 'fr', key: string, values: Record<string, string | number>): string {
  const message = catalogue(locale)[key];
  if (!Array.isArray(message)) throw new Error(`${key} is not a message with a count`);
  const [{ declarations, selectors, match }] = message;
  const rules = new Intl.PluralRules(locale);
  const categories = new Map<string, string>();
  for (const declaration of declarations) {
    const local = /^local (\w+) = (\w+): plural$/.exec(declaration);
    if (local) categories.set(local[1]!, rules.select(Number(values[local[2]!])));
  }
  const wanted = selectors.map((selector) => `${selector}=${categories.get(selector)}`).join(', ');
  const pattern = match[wanted];
  if (pattern === undefined) throw new Error(`${key} has no variant ${wanted}`);
  return pattern.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}

export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') errors.push(msg.text());
    });
    page.on('pageerror', (err) => errors.push(String(err)));
    await use(errors);
    expect(errors, 'console errors').toEqual([]);
  }
});

export { expect };

/** Axe with WCAG 2.1 A/AA rules; returns the violations (expected to be []). */
export async function axeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}

/** Waits until the Workbox service worker controls the page. */
export async function waitForServiceWorker(page: Page) {
  await page.waitForFunction(async () => {
    await navigator.serviceWorker.ready;
    return navigator.serviceWorker.controller !== null;
  });
}

/** Where browser tests leave screenshots for people to look at (not compared by any test). */
export function screenshotPath(name: string): string {
  return fileURLToPath(new URL(`../../../../.tmp/screenshots/${name}.png`, import.meta.url));
}

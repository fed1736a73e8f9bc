// Helpers for browser tests of accounts: people created through the admin CLI, signing in
// through the page, unique addresses so tests never collide in the shared e2e data directory.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, type Page } from '@playwright/test';
import { axeViolations, LAPTOP, messages, PHONE, screenshotPath } from './fixtures';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
/** The running server's DATA_DIR, set by playwright.config.ts for every run. */
export const E2E_DATA_DIR = process.env.ATELIER_E2E_DATA_DIR ?? `${root}.tmp/e2e-data-4317`;

export interface Person {
  name: string;
  email: string;
  password: string;
}

let counter = 0;
/** A made-up person with an address no other test uses. */
export function newPerson(name: string): Person {
  counter += 1;
  const slug = name.toLowerCase().normalize('NFD').replace(/[^a-z]+/g, '.');
  return { name, email: `${slug}.${Date.now().toString(36)}${counter}@example.ca`, password: 'correct horse battery staple' };
}

/** Creates a programme manager with `pnpm atelier create-manager`, as an operator would. */
export function createManager(name = 'Margaret Tremblay', language: 'en' | 'fr' = 'en'): Person {
  const person = newPerson(name);
  execFileSync('pnpm', ['atelier', 'create-manager', '--email', person.email, '--password', person.password, '--name', person.name, '--language', language], {
    cwd: root,
    env: { ...process.env, DATA_DIR: E2E_DATA_DIR },
    stdio: 'pipe'
  });
  return person;
}

/** Fills a message template's {placeholders}. */
export function fill(template: string | undefined, values: Record<string, string>): string {
  if (template === undefined) throw new Error('missing message');
  return template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? `{${key}}`);
}

type Messages = Record<string, string>;

/** Signs in through the sign-in page and waits for My COPs. */
export async function signIn(page: Page, person: Person, t: Messages) {
  await page.goto('/sign-in');
  await page.getByLabel(t.field_email!).fill(person.email);
  await page.getByLabel(t.field_password!).fill(person.password);
  await page.getByRole('button', { name: t.sign_in, exact: true }).click();
  // Signing in switches the interface to the account's language. A test reading this person's
  // pages in the other language switches back with the header button, as the person would.
  const titles = (['en', 'fr'] as const).map((l) => messages(l).my_cops_title!);
  const myCops = page.getByRole('heading', { level: 1 }).filter({ hasText: new RegExp(`^(${titles.join('|')})$`) });
  // Password hashing is deliberately slow (memory-hard), more so on a busy test machine.
  await expect(myCops).toBeVisible({ timeout: 20_000 });
  if ((await myCops.textContent())?.trim() !== t.my_cops_title) {
    await page.locator('button.language-switch').click();
    await expect(page.getByRole('heading', { level: 1, name: t.my_cops_title })).toBeVisible();
  }
}

/**
 * Checks a page at phone and laptop sizes: no axe violations, nothing wider than the screen, and
 * a screenshot of each for people to look at. Leaves the page at laptop size.
 */
export async function checkPage(page: Page, name: string, locale: 'en' | 'fr') {
  for (const [label, viewport] of [
    ['phone', PHONE],
    ['laptop', LAPTOP]
  ] as const) {
    await page.setViewportSize(viewport);
    expect(await axeViolations(page), `${name} (${label}, ${locale})`).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${name} is wider than the ${label} screen`).toBeLessThanOrEqual(0);
    await page.screenshot({ path: screenshotPath(`${name}-${label}-${locale}`), fullPage: true });
  }
}

// Helpers for the Resource Centre and learning-event browser tests: a programme manager, COPs,
// people invited into them (each signed in through the sign-in page, in their own browser
// context and UI language), and a protocol taken from draft to published through the app.
import { request, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { createManager, newPerson, signIn, type Person } from './support/accounts';
import { expect, messages } from './support/fixtures';

export type Locale = 'en' | 'fr';

export interface Participant {
  person: Person;
  context: BrowserContext;
  page: Page;
  locale: Locale;
  t: Record<string, string>;
  errors: string[];
}

/** A browser context in a UI language, signed in as `person` (or signed out when null). */
export async function open(browser: Browser, person: Person | null, locale: Locale): Promise<Participant> {
  const context = await browser.newContext({ locale: locale === 'fr' ? 'fr-CA' : 'en-CA', acceptDownloads: true });
  await context.addInitScript((l) => localStorage.setItem('PARAGLIDE_LOCALE', l), locale);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(String(err)));
  const t = messages(locale);
  if (person) await signIn(page, person, t);
  return { person: person ?? { name: '', email: '', password: '' }, context, page, locale, t, errors };
}

/** Console errors a page logged, minus those a test expects (`allowed`). */
export function unexpectedErrors(p: Participant, allowed: RegExp[] = []): string[] {
  return p.errors.filter((e) => !allowed.some((k) => k.test(e)));
}

export async function closeAll(...people: Participant[]) {
  for (const p of people) await p.context.close();
}

/** The programme: a manager (admin CLI) signed in, who creates COPs and invites people into them. */
export async function programme(browser: Browser, locale: Locale = 'en') {
  const manager = await open(browser, createManager(locale === 'fr' ? 'Geneviève Lavoie' : 'Margaret Tremblay', locale), locale);
  const stamp = Date.now().toString(36);
  return {
    manager,
    async cop(name: string, areaOfInterest: string, language: Locale = 'en'): Promise<string> {
      const res = await manager.page.request.post('/api/cops', { data: { name: `${name} ${stamp}`, areaOfInterest, language } });
      expect(res.status()).toBe(201);
      return ((await res.json()) as { id: string }).id;
    },
    async invite(copId: string, role: 'facilitator' | 'member' | 'observer', name: string, as: Locale = 'en'): Promise<Participant> {
      const inv = await manager.page.request.post(`/api/cops/${copId}/invitations`, { data: { role } });
      expect(inv.status()).toBe(201);
      const token = ((await inv.json()) as { token: string }).token;
      const person = newPerson(name);
      const api = await request.newContext({ baseURL: new URL(manager.page.url()).origin });
      // Their account's language is the one they browse in (signing in switches the interface to it).
      expect((await api.post(`/api/invitations/${token}/accept`, { data: { ...person, language: as } })).status()).toBe(200);
      await api.dispose();
      return open(browser, person, as);
    }
  };
}

export const editorOf = (page: Page) => page.locator('.ProseMirror');

/** Creates a protocol through the protocols page, types its text, and waits until the server has it. */
export async function writeProtocol(p: Participant, copId: string, title: string, language: Locale, text: string): Promise<string> {
  const { page, t } = p;
  await page.goto(`/cops/${copId}/protocols`);
  await page.getByRole('button', { name: t.doc_new_protocol }).click();
  await page.getByLabel(t.doc_field_title!).fill(title);
  await page.getByLabel(t.doc_field_language!).selectOption(language);
  await page.getByRole('button', { name: t.doc_create }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await editorOf(page).click();
  await page.keyboard.type(text);
  await expect(page.locator('.doc-status [data-state]')).toHaveAttribute('data-state', 'saved', { timeout: 15_000 });
  return new URL(page.url()).pathname.split('/').pop()!;
}

/** The lifecycle panel on the protocol page. */
export const panelOf = (p: Participant) => p.page.getByRole('region', { name: p.t.pub_heading });

/** Takes one lifecycle step from the panel and waits for the state it leads to. */
export async function step(p: Participant, button: string, state: string) {
  const panel = panelOf(p);
  await panel.getByRole('button', { name: button, exact: true }).click();
  await expect(panel.locator('[data-state]').first()).toHaveAttribute('data-state', state);
}

export interface Published {
  copId: string;
  itemId: string;
  enId: string;
  frId: string;
}

/**
 * A facilitator writes an English protocol and its French counterpart, links them from the
 * panel, takes both through review and approval, and publishes them together from the panel.
 */
export async function publishBilingual(
  f: Participant,
  copId: string,
  content: { enTitle: string; enText: string; frTitle: string; frText: string; summary: string; frSummary: string }
): Promise<Published> {
  const t = f.t;
  const frId = await writeProtocol(f, copId, content.frTitle, 'fr', content.frText);
  await step(f, t.pub_do_propose_review!, 'in_review');
  await step(f, t.pub_do_approve!, 'approved');

  const enId = await writeProtocol(f, copId, content.enTitle, 'en', content.enText);
  const panel = panelOf(f);
  await expect(panel.getByText(t.rc_translation_pending!, { exact: true })).toBeVisible();
  await panel.getByLabel(fillMsg(t.pub_pair_label!, { language: t.pub_lang_in_fr! })).selectOption(frId);
  await panel.getByRole('button', { name: t.pub_pair, exact: true }).click();
  await expect(panel.getByRole('link', { name: content.frTitle })).toBeVisible();
  await step(f, t.pub_do_propose_review!, 'in_review');
  await step(f, t.pub_do_approve!, 'approved');

  await panel.getByRole('button', { name: t.pub_do_publish, exact: true }).click();
  await panel.getByLabel(fillMsg(t.pub_summary_label!, { language: t.pub_lang_in_en! })).fill(content.summary);
  await panel.getByLabel(fillMsg(t.pub_summary_label!, { language: t.pub_lang_in_fr! })).fill(content.frSummary);
  await panel.getByRole('button', { name: t.pub_do_publish, exact: true }).click();
  await expect(panel.getByText(fillMsg(t.pub_published_as!, { version: '1' }))).toBeVisible();
  await expect(panel.locator('[data-state]').first()).toHaveAttribute('data-state', 'published');
  const href = await panel.getByRole('link', { name: t.pub_view_in_rc }).getAttribute('href');
  return { copId, itemId: href!.split('/').pop()!, enId, frId };
}

export function fillMsg(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? `{${key}}`);
}

// Helpers for the notes and protocols browser tests: a COP with a manager and invited people,
// each signed in through the sign-in page in their own browser context.
import { request, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { E2E_DATA_DIR, newPerson, signIn, type Person } from './support/accounts';
import { expect, messages } from './support/fixtures';

const en = messages('en');

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** A programme manager made with the admin CLI (in ATELIER_E2E_DATA_DIR when a run sets its own). */
function createManager(name: string, language: 'en' | 'fr'): Person {
  const person = newPerson(name);
  execFileSync('pnpm', ['atelier', 'create-manager', '--email', person.email, '--password', person.password, '--name', person.name, '--language', language], {
    cwd: root,
    env: { ...process.env, DATA_DIR: process.env.ATELIER_E2E_DATA_DIR ?? E2E_DATA_DIR },
    stdio: 'pipe'
  });
  return person;
}

export interface Participant {
  person: Person;
  context: BrowserContext;
  page: Page;
  errors: string[];
}

async function open(browser: Browser, person: Person, locale: 'en' | 'fr'): Promise<Participant> {
  const context = await browser.newContext({ locale: locale === 'fr' ? 'fr-CA' : 'en-CA' });
  await context.addInitScript((l) => localStorage.setItem('PARAGLIDE_LOCALE', l), locale);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(String(err)));
  await signIn(page, person, messages(locale));
  return { person, context, page, errors };
}

/** A manager with a new COP, plus one signed-in participant per role asked for. */
export async function copWithPeople(browser: Browser, roles: ('member' | 'observer')[], locale: 'en' | 'fr' = 'en') {
  const manager = await open(browser, createManager(locale === 'fr' ? 'Geneviève Lavoie' : 'Margaret Tremblay', locale), locale);
  const res = await manager.page.request.post('/api/cops', { data: { name: `Notes COP ${Date.now().toString(36)}`, areaOfInterest: 'Protocols', language: locale } });
  expect(res.status()).toBe(201);
  const copId = ((await res.json()) as { id: string }).id;
  const others: Participant[] = [];
  const names = { member: ['Priya Singh', 'Étienne Gagnon'], observer: ['Olivia Observer', 'Omar Observateur'] };
  for (const [i, role] of roles.entries()) {
    const inv = await manager.page.request.post(`/api/cops/${copId}/invitations`, { data: { role } });
    expect(inv.status()).toBe(201);
    const body = (await inv.json()) as { invitation?: { token: string }; token?: string };
    const token = body.invitation?.token ?? body.token;
    const person = newPerson(names[role][i % 2]!);
    const api = await request.newContext({ baseURL: new URL(manager.page.url()).origin });
    const accept = await api.post(`/api/invitations/${token}/accept`, { data: person });
    expect(accept.status()).toBe(200);
    await api.dispose();
    others.push(await open(browser, person, locale));
  }
  return { copId, manager, others };
}

/** Types into the editor of a page, at the end of the text. */
export function editorOf(page: Page) {
  return page.locator('.ProseMirror');
}

/** The editor's text without other people's caret labels (which sit inside the text). */
export function editorText(page: Page): Promise<string> {
  return page.locator('.ProseMirror').evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove();
    return [...copy.querySelectorAll('p, h1, h2, h3, li')].map((b) => b.textContent).join('\n');
  });
}

/** Creates a note or protocol from its list page and waits for its editor. */
export async function createDocument(p: Participant, copId: string, kind: 'notes' | 'protocols', title: string): Promise<string> {
  await p.page.goto(`/cops/${copId}/${kind}`);
  await p.page.getByRole('button', { name: kind === 'notes' ? en.doc_new_note : en.doc_new_protocol }).click();
  await p.page.getByLabel(en.doc_field_title!).fill(title);
  await p.page.getByRole('button', { name: en.doc_create }).click();
  await expect(p.page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(editorOf(p.page)).toBeVisible();
  return p.page.url();
}

/** Opens a document by its address and waits for its title and editor. */
export async function openDocument(p: Participant, url: string, title: string) {
  await p.page.goto(url);
  // The list entry arrives with the workspace document (from the server on a first visit).
  await expect(p.page.getByRole('heading', { level: 1, name: title })).toBeVisible({ timeout: 20_000 });
  await expect(editorOf(p.page)).toBeVisible();
}

export async function closeAll(...people: Participant[]) {
  for (const p of people) await p.context.close();
}

/** Console errors a participant's page logged, minus the ones the shell is known to produce. */
export function unexpectedErrors(p: Participant, allowed: RegExp[] = []): string[] {
  const known = [/A bad HTTP response code \(404\) was received when fetching the script\./, ...allowed];
  return p.errors.filter((e) => !known.some((k) => k.test(e)));
}

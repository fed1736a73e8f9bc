// The COP library (issue 8) in several browsers against the real server: a file added on one
// device opens on another; a file kept on the device opens with no network; a file added offline
// uploads on reconnect and appears on the other device once (and is stored once); the checks the
// device and the server make on size and type; an observer downloads but changes nothing; and the
// pages in both languages, axe clean at phone and laptop sizes, with screenshots.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import sharp from 'sharp';
import { checkPage, createManager, E2E_DATA_DIR, fill, newPerson, signIn, type Person } from './support/accounts';
import { counted, expect, messages, screenshotPath, test, waitForServiceWorker } from './support/fixtures';
import { E2E_TIME_ZONE } from './support/place-and-clock';

const en = messages('en');
const fr = messages('fr');
type Messages = Record<string, string>;

interface Device {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

/** Console errors a browser logs while the test has cut its network on purpose. */
const OFFLINE_NOISE = /ERR_INTERNET_DISCONNECTED|WebSocket connection to .* failed|An unknown error occurred when fetching the script/;
/** HEAD 404 (a file not uploaded yet) and refused uploads are answers the page handles. */
const FILE_ANSWERS = /\/api\/cops\/[^/]+\/files\//;

async function device(browser: Browser, locale: 'en' | 'fr' = 'en'): Promise<Device> {
  const context = await browser.newContext({ locale: locale === 'fr' ? 'fr-CA' : 'en-CA', timezoneId: E2E_TIME_ZONE, acceptDownloads: true });
  await context.addInitScript((l) => {
    try {
      localStorage.setItem('PARAGLIDE_LOCALE', l);
    } catch {
      // A file opened by itself runs under the server's sandboxing CSP: no storage there, rightly.
    }
  }, locale);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() !== 'error' || OFFLINE_NOISE.test(msg.text())) return;
    if (/Failed to load resource/.test(msg.text()) && (FILE_ANSWERS.test(msg.location().url) || /ERR_INTERNET_DISCONNECTED/.test(msg.text()))) return;
    errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(String(err)));
  return { context, page, errors };
}

async function closeAll(...devices: Device[]) {
  for (const d of devices) {
    await d.context.close();
    expect(d.errors, 'console errors').toEqual([]);
  }
}

/** A manager signed in on a device, a fresh COP, and people invited with the roles asked for. */
async function copWith(browser: Browser, roles: ('member' | 'observer')[], locale: 'en' | 'fr' = 'en') {
  const t = locale === 'fr' ? fr : en;
  const manager = createManager(locale === 'fr' ? 'Geneviève Lavoie' : 'Margaret Tremblay', locale);
  const lead = await device(browser, locale);
  await signIn(lead.page, manager, t);
  const created = await lead.page.request.post('/api/cops', {
    data: { name: `${locale === 'fr' ? 'Données ouvertes' : 'Open data'} ${Date.now().toString(36)}`, areaOfInterest: 'Open government data', language: locale }
  });
  expect(created.status()).toBe(201);
  const cop = (await created.json()) as { id: string; name: string };
  const others: { person: Person; device: Device }[] = [];
  for (const role of roles) {
    const invitation = await lead.page.request.post(`/api/cops/${cop.id}/invitations`, { data: { role } });
    const { token } = (await invitation.json()) as { token: string };
    const person = newPerson(role === 'observer' ? 'Olga Observer' : 'Priya Singh');
    const d = await device(browser, locale);
    const accepted = await d.page.request.post(`/api/invitations/${token}/accept`, { data: { name: person.name, email: person.email, password: person.password } });
    expect(accepted.status()).toBe(200);
    await signIn(d.page, person, t);
    others.push({ person, device: d });
  }
  return { manager, lead, cop, others };
}

async function png(colour: string, width = 480, height = 270): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: colour } }).png().toBuffer();
}

/** A small, valid one-page PDF. */
function pdf(text: string): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${44 + text.length} >>\nstream\nBT /F1 24 Tf 72 700 Td (${text}) Tj ET\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** How many files the server has recorded for a COP (straight from its database). */
function serverFileCount(copId: string): number {
  const out = execFileSync('sqlite3', [join(E2E_DATA_DIR, 'atelier.sqlite'), `SELECT count(*) FROM files WHERE cop_id = '${copId.replace(/'/g, "''")}'`]);
  return Number(out.toString().trim());
}

const library = (copId: string) => `/cops/${copId}/library`;
const cards = (page: Page) => page.locator('ul.items > li');
const fileInput = (page: Page) => page.locator('input[type="file"]');

async function addFile(page: Page, file: { name: string; mimeType: string; buffer: Buffer }, fields: { title: string; tags?: string; folder?: string; description?: string }, t: Messages = en) {
  const form = page.getByRole('region', { name: t.lib_add_file });
  if (!(await form.isVisible())) await page.getByRole('button', { name: t.lib_add_file }).click();
  await fileInput(page).setInputFiles(file);
  await page.getByRole('textbox', { name: t.lib_field_title, exact: true }).fill(fields.title);
  if (fields.description) await page.getByRole('textbox', { name: t.lib_field_description, exact: true }).fill(fields.description);
  if (fields.tags) await page.getByRole('textbox', { name: t.lib_field_tags, exact: true }).fill(fields.tags);
  if (fields.folder) await page.getByRole('textbox', { name: t.lib_field_folder, exact: true }).fill(fields.folder);
  await page.getByRole('button', { name: t.lib_save_file }).click();
}

/** The app installed for offline use (the worker registers from the home page; see support/accounts.ts on deep links). */
async function installed(page: Page) {
  await page.goto('/');
  await waitForServiceWorker(page);
}

async function expectImageShown(page: Page, title: string, t: Messages = en) {
  const img = page.getByRole('img', { name: fill(t.lib_preview_of, { title }) });
  await expect(img).toBeVisible();
  await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBeGreaterThan(0);
}

test.describe('the COP library', () => {
  test('a file added on one device opens on another, as a preview, a download and a link from an agenda item', async ({ browser }) => {
    test.setTimeout(120_000);
    const { lead, cop, others } = await copWith(browser, ['member']);
    const a = lead.page;
    const b = others[0]!.device.page;
    const deck = await png('#0b5566');

    await a.goto(library(cop.id));
    await expect(a.getByRole('heading', { level: 1, name: en.lib_title })).toBeVisible();
    await addFile(a, { name: 'spring-deck.png', mimeType: 'image/png', buffer: deck }, { title: 'Spring session deck', tags: 'Learning events, slides', folder: 'Sessions' });
    await expect(a.getByText(en.lib_added!)).toBeVisible();
    await expect(cards(a)).toHaveCount(1);
    await expect(cards(a).first()).toContainText('Spring session deck');
    await expect(cards(a).first()).toContainText('#slides');

    // The other device: the item arrives through the workspace document; the bytes from the server.
    await b.goto(library(cop.id));
    await expect(cards(b)).toHaveCount(1);
    await expect(cards(b).first()).toContainText(fill(en.lib_added_by, { name: 'Margaret Tremblay', date: '' }).trim());
    // Search on the device: accents and case do not matter; filters narrow.
    await b.getByRole('searchbox', { name: en.lib_search_label }).fill('SPRÍNG');
    await expect(cards(b)).toHaveCount(1);
    await b.getByRole('searchbox', { name: en.lib_search_label }).fill('budget');
    await expect(b.getByText(en.lib_no_match!)).toBeVisible();
    await b.getByRole('searchbox', { name: en.lib_search_label }).fill('');
    await b.getByLabel(en.lib_filter_tag!).selectOption('slides');
    await expect(cards(b)).toHaveCount(1);

    await b.getByRole('link', { name: 'Spring session deck' }).click();
    await expect(b.getByRole('heading', { level: 1, name: 'Spring session deck' })).toBeVisible();
    await expectImageShown(b, 'Spring session deck');
    const [download] = await Promise.all([b.waitForEvent('download'), b.getByRole('link', { name: en.lib_download }).click()]);
    expect(download.suggestedFilename()).toBe('spring-deck.png');
    const { readFile } = await import('node:fs/promises');
    expect((await readFile((await download.path())!)).equals(deck)).toBe(true);

    // Linked from an agenda item, and opened from there.
    await a.goto(`/cops/${cop.id}/meetings`);
    await a.getByRole('button', { name: en.ws_new_meeting }).click();
    await a.locator('#new-meeting-title').fill('Spring working session');
    await a.locator('#new-meeting-date').fill('2030-05-14');
    await a.locator('#new-meeting-time').fill('13:30');
    await a.getByRole('button', { name: en.ws_create_meeting }).click();
    await expect(a.getByRole('heading', { level: 1, name: 'Spring working session' })).toBeVisible();
    await a.locator('#new-item-title').fill('Look back at the spring');
    await a.getByRole('button', { name: en.ws_add_item, exact: true }).click();
    await a.getByLabel(en.lib_link_item!).selectOption({ label: 'Spring session deck' });
    await a.getByRole('button', { name: en.lib_link_add, exact: true }).click();
    const meetingUrl = a.url();
    await b.goto(meetingUrl);
    await b.getByRole('link', { name: 'Spring session deck' }).click();
    await expect(b.getByRole('heading', { level: 1, name: 'Spring session deck' })).toBeVisible();

    await closeAll(lead, others[0]!.device);
  });

  test('a file kept on this device opens with no network, and one not kept says why it cannot', async ({ browser }) => {
    test.setTimeout(120_000);
    const { lead, cop, others } = await copWith(browser, ['member']);
    const a = lead.page;
    const b = others[0]!.device.page;
    const report = pdf('Annual report');
    await a.goto(library(cop.id));
    await addFile(a, { name: 'annual-report.pdf', mimeType: 'application/pdf', buffer: report }, { title: 'Annual report 2029' });
    await expect(a.getByText(en.lib_added!)).toBeVisible();
    await addFile(a, { name: 'venue-map.png', mimeType: 'image/png', buffer: await png('#f2b33d') }, { title: 'Venue map' });
    await expect(cards(a)).toHaveCount(2);
    // A PDF previews inside the page.
    await a.getByRole('link', { name: 'Annual report 2029' }).click();
    await expect(a.locator(`iframe[title="${fill(en.lib_preview_of, { title: 'Annual report 2029' })}"]`)).toBeVisible();
    await a.screenshot({ path: screenshotPath('library-pdf-preview-laptop-en') });

    await installed(b);
    await b.goto(library(cop.id));
    await expect(b.getByText(en.lib_storage_none!)).toBeVisible();
    await b.getByRole('link', { name: 'Venue map' }).click();
    await b.getByRole('checkbox', { name: en.lib_keep }).check();
    await expect(b.getByText(en.lib_kept!)).toBeVisible();
    await b.getByRole('link', { name: en.lib_back }).click();
    await expect(cards(b).filter({ hasText: 'Venue map' })).toContainText(en.lib_offline_badge!);
    await expect(b.getByText(new RegExp(counted('en', 'lib_storage_kept', { count: 1, size: '.*' })))).toBeVisible();
    const url = b.url();

    await others[0]!.device.context.setOffline(true);
    await b.reload();
    await expect(b.getByRole('heading', { level: 1, name: en.lib_title })).toBeVisible();
    await b.getByRole('link', { name: 'Venue map' }).click();
    await expectImageShown(b, 'Venue map');
    // The file itself, as "Open" or "Download" fetch it: from the device.
    const bytes = await b.evaluate(async (href) => (await (await fetch(href)).arrayBuffer()).byteLength, await b.getByRole('link', { name: en.lib_download }).getAttribute('href'));
    expect(bytes).toBeGreaterThan(0);
    const [download] = await Promise.all([b.waitForEvent('download'), b.getByRole('link', { name: en.lib_download }).click()]);
    expect(download.suggestedFilename()).toBe('venue-map.png');
    await b.goto(url);
    await b.getByRole('link', { name: 'Annual report 2029' }).click();
    await expect(b.getByText(en.lib_not_kept_offline!)).toBeVisible();

    await others[0]!.device.context.setOffline(false);
    await closeAll(lead, others[0]!.device);
  });

  test('a file added offline uploads when the network returns and appears on the other device once', async ({ browser }) => {
    test.setTimeout(120_000);
    const { lead, cop, others } = await copWith(browser, ['member']);
    const a = lead.page;
    const b = others[0]!.device.page;
    const minutes = Buffer.from('Minutes of the venue session\n\nÉtienne opened the meeting.\n', 'utf8');

    await installed(a);
    await a.goto(library(cop.id));
    await b.goto(library(cop.id));
    await expect(b.getByText(en.lib_empty!)).toBeVisible();

    await lead.context.setOffline(true);
    await addFile(a, { name: 'venue-minutes.txt', mimeType: 'text/plain', buffer: minutes }, { title: 'Minutes written at the venue', tags: 'minutes' });
    await expect(a.getByText(en.lib_added_offline!)).toBeVisible();
    const card = cards(a).filter({ hasText: 'Minutes written at the venue' });
    await expect(card).toContainText(en.lib_waiting_upload!);
    await expect(a.getByText(new RegExp(counted('en', 'lib_storage_waiting', { count: 1, size: '.*' })))).toBeVisible();
    // Still on this device only: it opens from the upload queue.
    await card.getByRole('link').click();
    await expect(a.getByText(en.lib_only_here!)).toBeVisible();
    await expect(a.getByRole('link', { name: en.lib_download })).toHaveAttribute('href', /^blob:/);
    await a.getByRole('link', { name: en.lib_back }).click();
    expect(serverFileCount(cop.id)).toBe(0);

    await lead.context.setOffline(false);
    await expect(card).not.toContainText(en.lib_waiting_upload!, { timeout: 30_000 });
    await expect(cards(b).filter({ hasText: 'Minutes written at the venue' })).toHaveCount(1, { timeout: 30_000 });
    await expect(cards(b)).toHaveCount(1);
    await expect(cards(b).first()).not.toContainText(en.lib_pending_other!, { timeout: 15_000 });
    await b.getByRole('link', { name: 'Minutes written at the venue' }).click();
    const href = await b.getByRole('link', { name: en.lib_download }).getAttribute('href');
    const text = await b.evaluate(async (h) => (await fetch(h!)).text(), href);
    expect(text).toBe(minutes.toString('utf8'));
    expect(serverFileCount(cop.id)).toBe(1);

    // A second upload of the same id (a retry after a lost answer) is the same file, not a new one.
    const id = href!.split('/').pop()!;
    const again = await a.request.put(href!, { data: minutes, headers: { 'X-File-Name': 'venue-minutes.txt' } });
    expect(again.status()).toBe(200);
    expect(((await again.json()) as { id: string }).id).toBe(id);
    expect(serverFileCount(cop.id)).toBe(1);

    await closeAll(lead, others[0]!.device);
  });

  test('the device refuses a file over the size limit and shows the server\'s reason for a refused type', async ({ browser }) => {
    const { lead, cop } = await copWith(browser, []);
    const a = lead.page;
    await a.goto(library(cop.id));
    await a.getByRole('button', { name: en.lib_add_file }).click();
    await fileInput(a).setInputFiles({ name: 'huge-recording.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(26_000_000, 0x25) });
    await expect(a.getByText(fill(en.lib_error_too_large, { size: '26 MB', max: '25 MB' }))).toBeVisible();
    await a.getByRole('button', { name: en.lib_save_file }).click();
    await expect(fileInput(a)).toBeFocused();

    // Named .txt but binary: the server decides by content (415) and says why.
    await fileInput(a).setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from([0, 1, 2, 3, 255, 254, 0, 9]) });
    await a.getByRole('textbox', { name: en.lib_field_title, exact: true }).fill('Not really text');
    await a.getByRole('button', { name: en.lib_save_file }).click();
    const refusal = a.locator('[data-refusal]');
    await expect(refusal).toBeFocused();
    await expect(refusal).toContainText(en.lib_error_refused!);
    await expect(refusal.locator('[lang="en"]')).toContainText('This kind of file is not accepted');
    await expect(a.getByText(en.lib_empty!)).toBeVisible();
    expect(serverFileCount(cop.id)).toBe(0);
    await closeAll(lead);
  });

  test('an observer opens and keeps files but sees no control to add, edit or delete', async ({ browser }) => {
    const { lead, cop, others } = await copWith(browser, ['observer']);
    const a = lead.page;
    const o = others[0]!.device.page;
    await a.goto(library(cop.id));
    await addFile(a, { name: 'template.png', mimeType: 'image/png', buffer: await png('#1e6b3a') }, { title: 'Agenda template' });
    await expect(a.getByText(en.lib_added!)).toBeVisible();

    await o.goto(library(cop.id));
    await expect(cards(o)).toHaveCount(1);
    for (const name of [en.lib_add_file, en.lib_add_link]) await expect(o.getByRole('button', { name })).toHaveCount(0);
    await o.getByRole('link', { name: 'Agenda template' }).click();
    await expectImageShown(o, 'Agenda template');
    await expect(o.getByRole('link', { name: en.lib_download })).toBeVisible();
    await expect(o.getByRole('checkbox', { name: en.lib_keep })).toBeVisible();
    for (const name of [en.lib_edit, en.lib_delete]) await expect(o.getByRole('button', { name })).toHaveCount(0);
    const put = await o.request.put(`/api/cops/${cop.id}/files/observerupload1`, { data: Buffer.from('hello'), headers: { 'X-File-Name': 'x.txt' } });
    expect(put.status()).toBe(403);
    await closeAll(lead, others[0]!.device);
  });

  for (const locale of ['en', 'fr'] as const) {
    test(`the library pages pass axe at phone and laptop sizes in ${locale === 'en' ? 'English' : 'French'}`, async ({ browser }) => {
      test.setTimeout(120_000);
      const t = locale === 'fr' ? fr : en;
      const { lead, cop } = await copWith(browser, [], locale);
      const a = lead.page;
      await a.goto(library(cop.id));
      await expect(a.getByRole('heading', { level: 1, name: t.lib_title })).toBeVisible();
      await checkPage(a, 'library-empty', locale);

      await a.getByRole('button', { name: t.lib_add_link }).click();
      await a.getByRole('textbox', { name: t.lib_field_url, exact: true }).fill('https://open.canada.ca/en/open-data');
      await a.getByRole('textbox', { name: t.lib_field_title, exact: true }).fill(locale === 'fr' ? 'Portail du gouvernement ouvert' : 'Open government portal');
      await a.getByRole('textbox', { name: t.lib_field_note, exact: true }).fill(locale === 'fr' ? 'Jeux de données fédéraux, avec une recherche par région.' : 'Federal data sets, searchable by region.');
      await a.getByRole('textbox', { name: t.lib_field_tags, exact: true }).fill(locale === 'fr' ? 'données, fédéral' : 'data, federal');
      await a.getByRole('button', { name: t.lib_save_link }).click();
      await expect(cards(a)).toHaveCount(1);
      await addFile(
        a,
        { name: locale === 'fr' ? 'présentation-printemps.png' : 'spring-presentation.png', mimeType: 'image/png', buffer: await png('#0b5566', 1280, 720) },
        {
          title: locale === 'fr' ? 'Présentation de la séance du printemps' : 'Spring session presentation',
          description: locale === 'fr' ? 'Diapositives de l’activité d’apprentissage à Gatineau.' : 'Slides from the learning event in Gatineau.',
          tags: locale === 'fr' ? 'diapositives, activité' : 'slides, learning event',
          folder: locale === 'fr' ? 'Activités d’apprentissage' : 'Learning events'
        },
        t
      );
      await expect(cards(a)).toHaveCount(2);
      await checkPage(a, 'library-list', locale);

      await a.getByRole('button', { name: t.lib_add_file }).click();
      await checkPage(a, 'library-add-file', locale);

      await a.getByRole('link', { name: locale === 'fr' ? 'Présentation de la séance du printemps' : 'Spring session presentation' }).click();
      await expectImageShown(a, locale === 'fr' ? 'Présentation de la séance du printemps' : 'Spring session presentation', t);
      await a.getByRole('checkbox', { name: t.lib_keep }).check();
      await expect(a.getByText(t.lib_kept!)).toBeVisible();
      await checkPage(a, 'library-file', locale);
      await a.getByRole('button', { name: t.lib_edit }).click();
      await checkPage(a, 'library-file-edit', locale);
      await a.getByRole('textbox', { name: t.lib_field_tags, exact: true }).fill(locale === 'fr' ? 'diapositives' : 'slides');
      await a.getByRole('button', { name: t.lib_save }).click();
      await expect(a.getByText(t.lib_saved!)).toBeVisible();
      await a.getByRole('button', { name: t.lib_delete }).click();
      await a.getByRole('button', { name: t.lib_delete_yes }).click();
      await expect(cards(a)).toHaveCount(1);
      await closeAll(lead);
    });
  }
});

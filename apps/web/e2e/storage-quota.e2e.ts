// Each COP's storage quota on the COP page (issue 20): its facilitators and the programme manager
// read "Storage: 0.02 MB of 1,000 MB", the line grows after a library upload, and a member sees
// none of it (the API does not send it to them). English and French, axe clean at phone and
// laptop sizes, with screenshots. The quota itself is the server's default (COP_STORAGE_QUOTA_BYTES);
// refusals past it are tested against the real server in sync-server/src/storage/.
import type { Browser, Page } from '@playwright/test';
import { checkPage, createManager, newPerson, signIn } from './support/accounts';
import { expect, messages, test } from './support/fixtures';

type Locale = 'en' | 'fr';

async function device(browser: Browser, locale: Locale) {
  const context = await browser.newContext({ locale: locale === 'fr' ? 'fr-CA' : 'en-CA', timezoneId: 'America/Toronto' });
  await context.addInitScript((l) => localStorage.setItem('PARAGLIDE_LOCALE', l), locale);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(String(err)));
  return { context, page, errors };
}

/** The megabytes the storage line shows as used ("0.06 MB of …" / « 0,06 Mo sur … »). */
async function usedMegabytes(page: Page, locale: Locale): Promise<number> {
  const text = ((await page.getByTestId('cop-storage').locator('span').first().textContent()) ?? '').replace(/[\s\u00a0\u202f]/g, '');
  const number = /^[\d.,]+/.exec(text)?.[0] ?? 'NaN';
  return Number(locale === 'fr' ? number.replace(',', '.') : number.replace(/,/g, ''));
}

const pdf = (kilobytes: number) => Buffer.from(`%PDF-1.4\n% ${'x'.repeat(kilobytes * 1000)}\n%%EOF\n`);

for (const locale of ['en', 'fr'] as const) {
  test(`the COP page shows its managers how much of the storage quota is used, and members nothing (${locale})`, async ({ browser }) => {
    const t = messages(locale);
    const manager = createManager(locale === 'fr' ? 'Geneviève Lavoie' : 'Margaret Tremblay', locale);
    const lead = await device(browser, locale);
    await signIn(lead.page, manager, t);
    const created = await lead.page.request.post('/api/cops', {
      data: { name: `${locale === 'fr' ? 'Données ouvertes' : 'Open data'} ${Date.now().toString(36)}`, areaOfInterest: 'Open government data', language: locale }
    });
    expect(created.status()).toBe(201);
    const cop = (await created.json()) as { id: string };
    const invitation = await lead.page.request.post(`/api/cops/${cop.id}/invitations`, { data: { role: 'member' } });
    const { token } = (await invitation.json()) as { token: string };
    const member = newPerson('Priya Singh');
    const member_ = await device(browser, locale);
    const accepted = await member_.page.request.post(`/api/invitations/${token}/accept`, { data: { name: member.name, email: member.email, password: member.password } });
    expect(accepted.status()).toBe(200);
    await signIn(member_.page, member, t);

    await lead.page.goto(`/cops/${cop.id}`);
    const line = lead.page.getByTestId('cop-storage');
    await expect(line).toBeVisible();
    await expect(line).toContainText(t.cop_storage_label!);
    // The quota in the language's own way of writing it: "1,000 MB" / « 1 000 Mo ».
    await expect(line).toContainText(locale === 'fr' ? /1\s000\sMo/ : /1,000\sMB/);
    const before = await usedMegabytes(lead.page, locale);
    expect(before).toBeGreaterThanOrEqual(0);

    const uploaded = await member_.page.request.put(`/api/cops/${cop.id}/files/quotae2e${Date.now().toString(36)}`, {
      data: pdf(60),
      headers: { 'x-file-name': 'rapport.pdf', 'content-type': 'application/octet-stream' }
    });
    expect(uploaded.status()).toBe(201);

    await lead.page.reload();
    await expect(line).toBeVisible();
    await expect.poll(() => usedMegabytes(lead.page, locale)).toBeGreaterThan(before + 0.04);
    // Far from full: no warning.
    await expect(line.getByRole('note')).toHaveCount(0);
    await checkPage(lead.page, 'cop-storage', locale);

    await member_.page.goto(`/cops/${cop.id}`);
    await expect(member_.page.locator('#members-heading')).toBeVisible();
    await expect(member_.page.getByTestId('cop-storage')).toHaveCount(0);
    await expect(member_.page.getByText(t.cop_storage_label!, { exact: true })).toHaveCount(0);

    for (const d of [lead, member_]) {
      await d.context.close();
      expect(d.errors, 'console errors').toEqual([]);
    }
  });
}

// A COP's costs CSVs are its records: an English-speaking member of a French COP, on an English
// page, downloads the expenses and the balances with French headers and category labels (issue
// 21), the UTF-8 mark first.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import { createManager, newPerson, signIn, type Person } from './support/accounts';
import { expect, messages, test } from './support/fixtures';

const en = messages('en');
const fr = messages('fr');

async function signedIn(browser: Browser, person: Person): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, person, en);
  return page;
}

async function downloaded(page: Page, button: string): Promise<string[]> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).click();
  const text = readFileSync((await (await download).path())!, 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  return text.slice(1).split('\r\n');
}

test('an English-speaking member of a French COP downloads its costs with French headers and category labels', async ({ browser }) => {
  test.setTimeout(120_000);
  const lead = await signedIn(browser, createManager('Margaret Tremblay'));
  const created = await lead.request.post('/api/cops', {
    data: { name: `Gestion du changement ${Date.now().toString(36)}`, areaOfInterest: 'Gestion du changement', language: 'fr' }
  });
  const cop = (await created.json()) as { id: string };
  const invite = await lead.request.post(`/api/cops/${cop.id}/invitations`, { data: { role: 'member', participation: 'core' } });
  const token = new URL(((await invite.json()) as { url: string }).url).pathname.split('/').pop()!;
  const person = newPerson('Amara Singh');
  const page = await (await browser.newContext()).newPage();
  expect((await page.request.post(`/api/invitations/${token}/accept`, { data: { name: person.name, email: person.email, password: person.password } })).status()).toBe(200);
  await signIn(page, person, en);

  await page.goto(`/cops/${cop.id}/costs`);
  // The page is in the person's language…
  await expect(page.getByRole('heading', { level: 1, name: en.ws_costs_title })).toBeVisible();
  await page.locator('#expense-what').fill('Room rental');
  await page.locator('#expense-amount').fill('240.00');
  await page.getByRole('radio', { name: en.ws_category_venue }).check();
  await page.getByRole('button', { name: en.ws_save_expense }).click();
  await expect(page.getByText(en.ws_expense_added!)).toBeVisible();

  // …the COP's records are in the COP's.
  const costs = await downloaded(page, en.ws_download_csv!);
  expect(costs[0]).toBe([fr.ws_csv_date, fr.ws_csv_what, fr.ws_csv_category, fr.ws_csv_amount, fr.ws_csv_paid_by, fr.ws_csv_shared_among].join(','));
  expect(costs[1]).toMatch(new RegExp(`^\\d{4}-\\d{2}-\\d{2},Room rental,${fr.ws_category_venue},240\\.00,Amara Singh,`));
  // (The balances CSV is built the same way: costs-csv.test.ts checks its French headers.)
});

// Issue 13 in two browsers against the real server: the facilitator's invitation says the person
// is experienced and the person who accepts it is (not "learning"); an observer, whose workspace
// updates the server drops, edits their own roster profile through the server and a member with
// the roster open sees it arrive; the costs CSVs start with a UTF-8 BOM and have headers in the
// person's language.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import { createManager, fill, newPerson, signIn, type Person } from './support/accounts';
import { counted, expect, messages, test } from './support/fixtures';
import { E2E_TIME_ZONE } from './support/place-and-clock';

const en = messages('en');

async function signedIn(browser: Browser, person: Person): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-CA', timezoneId: E2E_TIME_ZONE });
  const page = await context.newPage();
  await signIn(page, person, en);
  return page;
}

async function accept(browser: Browser, url: string, name: string): Promise<{ person: Person; page: Page }> {
  const person = newPerson(name);
  const context = await browser.newContext({ locale: 'en-CA', timezoneId: E2E_TIME_ZONE });
  const page = await context.newPage();
  const token = new URL(url).pathname.split('/').pop()!;
  const accepted = await page.request.post(`/api/invitations/${token}/accept`, { data: { name: person.name, email: person.email, password: person.password } });
  expect(accepted.status()).toBe(200);
  await signIn(page, person, en);
  return { person, page };
}

test('an observer invited as experienced edits their own profile and a member sees it', async ({ browser }) => {
  test.setTimeout(120_000);
  const manager = createManager('Margaret Tremblay');
  const lead = await signedIn(browser, manager);
  const created = await lead.request.post('/api/cops', { data: { name: `Open data ${Date.now().toString(36)}`, areaOfInterest: 'Open government data', language: 'en' } });
  const cop = (await created.json()) as { id: string };
  const memberInvite = await lead.request.post(`/api/cops/${cop.id}/invitations`, { data: { role: 'member', participation: 'core' } });
  const member = await accept(browser, ((await memberInvite.json()) as { url: string }).url, 'Priya Singh');

  // The invitation form sets the experience; the card says it.
  await lead.goto(`/cops/${cop.id}`);
  await lead.locator('#invite-role').selectOption('observer');
  await lead.locator('#invite-experience').selectOption('experienced');
  await lead.getByRole('button', { name: en.invitation_create }).click();
  await expect(lead.getByRole('heading', { level: 3, name: fill(en.invitation_for, { role: en.role_observer!, participation: en.participation_broader!, experience: en.experience_experienced! }) })).toBeVisible();
  const url = await lead.locator('input[id$="-url"]').first().inputValue();
  const observer = await accept(browser, url, 'Olga Okafor');

  await member.page.goto(`/cops/${cop.id}/roster`);
  const olgaForMember = member.page.locator('li.card').filter({ has: member.page.getByRole('heading', { level: 2, name: 'Olga Okafor' }) });
  await expect(olgaForMember.getByText(en.experience_experienced!, { exact: true })).toBeVisible();

  const o = observer.page;
  await o.goto(`/cops/${cop.id}/roster`);
  await expect(o.getByRole('heading', { level: 2, name: 'Olga Okafor' })).toBeVisible();
  await o.getByRole('button', { name: en.ws_edit_my_profile }).click();
  await o.locator('.profile-form [id$="-organisation"]').fill('City of Iqaluit');
  await o.locator('.profile-form [id$="-order"]').selectOption('municipal');
  await o.locator('.profile-form [id$="-contact-note"]').fill('Mornings, Eastern time');
  await o.getByRole('button', { name: en.ws_save }).click();
  await expect(o.locator('.profile-form')).toHaveCount(0);
  const olgaForHerself = o.locator('li.card').filter({ has: o.getByRole('heading', { level: 2, name: 'Olga Okafor' }) });
  await expect(olgaForHerself.getByText('City of Iqaluit')).toBeVisible();

  // The member's open roster follows without a reload.
  await expect(olgaForMember.getByText('City of Iqaluit')).toBeVisible();
  await expect(olgaForMember.getByText('Mornings, Eastern time')).toBeVisible();
  await member.page.locator('#filter-order').selectOption('municipal');
  await expect(member.page.getByText(counted('en', 'ws_roster_count', { count: 1, total: 2 }))).toBeVisible();
  // And after a reload of the observer's page it is still there (stored, not only shown).
  await o.reload();
  await expect(olgaForHerself.getByText('City of Iqaluit')).toBeVisible();

  // The costs CSVs (a member adds an expense): BOM first, headers in the person's language.
  const m = member.page;
  await m.goto(`/cops/${cop.id}/costs`);
  await m.locator('#expense-what').fill('=HYPERLINK("x") Montréal room');
  await m.locator('#expense-amount').fill('240.00');
  await m.getByRole('group', { name: en.ws_expense_shared }).getByRole('checkbox', { name: 'Olga Okafor' }).check();
  await m.getByRole('button', { name: en.ws_save_expense }).click();
  await expect(m.getByText(en.ws_expense_added!)).toBeVisible();
  const costs = m.waitForEvent('download');
  await m.getByRole('button', { name: en.ws_download_csv }).click();
  const costsText = readFileSync((await (await costs).path())!, 'utf8');
  expect(costsText.startsWith('\uFEFF')).toBe(true);
  expect(costsText.slice(1).split('\r\n')[0]).toBe([en.ws_csv_date, en.ws_csv_what, en.ws_csv_category, en.ws_csv_amount, en.ws_csv_paid_by, en.ws_csv_shared_among].join(','));
  expect(costsText).toContain(`"'=HYPERLINK(""x"") Montréal room"`);
  const balances = m.waitForEvent('download');
  await m.getByRole('button', { name: en.ws_download_balances_csv }).click();
  const balancesText = readFileSync((await (await balances).path())!, 'utf8');
  expect(balancesText.startsWith('\uFEFF')).toBe(true);
  expect(balancesText.slice(1).split('\r\n')).toEqual([
    `${en.ws_csv_person},${en.ws_csv_balance}`,
    'Priya Singh,120.00',
    'Olga Okafor,-120.00',
    '',
    [en.ws_csv_from, en.ws_csv_to, en.ws_csv_amount].join(','),
    'Olga Okafor,Priya Singh,120.00',
    ''
  ]);
});

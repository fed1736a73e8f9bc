// The demo programme (`pnpm atelier seed-demo`) in the browser, as a newcomer explores it: a
// seeded facilitator signs in on a new device and finds the meeting's minutes, the costs with
// their balances and the Resource Centre item; the French facilitator's meeting mode fits a small
// phone. The CLI runs against the test server's DATA_DIR; running it again changes nothing, so
// this file may share that folder with every other test.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from '@playwright/test';
import { E2E_DATA_DIR, fill } from './support/accounts';
import { counted, expect, messages, test } from './support/fixtures';

const root = fileURLToPath(new URL('../../../', import.meta.url));
const en = messages('en');
const fr = messages('fr');
const PASSWORD = 'atelier-demo-2026';

test.setTimeout(240_000);

test.beforeAll(() => {
  // Thirteen memory-hard password hashes on a busy machine: give it time.
  execFileSync('pnpm', ['atelier', 'seed-demo'], { cwd: root, env: { ...process.env, DATA_DIR: E2E_DATA_DIR }, stdio: 'pipe', timeout: 200_000 });
});

/** Signs a seeded person in on a new device (an English one: the interface then follows the account). */
async function signIn(browser: Browser, email: string, t: Record<string, string>, viewport = { width: 1280, height: 800 }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'en-CA' });
  const page = await context.newPage();
  await page.goto('/sign-in');
  await page.getByLabel(en.field_email!).fill(email);
  await page.getByLabel(en.field_password!).fill(PASSWORD);
  await page.getByRole('button', { name: en.sign_in, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: t.my_cops_title })).toBeVisible({ timeout: 30_000 });
  return page;
}

async function copId(page: Page, name: string): Promise<string> {
  const cops = (await (await page.request.get('/api/cops')).json()) as { id: string; name: string }[];
  return cops.find((c) => c.name === name)!.id;
}

async function openMeeting(page: Page, cop: string, title: string) {
  await page.goto(`/cops/${cop}/meetings`);
  await page.locator('main').getByRole('link', { name: title }).click();
}

test('a seeded facilitator sees the meeting’s minutes, the costs balances and the Resource Centre item', async ({ browser }) => {
  const page = await signIn(browser, 'amara@demo.atelier.test', en);
  const cop = await copId(page, 'Portfolio Management Circle');

  // A new device receives the whole workspace at once: that is history, not a "recent change".
  await page.goto(`/cops/${cop}/workspace`);
  await expect(page.getByRole('button', { name: fill(en.ws_edit_action, { what: 'Write the one-page annex for small portfolios' }) })).toBeVisible();
  await expect(page.getByRole('region', { name: en.ws_recent_changes })).toContainText(en.ws_no_recent_changes!);

  await openMeeting(page, cop, 'Working session: stopping projects well');
  await expect(page.getByRole('heading', { level: 1, name: 'Working session: stopping projects well' })).toBeVisible();
  const minutes = page.getByLabel(fill(en.ws_item_minutes, { title: 'Draft protocol: the quarterly portfolio review' }));
  await expect(minutes).toHaveValue(/The group agreed on four questions for every review/);
  // The presenter reads as a person's name.
  await expect(page.locator('main')).toContainText(new RegExp(`Grace Cardinal\\s*·\\s*${fill(en.ws_planned, { minutes: '45' })}`));

  await page.goto(`/cops/${cop}/costs`);
  const balances = page.getByRole('region', { name: en.ws_balances });
  await expect(balances).toContainText('Amara Singh');
  await expect(balances).toContainText(fill(en.ws_balance_owed, { amount: '$235.50' }));
  await expect(balances).toContainText(fill(en.ws_balance_owes, { amount: '$124.50' }));

  await page.goto('/resources');
  await page.getByRole('link', { name: 'Quarterly portfolio review' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Quarterly portfolio review' })).toBeVisible();
  await expect(page.getByText('Is the problem this project solves still a priority?')).toBeVisible();
  await page.context().close();
});

test('in French on a 360×640 phone, the attendance summary agrees with its numbers and meeting mode’s Previous, Capture and Next show their whole labels', async ({ browser }) => {
  const page = await signIn(browser, 'helene@demo.atelier.test', fr, { width: 360, height: 640 });
  const cop = await copId(page, 'Communauté de pratique en gestion du changement');
  await openMeeting(page, cop, 'Séance de travail : annoncer un changement');
  // One person excused and one absent: the summary must not read "1 excusés, 1 absents".
  const attendance = page.getByRole('region', { name: fr.ws_attendance }).locator('p').first();
  const summary = new Intl.ListFormat('fr-CA', { type: 'conjunction' }).format([
    counted('fr', 'ws_attendance_present_count', { count: 4 }),
    counted('fr', 'ws_attendance_regrets_count', { count: 1 }),
    counted('fr', 'ws_attendance_absent_count', { count: 1 })
  ]);
  await expect(attendance).toHaveText(summary);
  expect(await attendance.textContent()).not.toMatch(/\b1 [a-zé]+s\b/);
  await page.getByRole('link', { name: fr.ws_meeting_mode_link }).click();
  const start = page.getByRole('button', { name: fr.ws_live_start });
  const bar = page.getByTestId('live-bar');
  // The meeting may already be under way (then there is no start button): wait for one or the other.
  await expect(start.or(bar.getByRole('button', { name: `← ${fr.ws_live_previous}`, exact: true }))).toBeVisible();
  if (await start.isVisible()) await start.click();
  for (const name of [`← ${fr.ws_live_previous}`, fr.ws_live_capture!, `${fr.ws_live_next} →`]) {
    const button = bar.getByRole('button', { name, exact: true });
    await expect(button).toBeVisible();
    const { scroll, client, right } = await button.evaluate((b) => ({ scroll: b.scrollWidth, client: b.clientWidth, right: b.getBoundingClientRect().right }));
    expect(scroll, `${name}: its label is wider than the button`).toBeLessThanOrEqual(client);
    expect(right, `${name}: off the screen`).toBeLessThanOrEqual(360);
  }
  await page.context().close();
});

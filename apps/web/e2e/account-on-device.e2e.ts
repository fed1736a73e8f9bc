// The account on the device (issue 3): the app opens offline with the last known name and COPs;
// when the server ends the session nothing is lost and signing in again carries on; sign-in
// errors are shown next to their fields; requests to join from the directory.
import { request as playwrightRequest, type APIRequestContext, type Page } from '@playwright/test';
import { checkPage, createManager, fill, newPerson, signIn, type Person } from './support/accounts';
import { counted, expect, messages, test, waitForServiceWorker } from './support/fixtures';

const t = messages('en');

async function createCop(page: Page, name: string): Promise<string> {
  const res = await page.request.post('/api/cops', { data: { name, areaOfInterest: 'Housing', language: 'en' } });
  expect(res.status()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

/** Signs in without a browser (no Origin header: judged on the session alone). */
async function apiSession(baseURL: string, person: Person): Promise<APIRequestContext> {
  const api = await playwrightRequest.newContext({ baseURL });
  const res = await api.post('/api/auth/sign-in', { data: { email: person.email, password: person.password } });
  expect(res.status()).toBe(200);
  return api;
}

/** Removes expected lines (a 401 or 404 we provoked) from the console errors, in place. */
function dropExpected(errors: string[], pattern: RegExp) {
  for (let i = errors.length - 1; i >= 0; i--) if (pattern.test(errors[i]!)) errors.splice(i, 1);
}

test('after signing in, going offline and reloading still shows my name and my COPs', async ({ page, context, consoleErrors }) => {
  const manager = createManager('Nadia Okafor');
  await signIn(page, manager, t);
  const copName = `Housing first ${Date.now().toString(36)}`;
  const copId = await createCop(page, copName);
  await page.goto('/');
  await waitForServiceWorker(page);
  await expect(page.getByRole('link', { name: copName })).toBeVisible();

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('status').filter({ hasText: t.connection_offline! })).toBeVisible();
  await expect(page.getByRole('button', { name: fill(t.account_menu_label, { name: manager.name }) })).toBeVisible();
  await expect(page.getByRole('link', { name: copName })).toBeVisible();

  // The COP's page opens from the device too, saying the server cannot be reached.
  await page.getByRole('link', { name: copName }).click();
  await expect(page).toHaveURL(new RegExp(`/cops/${copId}$`));
  await expect(page.getByRole('heading', { level: 1, name: copName })).toBeVisible();
  await expect(page.getByText(t.error_network!)).toBeVisible();
  await context.setOffline(false);
});

test('when the server ends my session, nothing on the device is lost and signing in again takes me back', async ({
  page,
  baseURL,
  consoleErrors
}) => {
  const manager = createManager('Louis Arsenault');
  await signIn(page, manager, t);
  const copName = `Transit data ${Date.now().toString(36)}`;
  const copId = await createCop(page, copName);
  await page.goto(`/cops/${copId}`);
  await expect(page.getByRole('heading', { level: 1, name: copName })).toBeVisible();

  // From another device, end this browser's session.
  const api = await apiSession(baseURL!, manager);
  const sessions = (await (await api.get('/api/me/sessions')).json()) as { id: string; current: boolean }[];
  for (const s of sessions.filter((s) => !s.current)) expect((await api.delete(`/api/me/sessions/${s.id}`)).status()).toBe(204);
  await api.dispose();

  await page.reload();
  const banner = page.getByRole('alert').filter({ hasText: t.session_lost_body! });
  await expect(banner).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: copName })).toBeVisible();
  await expect(page.getByRole('button', { name: fill(t.account_menu_label, { name: manager.name }) })).toBeVisible();
  await page.goto('/cops');
  await expect(page.getByRole('link', { name: copName })).toBeVisible();

  await page.goto(`/cops/${copId}`);
  await banner.getByRole('link', { name: t.session_lost_action }).click();
  await expect(page.getByLabel(t.field_email!)).toHaveValue(manager.email);
  await page.getByLabel(t.field_password!).fill(manager.password);
  await page.getByRole('button', { name: t.sign_in, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/cops/${copId}$`));
  await expect(page.getByRole('heading', { level: 1, name: copName })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: t.session_lost_body! })).toHaveCount(0);
  dropExpected(consoleErrors, /status of 401/);
});

test('sign-in problems are shown next to the fields, and focus moves to the first one', async ({ page, consoleErrors }) => {
  await page.goto('/sign-in');
  await page.getByRole('button', { name: t.sign_in, exact: true }).click();
  const email = page.getByLabel(t.field_email!);
  await expect(email).toBeFocused();
  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(email).toHaveAccessibleDescription(t.field_email_invalid!);
  await expect(page.getByLabel(t.field_password!)).toHaveAccessibleDescription(t.field_password_required!);

  await email.fill('nobody@example.ca');
  await page.getByLabel(t.field_password!).fill('not the password');
  await page.getByRole('button', { name: t.sign_in, exact: true }).click();
  const message = page.getByRole('alert').filter({ hasText: t.sign_in_failed! });
  await expect(message).toBeVisible({ timeout: 20_000 });
  await expect(message).toBeFocused();
  dropExpected(consoleErrors, /status of 401/);
});

test('a member asks to join a COP from the directory and a facilitator approves', async ({ page, browser, baseURL, consoleErrors }) => {
  const manager = createManager('Sophie Nakamura');
  await signIn(page, manager, t);
  const stamp = Date.now().toString(36);
  const home = await createCop(page, `Climate adaptation ${stamp}`);
  const other = await createCop(page, `Procurement ${stamp}`);

  // Someone joins the first COP by invitation (without a browser).
  const invite = await page.request.post(`/api/cops/${home}/invitations`, { data: { role: 'member' } });
  const { token } = (await invite.json()) as { token: string };
  const member = newPerson('Aisha Bello');
  const api = await playwrightRequest.newContext({ baseURL });
  expect((await api.post(`/api/invitations/${token}/accept`, { data: member })).status()).toBe(200);
  await api.dispose();

  // In their browser, they find the other COP in the directory and ask to join.
  const context = await browser.newContext();
  const memberPage = await context.newPage();
  await signIn(memberPage, member, t);
  await memberPage.getByRole('button', { name: fill(t.account_menu_label, { name: member.name }) }).click();
  await memberPage.getByRole('link', { name: t.nav_directory, exact: true }).click();
  await memberPage.getByLabel(t.directory_search_label!).fill(`Procurement ${stamp}`);
  const card = memberPage.getByRole('article').filter({ hasText: `Procurement ${stamp}` });
  await expect(card).toHaveCount(1);
  await expect(memberPage.getByRole('article').filter({ hasText: `Climate adaptation ${stamp}` })).toHaveCount(0);
  await card.getByRole('button', { name: new RegExp(t.join_request_action!) }).click();
  await expect(card.getByText(t.join_request_pending!)).toBeVisible();
  await context.close();

  // The manager approves it on the COP's page.
  await page.goto(`/cops/${other}`);
  const requests = page.getByRole('region', { name: counted('en', 'join_requests_title', { count: 1 }) });
  await expect(requests.getByRole('heading', { name: member.name })).toBeVisible();
  await checkPage(page, 'cop-join-requests', 'en');
  // Into the core group, as an observer for now (the approver chooses both on the request).
  await requests.getByRole('combobox', { name: t.field_role }).selectOption('observer');
  await requests.getByRole('combobox', { name: t.field_participation }).selectOption('core');
  await requests.getByRole('button', { name: new RegExp(t.join_request_approve!) }).click();
  await expect(page.getByRole('heading', { level: 3, name: member.name })).toBeVisible();
  await expect(page.getByText(t.join_requests_empty!)).toBeVisible();
  const facts = page.getByRole('list', { name: fill(t.member_details, { name: member.name }) });
  await expect(facts).toContainText(t.role_observer!);
  await expect(facts).toContainText(t.participation_core!);
});

test('signing in on a device set to the other language switches to mine, and switching it saves my choice', async ({ page }) => {
  const fr = messages('fr');
  const person = createManager('Élise Thibodeau', 'fr');
  // The device is in English; Élise's account says French.
  await page.goto('/sign-in');
  await page.getByLabel(t.field_email!).fill(person.email);
  await page.getByLabel(t.field_password!).fill(person.password);
  await page.getByRole('button', { name: t.sign_in, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: fr.my_cops_title })).toBeVisible({ timeout: 20_000 });
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');

  // She switches to English: the account keeps it, so her other devices follow.
  await page.getByRole('button', { name: fr.language_switch_aria }).click();
  await expect(page.getByRole('heading', { level: 1, name: t.my_cops_title })).toBeVisible();
  await expect.poll(async () => ((await (await page.request.get('/api/me')).json()) as { user: { language: string } }).user.language).toBe('en');
});

// My account (issue 3 follow-up): a person renames themselves, picks their preferred language
// (the interface follows and the account keeps it), and changes their password — which signs
// out their other devices — with mistakes explained next to the field. English and French, axe
// at phone and laptop sizes.
import { request as playwrightRequest, type Page } from '@playwright/test';
import { checkPage, createManager, fill, signIn, type Person } from './support/accounts';
import { expect, messages, test } from './support/fixtures';

/** The account page's fields (password inputs have no ARIA role to find them by). */
const PASSWORD_FIELDS: Record<string, string> = {
  account_current_password: '#account-current-password',
  account_new_password: '#account-new-password',
  account_confirm_password: '#account-confirm-password'
};
function passwordField(page: Page, key: keyof typeof PASSWORD_FIELDS) {
  return page.locator(PASSWORD_FIELDS[key]!);
}

async function openAccountPage(page: Page, person: Person, t: Record<string, string>) {
  await page.getByRole('button', { name: fill(t.account_menu_label, { name: person.name }) }).click();
  await page.getByRole('link', { name: t.nav_account, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: t.account_title })).toBeVisible();
}

for (const locale of ['en', 'fr'] as const) {
  test(`my account: name, language and password (${locale})`, async ({ page, baseURL, consoleErrors }) => {
    test.setTimeout(120_000);
    const t = messages(locale);
    const other = messages(locale === 'en' ? 'fr' : 'en');
    // The device starts in this language; later choices (the test reloads) stand.
    await page.addInitScript((l) => localStorage.getItem('PARAGLIDE_LOCALE') || localStorage.setItem('PARAGLIDE_LOCALE', l), locale);
    const person = createManager(locale === 'fr' ? 'Josée Gagnon' : 'Amrit Dhillon', locale);
    await signIn(page, person, t);

    // Another device signed in before the password changes.
    const otherDevice = await playwrightRequest.newContext({ baseURL });
    expect((await otherDevice.post('/api/auth/sign-in', { data: { email: person.email, password: person.password } })).status()).toBe(200);

    await openAccountPage(page, person, t);
    await expect(page.getByRole('textbox', { name: t.field_name, exact: true })).toHaveValue(person.name);
    await expect(page.getByText(person.email, { exact: true })).toBeVisible();
    await checkPage(page, 'account', locale);

    // Rename: the header follows at once.
    const renamed = `${person.name}-Roy`;
    await page.getByRole('textbox', { name: t.field_name, exact: true }).fill(renamed);
    await page.getByRole('button', { name: t.account_save_profile }).click();
    await expect(page.getByText(t.account_profile_saved!)).toBeVisible();
    await expect(page.getByRole('button', { name: fill(t.account_menu_label, { name: renamed }) })).toBeVisible();

    // Password mistakes are explained next to their field, in the page's language.
    const fresh = 'a new passphrase for the fall';
    await passwordField(page, 'account_current_password').fill('not my password at all');
    await passwordField(page, 'account_new_password').fill(fresh);
    await passwordField(page, 'account_confirm_password').fill(fresh);
    await page.getByRole('button', { name: t.account_change_password }).click();
    await expect(page.getByText(t.account_password_wrong!)).toBeVisible();
    await expect(passwordField(page, 'account_current_password')).toBeFocused();
    await passwordField(page, 'account_current_password').fill(person.password);
    await passwordField(page, 'account_confirm_password').fill(`${fresh}!`);
    await page.getByRole('button', { name: t.account_change_password }).click();
    await expect(page.getByText(t.account_passwords_differ!)).toBeVisible();
    await passwordField(page, 'account_confirm_password').fill(fresh);
    await page.getByRole('button', { name: t.account_change_password }).click();
    await expect(page.getByText(t.account_password_changed!)).toBeVisible();
    await expect(passwordField(page, 'account_current_password')).toHaveValue('');
    await checkPage(page, 'account-password-changed', locale);

    // This device carries on; the other one was signed out; only the new password opens the account.
    expect((await page.request.get('/api/me')).status()).toBe(200);
    expect((await otherDevice.get('/api/me')).status()).toBe(401);
    expect((await otherDevice.post('/api/auth/sign-in', { data: { email: person.email, password: person.password } })).status()).toBe(401);
    expect((await otherDevice.post('/api/auth/sign-in', { data: { email: person.email, password: fresh } })).status()).toBe(200);
    await otherDevice.dispose();

    // The preferred language: the interface switches, and the account keeps it after a reload.
    const otherLanguage = locale === 'en' ? 'fr' : 'en';
    await page.getByRole('combobox', { name: t.field_language, exact: true }).selectOption(otherLanguage);
    await page.getByRole('button', { name: t.account_save_profile }).click();
    await expect(page.getByRole('heading', { level: 1, name: other.account_title })).toBeVisible();
    await expect(page.getByText(other.account_profile_saved!)).toBeVisible();
    const me = (await (await page.request.get('/api/me')).json()) as { user: { name: string; language: string } };
    expect(me.user).toMatchObject({ name: renamed, language: otherLanguage });
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: other.account_title })).toBeVisible();
    await expect(page.getByRole('combobox', { name: other.field_language, exact: true })).toHaveValue(otherLanguage);

    // The wrong-password attempt was a 400 we provoked.
    for (let i = consoleErrors.length - 1; i >= 0; i--) if (/status of 400/.test(consoleErrors[i]!)) consoleErrors.splice(i, 1);
  });
}

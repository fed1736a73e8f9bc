// Accounts, COPs and invitations through the pages (issue 3): a manager creates a COP and invites
// someone, who accepts the link in another browser and lands in the COP — in English and in French,
// with every page checked by axe at phone and laptop sizes.
import type { Browser, Page } from '@playwright/test';
import { checkPage, createManager, fill, newPerson, signIn } from './support/accounts';
import { counted, expect, messages, PHONE, screenshotPath, test } from './support/fixtures';

async function managerInvitesMember(browser: Browser, page: Page, locale: 'en' | 'fr', consoleErrors: string[]) {
  const t = messages(locale);
  await page.addInitScript((l) => localStorage.setItem('PARAGLIDE_LOCALE', l), locale);
  const manager = createManager(locale === 'fr' ? 'Geneviève Lavoie' : 'Margaret Tremblay', locale);
  const copName = locale === 'fr' ? `Gestion des urgences ${Date.now().toString(36)}` : `Open data ${Date.now().toString(36)}`;

  // Sign in.
  await page.goto('/sign-in');
  await expect(page.getByRole('heading', { level: 1, name: t.sign_in_title })).toBeVisible();
  await checkPage(page, 'sign-in', locale);
  await signIn(page, manager, t);
  await expect(page.getByRole('button', { name: fill(t.account_menu_label, { name: manager.name }) })).toBeVisible();
  await checkPage(page, 'my-cops-manager', locale);

  // Create a COP.
  await page.getByRole('link', { name: t.nav_new_cop }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: t.cop_new_title })).toBeVisible();
  await checkPage(page, 'create-cop', locale);
  await page.getByLabel(t.cop_field_name!).fill(copName);
  await page.getByLabel(t.cop_field_area!).fill(locale === 'fr' ? 'Préparation aux sinistres' : 'Open government data');
  await page.getByLabel(t.cop_field_language!).selectOption(locale);
  await page.getByLabel(t.cop_field_description!).fill(locale === 'fr' ? 'Une communauté bilingue.' : 'Practitioners who publish open data.');
  await page.getByRole('button', { name: t.cop_create }).click();
  await expect(page.getByRole('heading', { level: 1, name: copName, exact: true })).toBeVisible();
  const copUrl = page.url();

  // Invite a member of the core group; the link and a large QR code appear.
  await page.locator('#invite-role').selectOption('member');
  await page.locator('#invite-participation').selectOption('core');
  await page.getByRole('button', { name: t.invitation_create }).click();
  const linkField = page.getByRole('textbox', { name: t.invitation_link });
  await expect(linkField).toBeFocused();
  const link = await linkField.inputValue();
  expect(link).toMatch(/\/join\/[\w-]+$/);
  const qr = page.getByRole('img', { name: fill(t.invitation_qr_alt, { cop: copName, role: t.role_member! }) });
  await expect(qr).toBeVisible();
  expect((await qr.boundingBox())!.width).toBeGreaterThanOrEqual(280);
  await checkPage(page, 'cop-invitation', locale);

  // Full screen, the code fills the screen it is on and no more (it once opened 3,400 px tall).
  for (const viewport of [PHONE, { width: 360, height: 640 }, { width: 1366, height: 800 }, { width: 800, height: 1280 }]) {
    await page.setViewportSize(viewport);
    await page.getByRole('button', { name: t.invitation_full_screen }).click();
    const dialog = page.getByRole('dialog');
    const big = dialog.getByRole('img', { name: fill(t.invitation_qr_alt, { cop: copName, role: t.role_member! }) });
    await expect(big).toBeVisible();
    const box = (await big.boundingBox())!;
    const side = Math.min(viewport.width, viewport.height);
    expect(box.y, `QR top at ${viewport.width}×${viewport.height}`).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height, `QR bottom at ${viewport.width}×${viewport.height}`).toBeLessThanOrEqual(viewport.height);
    expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
    expect(box.width, `QR size at ${viewport.width}×${viewport.height}`).toBeGreaterThanOrEqual(side * 0.5);
    expect(Math.abs(box.width - box.height)).toBeLessThan(2);
    const closeButton = dialog.getByRole('button', { name: t.close, exact: true });
    const closeBox = (await closeButton.boundingBox())!;
    expect(closeBox.y + closeBox.height, 'Close stays on screen').toBeLessThanOrEqual(viewport.height);
    await page.screenshot({ path: screenshotPath(`invitation-qr-full-screen-${viewport.width}x${viewport.height}-${locale}`) });
    await closeButton.click();
    await expect(dialog).toBeHidden();
  }
  await page.setViewportSize({ width: 1366, height: 800 });

  // The member opens the link in another browser, creates an account and lands in the COP.
  const other = await browser.newContext({ locale: locale === 'fr' ? 'fr-CA' : 'en-CA' });
  const memberPage = await other.newPage();
  const memberErrors: string[] = [];
  memberPage.on('console', (msg) => msg.type() === 'error' && memberErrors.push(msg.text()));
  const member = newPerson(locale === 'fr' ? 'Étienne Gagnon' : 'Priya Singh');
  await memberPage.goto(new URL(link).pathname);
  await expect(memberPage.getByRole('heading', { level: 1, name: fill(t.join_heading, { cop: copName }) })).toBeVisible();
  await expect(memberPage.getByText(t.role_member!, { exact: true })).toBeVisible();
  await checkPage(memberPage, 'accept-invitation', locale);
  await memberPage.getByLabel(t.field_name!).fill(member.name);
  await memberPage.getByLabel(t.field_email!).fill(member.email);
  await memberPage.getByLabel(t.field_password!).fill(member.password);
  await memberPage.getByRole('button', { name: t.join_submit }).click();
  await expect(memberPage).toHaveURL(copUrl);
  await expect(memberPage.getByRole('heading', { level: 1, name: copName, exact: true })).toBeVisible();
  await expect(memberPage.getByRole('button', { name: fill(t.account_menu_label, { name: member.name }) })).toBeVisible();
  await expect(memberPage.getByRole('heading', { level: 3, name: member.name })).toBeVisible();
  await checkPage(memberPage, 'cop-member-view', locale);

  // The member's COPs list has it too.
  await memberPage.goto('/cops');
  await expect(memberPage.getByRole('link', { name: copName })).toBeVisible();
  await checkPage(memberPage, 'my-cops-member', locale);
  // "Browse the directory" is a target a thumb can hit on a phone, on My COPs and on Home.
  await memberPage.setViewportSize(PHONE);
  for (const path of ['/cops', '/']) {
    await memberPage.goto(path);
    const browse = memberPage.getByRole('link', { name: t.my_cops_browse, exact: true });
    await expect(browse).toBeVisible();
    const box = (await browse.boundingBox())!;
    expect(box.height, `Browse the directory on ${path} (phone)`).toBeGreaterThanOrEqual(44);
    expect(box.width).toBeGreaterThanOrEqual(24);
  }
  await other.close();
  expect(memberErrors, 'console errors in the second browser').toEqual([]);

  // The manager sees the new member, in the core group.
  await page.reload();
  await expect(page.getByRole('heading', { level: 3, name: member.name })).toBeVisible();
  await expect(page.getByText(counted(locale, 'core_group_size', { count: 1 }))).toBeVisible();
  await checkPage(page, 'cop-members', locale);

  // Directory and sessions.
  await page.goto('/directory');
  await expect(page.getByRole('heading', { level: 1, name: t.directory_title })).toBeVisible();
  await expect(page.getByRole('link', { name: copName })).toBeVisible();
  await checkPage(page, 'directory', locale);

  await page.goto('/account/sessions');
  await expect(page.getByText(t.sessions_this_device!, { exact: true })).toBeVisible();
  await checkPage(page, 'sessions', locale);
  expect(consoleErrors).toEqual([]);
}

test.describe('a manager invites a member who accepts in another browser', () => {
  // Sixteen pages, each checked by axe and photographed at two sizes.
  test.setTimeout(180_000);

  test('in English', async ({ browser, page, consoleErrors }) => {
    await managerInvitesMember(browser, page, 'en', consoleErrors);
  });

  test('in French', async ({ browser, page, consoleErrors }) => {
    await managerInvitesMember(browser, page, 'fr', consoleErrors);
  });
});

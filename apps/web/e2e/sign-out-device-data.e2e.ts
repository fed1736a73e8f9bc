// Signing out on a shared device: the person's COP documents, kept files and cached lists leave
// the device — but never work the server does not have without saying so first. A member writes
// offline, is made an observer meanwhile (so the server will never take those changes), and
// signing out lists what would be lost; staying keeps everything, signing out anyway removes it.
// A manager whose work is all saved signs out with no question and leaves nothing behind.
import type { Page } from '@playwright/test';
import { checkPage, fill } from './support/accounts';
import { closeAll, copWithPeople, editorOf } from './editor-people';
import { counted, expect, messages, test } from './support/fixtures';

test.describe.configure({ timeout: 150_000 });

/** What this origin keeps on the device, as the browser reports it. */
async function deviceData(page: Page) {
  return page.evaluate(async () => ({
    documents: (await indexedDB.databases()).map((d) => d.name ?? '').filter((n) => n.startsWith('cop/')),
    personalKeys: Object.keys(localStorage).filter((k) => k.startsWith('atelier.')),
    locale: localStorage.getItem('PARAGLIDE_LOCALE'),
    keptFiles: await caches.has('atelier-files')
  }));
}

async function openMenu(page: Page, name: string, t: Record<string, string>) {
  await page.getByRole('button', { name: fill(t.account_menu_label, { name }) }).click();
}

for (const locale of ['en', 'fr'] as const) {
  test(`signing out removes my work from the device, after warning about what the server lacks (${locale})`, async ({ browser }) => {
    const t = messages(locale);
    const { copId, manager, others } = await copWithPeople(browser, ['member'], locale);
    const member = others[0]!;
    const page = member.page;
    const memberId = ((await (await page.request.get('/api/me')).json()) as { user: { id: string } }).user.id;

    // The member writes a note; it reaches the server.
    await page.goto(`/cops/${copId}/notes`);
    await page.getByRole('button', { name: t.doc_new_note }).click();
    await page.getByLabel(t.doc_field_title!).fill('Venue notes');
    await page.getByRole('button', { name: t.doc_create }).click();
    const editor = editorOf(page);
    await editor.click();
    await page.keyboard.type('Saved on the server.');
    const status = page.locator('.doc-status [data-state]');
    await expect(status).toHaveAttribute('data-state', 'saved', { timeout: 15_000 });

    // Offline, more is written; meanwhile the manager makes the member an observer.
    await member.context.setOffline(true);
    await page.keyboard.press('Enter');
    await page.keyboard.type('Written at the venue with no network.');
    await expect(status).toHaveAttribute('data-state', 'offline');
    expect((await manager.page.request.patch(`/api/cops/${copId}/members/${memberId}`, { data: { role: 'observer' } })).status()).toBe(200);
    await member.context.setOffline(false);
    expect((await deviceData(page)).documents.length).toBeGreaterThanOrEqual(2);

    // Signing out tries to save, cannot (observers' changes are refused), and says so.
    await openMenu(page, member.person.name, t);
    await page.getByRole('button', { name: t.sign_out, exact: true }).click();
    const warning = page.getByRole('alert').filter({ hasText: t.signout_unsaved_intro! });
    await expect(warning).toBeVisible({ timeout: 30_000 });
    // Two: the note, and the workspace's record of that edit (the count behind translation state).
    await expect(warning).toContainText(counted(locale, 'signout_unsaved_documents', { count: 2 }));
    await checkPage(page, 'sign-out-unsaved', locale);

    // Staying keeps everything.
    await page.getByRole('button', { name: t.signout_stay }).click();
    await expect(page.getByRole('button', { name: fill(t.account_menu_label, { name: member.person.name }) })).toBeVisible();
    expect((await deviceData(page)).documents.length).toBeGreaterThanOrEqual(2);

    // Signing out anyway removes the person's data and keeps the device's language.
    await openMenu(page, member.person.name, t);
    await page.getByRole('button', { name: t.sign_out, exact: true }).click();
    await page.getByRole('button', { name: t.signout_anyway }).click({ timeout: 30_000 });
    await expect(page.getByRole('link', { name: t.sign_in, exact: true }).first()).toBeVisible();
    await expect.poll(async () => (await deviceData(page)).documents, { timeout: 10_000 }).toEqual([]);
    expect(await deviceData(page)).toEqual({ documents: [], personalKeys: [], locale, keptFiles: false });

    // The manager's work is all on the server: signing out asks nothing and leaves nothing.
    await manager.page.goto(`/cops/${copId}/notes`);
    await expect(manager.page.getByRole('link', { name: 'Venue notes' })).toBeVisible();
    await expect.poll(async () => (await deviceData(manager.page)).documents.length, { timeout: 10_000 }).toBeGreaterThan(0);
    await openMenu(manager.page, manager.person.name, t);
    await manager.page.getByRole('button', { name: t.sign_out, exact: true }).click();
    await expect(manager.page.getByRole('link', { name: t.sign_in, exact: true }).first()).toBeVisible({ timeout: 20_000 });
    await expect.poll(async () => (await deviceData(manager.page)).documents, { timeout: 10_000 }).toEqual([]);
    expect((await deviceData(manager.page)).personalKeys).toEqual([]);

    await closeAll(manager, member);
  });
}

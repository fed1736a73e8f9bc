// A deletion can be undone: the facilitator deletes a meeting and an agenda item, undoes one on
// the spot, and restores the other later from "Recently deleted" with everything in it; a member
// sees the list but no restore button.
import { checkPage, fill } from './support/accounts';
import { closeAll, copWithPeople } from './editor-people';
import { expect, messages, PHONE, test } from './support/fixtures';

test.describe.configure({ timeout: 150_000 });

test('a deleted meeting comes back with Undo, and later from Recently deleted with its agenda and minutes (fr)', async ({ browser }) => {
  const t = messages('fr');
  const { copId, manager, others } = await copWithPeople(browser, ['member'], 'fr');
  const page = manager.page;
  await page.setViewportSize(PHONE);

  await page.goto(`/cops/${copId}/meetings`);
  await page.getByRole('button', { name: t.ws_new_meeting }).click();
  await page.locator('#new-meeting-title').fill('Séance de mars');
  await page.locator('#new-meeting-date').fill('2030-03-10');
  await page.locator('#new-meeting-time').fill('13:30');
  await page.getByRole('button', { name: t.ws_create_meeting }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Séance de mars' })).toBeVisible();
  const meetingUrl = page.url();
  await page.locator('#new-item-title').fill('Cadre de gestion');
  await page.getByRole('button', { name: t.ws_add_item, exact: true }).click();
  await expect(page.locator('.agenda-item h3')).toContainText(['Cadre de gestion']);

  // Deleted, then undone at once.
  await page.getByRole('button', { name: t.ws_delete_meeting }).click();
  await page.locator('.confirm').getByRole('button', { name: t.ws_delete_yes }).click();
  const notice = page.locator('.undo');
  await expect(notice).toContainText(fill(t.ws_deleted_notice, { what: t.ws_kind_meeting!, label: 'Séance de mars' }));
  await notice.getByRole('button', { name: t.ws_undo_delete }).click();
  await page.goto(meetingUrl);
  await expect(page.getByRole('heading', { level: 1, name: 'Séance de mars' })).toBeVisible();
  await expect(page.locator('.agenda-item h3')).toContainText(['Cadre de gestion']);

  // Deleted again; the notice goes; a member sees who deleted it, and cannot restore.
  await page.getByRole('button', { name: t.ws_delete_meeting }).click();
  await page.locator('.confirm').getByRole('button', { name: t.ws_delete_yes }).click();
  await expect(notice).toContainText('Séance de mars');
  await expect(notice).toBeEmpty({ timeout: 15_000 });
  const member = others[0]!.page;
  await member.goto(`/cops/${copId}/deleted`);
  await expect(member.getByRole('heading', { level: 1, name: t.ws_deleted_title })).toBeVisible();
  await expect(member.locator('.deleted li')).toContainText('Séance de mars');
  await expect(member.locator('.deleted li')).toContainText(manager.person.name);
  await expect(member.getByRole('button', { name: t.ws_restore })).toHaveCount(0);

  // The facilitator's side: restore from the list.
  await page.goto(`/cops/${copId}/meetings`);
  await page.getByRole('link', { name: t.ws_recently_deleted }).click();
  await expect(page.getByRole('heading', { level: 1, name: t.ws_deleted_title })).toBeVisible();
  await checkPage(page, 'recently-deleted', 'fr');
  await page.setViewportSize(PHONE);
  await page.getByRole('button', { name: fill(t.ws_restore_named, { label: 'Séance de mars' }) }).click();
  await expect(page.getByRole('status').filter({ hasText: fill(t.ws_restored, { label: 'Séance de mars' }) })).toBeVisible();
  await expect(page.getByText(t.ws_deleted_empty!)).toBeVisible();
  await page.goto(meetingUrl);
  await expect(page.locator('.agenda-item h3')).toContainText(['Cadre de gestion']);
  // …and on the member's device too.
  await member.goto(meetingUrl);
  await expect(member.getByRole('heading', { level: 1, name: 'Séance de mars' })).toBeVisible();
  await closeAll(others[0]!, manager);
});

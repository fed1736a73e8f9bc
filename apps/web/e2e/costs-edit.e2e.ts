// An expense can be edited once saved, by its author and by the people running meetings: the
// author changes the amount and the balances change on another member's device; that member has
// no Edit on it; the facilitator (here the programme manager) edits it too. The edit form is
// checked with axe at phone and laptop sizes, works from the keyboard (Escape cancels, focus goes
// back to Edit), and is photographed into /work/shots/issue-21/ when that folder exists.
import { existsSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { checkPage, fill } from './support/accounts';
import { closeAll, copWithPeople } from './editor-people';
import { expect, LAPTOP, messages, PHONE, test } from './support/fixtures';

test.describe.configure({ timeout: 150_000 });

const SHOTS = '/work/shots/issue-21';
const shot = (page: Page, name: string) => (existsSync(SHOTS) ? page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true }) : Promise.resolve());

type Texts = ReturnType<typeof messages>;

/** Adds an expense paid by `payer` and shared by exactly `sharers`, from the costs page. */
async function addExpense(page: Page, t: Texts, what: string, amount: string, payer: string, sharers: string[]) {
  await page.locator('#expense-what').fill(what);
  await page.locator('#expense-amount').fill(amount);
  await page.locator('#expense-paid-by').selectOption({ label: payer });
  const boxes = page.getByRole('group', { name: t.ws_expense_shared }).getByRole('checkbox');
  for (const box of await boxes.all()) {
    const name = (await box.evaluate((el) => el.closest('label')?.textContent ?? '')).trim();
    await box.setChecked(sharers.includes(name));
  }
  await page.getByRole('button', { name: t.ws_save_expense }).click();
  await expect(page.getByText(t.ws_expense_added!)).toBeVisible();
}

/** Opens the edit form of an expense by its Edit button, changes the amount and saves. */
async function editAmount(page: Page, t: Texts, what: string, amount: string) {
  await page.getByRole('button', { name: fill(t.ws_edit_expense, { what }) }).click();
  const form = page.getByRole('form', { name: fill(t.ws_edit_expense, { what }) });
  await expect(form.getByLabel(t.ws_expense_what!)).toBeFocused();
  await form.getByLabel(t.ws_expense_amount!).fill(amount);
  await form.getByRole('button', { name: t.ws_save, exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: fill(t.ws_expense_updated, { what }) })).toBeVisible();
  await expect(page.getByRole('button', { name: fill(t.ws_edit_expense, { what }) })).toBeFocused();
}

function balanceOf(page: Page, name: string) {
  return page.locator('.balances li').filter({ hasText: name });
}

test('the author edits a saved expense and the balances change on another device; another member has no Edit; the facilitator edits it too', async ({ browser }) => {
  const t = messages('en');
  const { copId, manager, others } = await copWithPeople(browser, ['member', 'member']);
  const [author, other] = others as [(typeof others)[0], (typeof others)[0]];
  const authorName = author.person.name;
  const otherName = other.person.name;

  await author.page.goto(`/cops/${copId}/costs`);
  await expect(author.page.getByRole('group', { name: t.ws_expense_shared }).getByRole('checkbox', { name: otherName })).toBeVisible();
  await addExpense(author.page, t, 'Room rental', '90.00', authorName, [authorName, otherName]);

  await other.page.goto(`/cops/${copId}/costs`);
  await expect(balanceOf(other.page, otherName)).toContainText(fill(t.ws_balance_owes, { amount: '$45.00' }));
  // Not theirs: neither Edit nor Delete.
  await expect(other.page.locator('.list li').filter({ hasText: 'Room rental' })).toBeVisible();
  await expect(other.page.getByRole('button', { name: fill(t.ws_edit_expense, { what: 'Room rental' }) })).toHaveCount(0);
  await expect(other.page.getByRole('button', { name: fill(t.ws_delete_expense, { what: 'Room rental' }) })).toHaveCount(0);

  // The author: the form opens filled in with what was saved.
  await author.page.setViewportSize(LAPTOP);
  await author.page.getByRole('button', { name: fill(t.ws_edit_expense, { what: 'Room rental' }) }).click();
  const form = author.page.getByRole('form', { name: fill(t.ws_edit_expense, { what: 'Room rental' }) });
  await expect(form.getByLabel(t.ws_expense_what!)).toHaveValue('Room rental');
  await expect(form.getByLabel(t.ws_expense_amount!)).toHaveValue('90.00');
  await expect(form.getByLabel(t.ws_expense_paid_by!).locator('option:checked')).toHaveText(authorName);
  await expect(form.getByRole('checkbox', { name: otherName })).toBeChecked();
  await expect(form.getByText(t.ws_expense_shared_hint_saved!)).toBeVisible();
  await checkPage(author.page, 'costs-edit-expense', 'en');
  await author.page.setViewportSize(LAPTOP);
  await form.scrollIntoViewIfNeeded();
  await shot(author.page, 'costs-edit-expense-laptop-en');
  // Escape leaves the form unchanged and puts the focus back on Edit.
  await form.getByLabel(t.ws_expense_amount!).fill('1.00');
  await author.page.keyboard.press('Escape');
  await expect(form).toHaveCount(0);
  await expect(author.page.getByRole('button', { name: fill(t.ws_edit_expense, { what: 'Room rental' }) })).toBeFocused();
  await expect(balanceOf(other.page, otherName)).toContainText(fill(t.ws_balance_owes, { amount: '$45.00' }));

  await editAmount(author.page, t, 'Room rental', '120.00');
  await expect(balanceOf(other.page, otherName)).toContainText(fill(t.ws_balance_owes, { amount: '$60.00' }));
  await expect(balanceOf(other.page, authorName)).toContainText(fill(t.ws_balance_owed, { amount: '$60.00' }));

  // The facilitator runs the meeting: they may edit anyone's expense.
  await manager.page.goto(`/cops/${copId}/costs`);
  await editAmount(manager.page, t, 'Room rental', '150.00');
  await expect(balanceOf(other.page, otherName)).toContainText(fill(t.ws_balance_owes, { amount: '$75.00' }));
  await expect(balanceOf(author.page, authorName)).toContainText(fill(t.ws_balance_owed, { amount: '$75.00' }));
  await closeAll(author, other, manager);
});

test('the expense edit form in French on a phone: filled in the French way, saved with a French amount', async ({ browser }) => {
  const t = messages('fr');
  const { copId, manager } = await copWithPeople(browser, [], 'fr');
  const page = manager.page;
  await page.setViewportSize(PHONE);
  await page.goto(`/cops/${copId}/costs`);
  await page.locator('#expense-what').fill('Location de salle');
  await page.locator('#expense-amount').fill('240,00');
  await page.getByRole('button', { name: t.ws_save_expense }).click();
  await expect(page.getByText(t.ws_expense_added!)).toBeVisible();

  await page.getByRole('button', { name: fill(t.ws_edit_expense, { what: 'Location de salle' }) }).click();
  const form = page.getByRole('form', { name: fill(t.ws_edit_expense, { what: 'Location de salle' }) });
  await expect(form.getByRole('heading', { name: fill(t.ws_edit_expense, { what: 'Location de salle' }) })).toBeVisible();
  await expect(form.getByLabel(t.ws_expense_amount!)).toHaveValue('240,00');
  // The programme manager is on no roster: their own name, not their id.
  await expect(form.getByLabel(t.ws_expense_paid_by!).locator('option:checked')).toHaveText(manager.person.name);
  await form.scrollIntoViewIfNeeded();
  await shot(page, 'costs-edit-expense-phone-fr');
  await checkPage(page, 'costs-edit-expense', 'fr');
  await page.setViewportSize(PHONE);
  await form.getByLabel(t.ws_expense_what!).fill('Location de salle et café');
  await form.getByLabel(t.ws_expense_amount!).fill('262,50');
  await form.getByRole('radio', { name: t.ws_category_other }).check();
  await form.getByRole('button', { name: t.ws_save, exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: fill(t.ws_expense_updated, { what: 'Location de salle et café' }) })).toBeVisible();
  const entry = page.locator('.list li').filter({ hasText: 'Location de salle et café' });
  await expect(entry).toContainText('262,50');
  await expect(entry).toContainText(t.ws_category_other!);
  await closeAll(manager);
});

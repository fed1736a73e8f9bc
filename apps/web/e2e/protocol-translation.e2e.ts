// Paired English/French protocols in the browser: a new counterpart asks for its own title, and
// the French side shows "behind" after every change of the English one — also an edit made
// seconds after the same person's previous edit (the last-edit record is coalesced to one a
// minute; the translation state is not).
import { closeAll, editorOf, fillMsg, panelOf, programme, unexpectedErrors, writeProtocol } from './resources-people';
import { expect, PHONE, screenshotPath, test } from './support/fixtures';

test.describe.configure({ timeout: 150_000 });

test('a new French counterpart asks for its own title, and shows behind after every English edit, even seconds apart', async ({ browser }) => {
  const { manager, cop } = await programme(browser);
  const f = manager;
  const { page, t } = f;
  const copId = await cop('Data stewards', 'Open data');
  const enId = await writeProtocol(f, copId, 'Data sharing protocol', 'en', 'Each request is answered within ten days.');
  const panel = panelOf(f);

  // Starting the French version asks for its title; it does not start with the English one.
  await panel.getByRole('button', { name: fillMsg(t.pub_create_counterpart!, { language: t.pub_lang_in_fr! }) }).click();
  const title = panel.getByLabel(fillMsg(t.pub_counterpart_title_label!, { language: t.pub_lang_in_fr! }));
  await expect(title).toBeFocused();
  await expect(title).toHaveValue('');
  await expect(title).toHaveAttribute('lang', 'fr');
  await panel.getByRole('button', { name: t.pub_counterpart_create }).click();
  await expect(panel.locator('.error')).toBeVisible();
  await page.setViewportSize(PHONE);
  await title.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath('counterpart-title-phone-en') });
  await page.setViewportSize({ width: 1366, height: 800 });
  await title.fill('Protocole de partage des données');
  await panel.getByRole('button', { name: t.pub_counterpart_create }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Protocole de partage des données' })).toBeVisible();
  const frUrl = page.url();
  await editorOf(page).click();
  await page.keyboard.type('Chaque demande reçoit une réponse en dix jours.');
  await expect(page.locator('.doc-status [data-state]')).toHaveAttribute('data-state', 'saved', { timeout: 15_000 });
  await expect(panel.getByRole('link', { name: 'Data sharing protocol' })).toBeVisible();

  const behind = () => panel.getByText(fillMsg(t.pub_behind!, { language: t.pub_lang_in_en! }));
  const markCurrent = async () => {
    await panel.getByRole('button', { name: t.pub_mark_current }).click();
    await expect(panel.getByText(t.pub_marked_current!)).toBeVisible();
    await expect(behind()).toHaveCount(0);
  };
  await markCurrent();

  // The English is edited: the French is behind; marked current again.
  const editEnglish = async (words: string) => {
    await page.goto(`/cops/${copId}/protocols/${enId}`);
    await editorOf(page).click();
    await page.keyboard.press('End');
    await page.keyboard.type(words);
    await expect(page.locator('.doc-status [data-state]')).toHaveAttribute('data-state', 'saved', { timeout: 15_000 });
    await page.goto(frUrl);
    await expect(page.getByRole('heading', { level: 1, name: 'Protocole de partage des données' })).toBeVisible();
  };
  await editEnglish(' Refusals give reasons.');
  await expect(behind()).toBeVisible();
  await markCurrent();

  // Seconds later, the same person edits the English again: behind again.
  await editEnglish(' Appeals go to the panel.');
  await expect(behind()).toBeVisible();

  expect(unexpectedErrors(f)).toEqual([]);
  await closeAll(f);
});

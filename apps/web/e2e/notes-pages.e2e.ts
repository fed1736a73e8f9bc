// The notes and protocols pages (issue 6) in English and French: create, write, search by text on
// the device (also offline), rename and archive; the list and the editor checked by axe at phone
// and laptop sizes, with screenshots for people to look at.
import { checkPage } from './support/accounts';
import { closeAll, copWithPeople, editorOf } from './editor-people';
import { counted, expect, messages, test } from './support/fixtures';

// Two or three signed-in browsers per test on a shared machine: give each test room.
test.describe.configure({ timeout: 150_000 });

for (const locale of ['en', 'fr'] as const) {
  const t = messages(locale);
  const words =
    locale === 'fr'
      ? { title: 'Notes de la séance de mars', body: 'Nous avons revu le protocole d’accueil des nouveaux membres.', search: 'accueil', renamed: 'Notes de mars (revues)' }
      : { title: 'March session notes', body: 'We reviewed the onboarding protocol for new members.', search: 'onboarding', renamed: 'March notes (reviewed)' };

  test(`notes can be created, written, searched by their text offline, renamed and archived, and the pages pass axe (${locale})`, async ({ browser }) => {
    const { copId, manager: a } = await copWithPeople(browser, [], locale);
    const page = a.page;
    await page.goto(`/cops/${copId}/notes`);
    await expect(page.getByRole('heading', { level: 1, name: t.doc_notes_title })).toBeVisible();
    await expect(page.getByRole('navigation', { name: t.ws_nav_label }).getByRole('link', { name: t.doc_tab_notes })).toHaveAttribute('aria-current', 'page');

    await page.getByRole('button', { name: t.doc_new_note }).click();
    await page.getByLabel(t.doc_field_title!).fill(words.title);
    await page.getByRole('button', { name: t.doc_create }).click();
    await expect(page.getByRole('heading', { level: 1, name: words.title })).toBeVisible();
    const editor = editorOf(page);
    await editor.click();
    await page.keyboard.type('## ');
    await page.keyboard.type(locale === 'fr' ? 'Décisions' : 'Decisions');
    await page.keyboard.press('Enter');
    await page.keyboard.type(words.body);
    await page.keyboard.press('Enter');
    await page.keyboard.type('- ');
    await page.keyboard.type(locale === 'fr' ? 'Traduire le guide' : 'Translate the guide');
    await expect(editor.locator('h2')).toHaveCount(1);
    await expect(editor.locator('ul li')).toHaveCount(1);
    // A comment and a named version, so the side panels show their content.
    await editor.locator('p').first().dblclick();
    await page.getByRole('button', { name: t.doc_comment }).click();
    await page.getByRole('textbox', { name: t.doc_comment_body, exact: true }).fill(locale === 'fr' ? 'À préciser.' : 'To be clarified.');
    await page.getByRole('button', { name: t.doc_comment_add }).click();
    await page.getByLabel(t.doc_version_name!).fill(locale === 'fr' ? 'Après la séance de mars' : 'After the March session');
    await page.getByRole('button', { name: t.doc_version_save }).click();
    await expect(page.locator('.doc-status [data-state]')).toHaveAttribute('data-state', 'saved', { timeout: 15_000 });
    await checkPage(page, 'note-editor', locale);

    await page.getByRole('link', { name: `← ${t.doc_back_notes}` }).click();
    await expect(page.getByRole('link', { name: words.title })).toBeVisible();
    await checkPage(page, 'notes-list', locale);

    // Search finds the note by a word of its text, with the network cut.
    await a.context.setOffline(true);
    await page.getByLabel(t.doc_search_label!).fill(words.search.toUpperCase());
    await expect(page.getByText(counted(locale, 'doc_search_results', { count: 1 }))).toBeVisible();
    await expect(page.locator('.excerpt')).toContainText(words.search);
    await page.getByLabel(t.doc_search_label!).fill('zzzz');
    await expect(page.getByText(t.doc_search_none!.replace('{query}', 'zzzz'))).toBeVisible();
    await page.getByLabel(t.doc_search_label!).fill('');
    await a.context.setOffline(false);

    await page.getByRole('button', { name: `${t.doc_rename} — ${words.title}` }).click();
    await page.getByLabel(t.doc_rename_label!.replace('{title}', words.title)).fill(words.renamed);
    await page.getByRole('button', { name: t.doc_save }).click();
    await expect(page.getByRole('link', { name: words.renamed })).toBeVisible();
    await page.getByRole('button', { name: `${t.doc_archive} — ${words.renamed}` }).click();
    await expect(page.getByRole('link', { name: words.renamed })).toHaveCount(0);
    await page.getByRole('button', { name: counted(locale, 'doc_show_archived', { count: 1 }) }).click();
    await expect(page.getByRole('link', { name: words.renamed })).toBeVisible();
    await closeAll(a);
  });
}

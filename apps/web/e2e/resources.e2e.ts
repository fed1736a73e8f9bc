// The Resource Centre (issue 7) in the browser against the real server: a facilitator takes an
// English/French protocol pair from draft to published with the lifecycle panel; a member of
// another COP finds it searching in French without accents and in English; the programme manager
// makes it public and it opens signed out; the pages pass axe at phone and laptop sizes.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { checkPage } from './support/accounts';
import { expect, LAPTOP, PHONE, screenshotPath, test } from './support/fixtures';
import { closeAll, editorOf, fillMsg, open, panelOf, programme, publishBilingual, step, unexpectedErrors, writeProtocol } from './resources-people';

test.setTimeout(180_000);

/**
 * Like checkPage, for a page another part of the app owns (the protocol page with its editor):
 * axe covers only the part this issue adds (`selector`); width and screenshots cover the page.
 */
async function checkPart(page: Page, selector: string, name: string, locale: 'en' | 'fr') {
  for (const [label, viewport] of [
    ['phone', PHONE],
    ['laptop', LAPTOP]
  ] as const) {
    await page.setViewportSize(viewport);
    const results = await new AxeBuilder({ page }).include(selector).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(results.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')) })), `${name} (${label}, ${locale})`).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${name} is wider than the ${label} screen`).toBeLessThanOrEqual(0);
    await page.screenshot({ path: screenshotPath(`${name}-${label}-${locale}`), fullPage: true });
  }
}

const CONTENT = {
  enTitle: 'Newcomer student intake',
  enText: 'Welcome every newcomer student within two school days and book an interpreter.',
  frTitle: 'Accueil des élèves nouvellement arrivés',
  frText: 'Accueillir chaque élève nouvellement arrivé à l’école en deux jours et réserver un interprète.',
  summary: 'How schools welcome newcomer students in their first week.',
  frSummary: 'Comment les écoles accueillent les élèves nouvellement arrivés pendant la première semaine.'
};

test('a facilitator publishes a bilingual protocol and a member of another COP finds it in French without accents and in English', async ({ browser }) => {
  const prog = await programme(browser);
  const copA = await prog.cop('Newcomer Education', 'Education');
  const copB = await prog.cop('Rural Health', 'Health');
  const facilitator = await prog.invite(copA, 'facilitator', 'Fatima Facilitator');
  const published = await publishBilingual(facilitator, copA, CONTENT);

  // The timeline records every step, with who took it.
  const panel = facilitator.page.getByRole('region', { name: facilitator.t.pub_heading });
  await expect(panel.getByRole('list').filter({ hasText: facilitator.t.pub_did_publish! }).getByText(facilitator.person.name).first()).toBeVisible();

  const member = await prog.invite(copB, 'member', 'Marc Membre', 'fr');
  const { page, t } = member;
  await page.goto('/resources');
  await expect(page.getByRole('heading', { level: 1, name: t.rc_title })).toBeVisible();
  // French, typed without accents: "élèves" as "eleves", "école" as "ecole".
  await page.getByLabel(t.rc_search_label!, { exact: true }).fill('eleves ecole');
  const results = page.getByRole('list', { name: t.rc_results });
  await expect(results.getByRole('link', { name: CONTENT.frTitle })).toBeVisible();
  await expect(results.getByRole('listitem').filter({ has: page.getByRole('link', { name: CONTENT.frTitle }) }).getByText(t.rc_lang_both!)).toBeVisible();
  // English words find it too; a word in neither version does not.
  await page.getByLabel(t.rc_search_label!, { exact: true }).fill('interpreter newcomer');
  await expect(results.getByRole('link', { name: CONTENT.frTitle })).toBeVisible();
  await page.getByLabel(t.rc_search_label!, { exact: true }).fill('zzzunlikelyword');
  await expect(page.getByText(t.rc_empty_search!)).toBeVisible();

  // Filters: the other COP's filter hides it; its own COP and French show it.
  await page.getByLabel(t.rc_search_label!, { exact: true }).fill('');
  await page.getByLabel(t.rc_filter_cop!).selectOption(copB);
  await expect(page.getByText(t.rc_empty_search!)).toBeVisible();
  await page.getByLabel(t.rc_filter_cop!).selectOption(copA);
  await page.getByLabel(t.rc_filter_language!).selectOption('fr');
  await results.getByRole('link', { name: CONTENT.frTitle }).click();

  // The item page shows the French version (the UI language) and switches to English.
  await expect(page.getByRole('heading', { level: 1, name: CONTENT.frTitle })).toBeVisible();
  await expect(page.getByText(CONTENT.frSummary)).toBeVisible();
  await expect(page.locator('.document-body')).toContainText('réserver un interprète');
  await page.getByRole('navigation', { name: t.rc_language_toggle }).getByRole('link', { name: t.language_en }).click();
  await expect(page.getByRole('heading', { level: 1, name: CONTENT.enTitle })).toBeVisible();
  await expect(page.locator('.document-body')).toContainText('book an interpreter');
  await expect(page.getByRole('link', { name: t.rc_download_docx })).toHaveAttribute('href', `/api/resources/${published.itemId}/versions/1/export/docx?language=en`);
  const md = await page.request.get(`/api/resources/${published.itemId}/versions/1/export/md?language=fr`);
  expect(await md.text()).toContain(CONTENT.frTitle);

  expect(unexpectedErrors(facilitator)).toEqual([]);
  expect(unexpectedErrors(member)).toEqual([]);
  await closeAll(prog.manager, facilitator, member);
});

test('a public item opens signed out, a members-only one asks to sign in, and a viewed item opens offline', async ({ browser }) => {
  const prog = await programme(browser);
  const cop = await prog.cop('Housing First', 'Housing');
  const facilitator = await prog.invite(cop, 'facilitator', 'Hélène Facilitatrice');
  const { itemId } = await publishBilingual(facilitator, cop, {
    ...CONTENT,
    enTitle: 'Housing first intake',
    frTitle: 'Accueil logement d’abord',
    summary: 'Intake for housing first.',
    frSummary: 'Accueil pour le logement d’abord.'
  });

  const anonymous = await open(browser, null, 'en');
  await anonymous.page.goto(`/resources/${itemId}`);
  await expect(anonymous.page.getByText(anonymous.t.rc_needs_account!)).toBeVisible();

  // The programme manager makes it public from the item page.
  const { page, t } = prog.manager;
  await page.goto(`/resources/${itemId}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Housing first intake' })).toBeVisible();
  await page.getByRole('button', { name: t.rc_make_public }).click();
  await expect(page.getByText(t.rc_made_public!)).toBeVisible();

  await anonymous.page.reload();
  await expect(anonymous.page.getByRole('heading', { level: 1, name: 'Housing first intake' })).toBeVisible();
  await expect(anonymous.page.getByText(anonymous.t.rc_public!, { exact: true })).toBeVisible();
  const docx = anonymous.page.getByRole('link', { name: anonymous.t.rc_download_docx });
  await expect(docx).toHaveAttribute('href', `/api/public/resources/${itemId}/versions/1/export/docx?language=en`);
  expect((await anonymous.page.request.get((await docx.getAttribute('href'))!)).status()).toBe(200);
  // Signed out, the Resource Centre lists the public items.
  await anonymous.page.goto('/resources');
  await anonymous.page.getByLabel(anonymous.t.rc_search_label!, { exact: true }).fill('logement');
  await expect(anonymous.page.getByRole('link', { name: 'Housing first intake' })).toBeVisible();

  // Once viewed, a version opens with no network, saying it is the offline copy.
  const reader = facilitator;
  await reader.page.goto(`/resources/${itemId}`);
  const history = reader.page.getByRole('region', { name: reader.t.rc_history });
  const v1 = fillMsg(reader.t.rc_version_line!, { version: '1', date: '' }).split(',')[0]!;
  await history.getByRole('link', { name: v1 }).click();
  await expect(reader.page).toHaveURL(new RegExp(`/resources/${itemId}/v/1$`));
  await expect(reader.page.locator('.document-body')).toContainText('interpreter');
  await reader.page.getByRole('link', { name: reader.t.rc_back_to_latest }).click();
  await expect(reader.page).toHaveURL(new RegExp(`/resources/${itemId}$`));
  await reader.context.setOffline(true);
  await history.getByRole('link', { name: v1 }).click();
  await expect(reader.page.getByText(reader.t.rc_offline_copy!.split(':')[0]!)).toBeVisible();
  await expect(reader.page.getByRole('heading', { level: 1, name: 'Housing first intake' })).toBeVisible();
  await expect(reader.page.locator('.document-body')).toContainText('interpreter');
  await reader.context.setOffline(false);

  expect(unexpectedErrors(anonymous, [/401|404/])).toEqual([]);
  await closeAll(prog.manager, facilitator, anonymous);
});

test('the Resource Centre, item, version, lifecycle panel and side-by-side pages pass axe at phone and laptop sizes in English and French', async ({ browser }) => {
  const prog = await programme(browser);
  const cop = await prog.cop('Accessibility Network', 'Accessibility');
  const facilitator = await prog.invite(cop, 'facilitator', 'Alex Facilitator');
  const { itemId, enId } = await publishBilingual(facilitator, cop, {
    ...CONTENT,
    enTitle: 'Accessible meeting checklist',
    frTitle: 'Liste de vérification des réunions accessibles',
    summary: 'A checklist for accessible meetings.',
    frSummary: 'Une liste de vérification pour des réunions accessibles.'
  });
  await facilitator.page.close();

  for (const locale of ['en', 'fr'] as const) {
    const p = await open(browser, facilitator.person, locale);
    const { page, t } = p;
    await page.goto('/resources');
    await expect(page.getByRole('list', { name: t.rc_results }).getByRole('link').first()).toBeVisible();
    await checkPage(page, 'resources-list', locale);

    await page.goto(`/resources/${itemId}`);
    await expect(page.getByRole('heading', { level: 2, name: t.rc_history })).toBeVisible();
    await checkPage(page, 'resources-item', locale);

    await page.goto(`/resources/${itemId}/v/1`);
    await expect(page.getByRole('heading', { level: 2, name: t.rc_history })).toBeVisible();
    await checkPage(page, 'resources-version', locale);

    await page.goto(`/cops/${cop}/protocols/${enId}`);
    await expect(page.getByRole('region', { name: t.pub_heading }).locator('[data-state]').first()).toHaveAttribute('data-state', 'published');
    await checkPart(page, 'section.lifecycle', 'protocol-lifecycle', locale);

    await page.goto(`/cops/${cop}/protocols/${enId}/side-by-side`);
    await expect(page.locator('.document-body')).toHaveCount(2);
    await checkPage(page, 'protocol-side-by-side', locale);
    expect(unexpectedErrors(p)).toEqual([]);
    await p.context.close();
  }

  const anonymous = await open(browser, null, 'fr');
  await anonymous.page.goto(`/resources/${itemId}`);
  await expect(anonymous.page.getByText(anonymous.t.rc_needs_account!)).toBeVisible();
  await checkPage(anonymous.page, 'resources-signed-out', 'fr');
  await closeAll(prog.manager, facilitator, anonymous);
});

test('an edit after approval is flagged in the panel and publishing publishes the approved text, in English and French', async ({ browser }) => {
  const prog = await programme(browser);
  const cop = await prog.cop('Review Network', 'Governance');
  for (const locale of ['en', 'fr'] as const) {
    const f = await prog.invite(cop, 'facilitator', locale === 'fr' ? 'Fanny Animatrice' : 'Frank Facilitator', locale);
    const { page, t } = f;
    const title = `Reviewed checklist ${locale}`;
    await writeProtocol(f, cop, title, 'en', 'The reviewed text.');
    await step(f, t.pub_do_propose_review!, 'in_review');
    await step(f, t.pub_do_approve!, 'approved');
    const panel = panelOf(f);
    await expect(panel.getByText(t.pub_approval_unchanged!)).toBeVisible();
    await expect(panel.locator('.approval')).toContainText(title);

    // An edit after the approval: kept in the draft, flagged, not published.
    await editorOf(page).click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' An unreviewed addition.');
    await expect(page.locator('.doc-status [data-state]')).toHaveAttribute('data-state', 'saved', { timeout: 15_000 });
    await expect(panel.locator('.approval')).toHaveAttribute('data-edited-since', 'true');
    await expect(panel.getByText(t.pub_approval_edited_since!)).toBeVisible();
    await checkPart(page, 'section.lifecycle', 'protocol-approval-edited-since', locale);
    await expect(editorOf(page)).toContainText('The reviewed text. An unreviewed addition.');

    await panel.getByRole('button', { name: t.pub_do_publish, exact: true }).click();
    await panel.getByLabel(fillMsg(t.pub_summary_label!, { language: t.pub_lang_in_en! })).fill('A checklist.');
    await panel.getByRole('button', { name: t.pub_do_publish, exact: true }).click();
    await expect(panel.locator('[data-state]').first()).toHaveAttribute('data-state', 'published');
    const itemId = (await panel.getByRole('link', { name: t.pub_view_in_rc }).getAttribute('href'))!.split('/').pop()!;
    const version = (await (await page.request.get(`/api/resources/${itemId}/versions/1`)).json()) as { en: { text: string } };
    expect(version.en.text).toContain('The reviewed text.');
    expect(version.en.text).not.toContain('unreviewed');
    expect(unexpectedErrors(f)).toEqual([]);
    await f.context.close();
  }
  await closeAll(prog.manager);
});

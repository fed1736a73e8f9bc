// Co-editing a note or protocol (issue 6) with two browser contexts against the real server:
// simultaneous typing, named carets, offline edits merging, restoring a version, comments that
// follow their words, observers who can read but not write, pasted HTML that cannot run.
import { closeAll, copWithPeople, createDocument, editorOf, editorText, openDocument, unexpectedErrors, type Participant } from './editor-people';
import type { WebSocketRoute } from '@playwright/test';
import { counted, expect, messages, test } from './support/fixtures';

// Two or three signed-in browsers per test on a shared machine: give each test room.
test.describe.configure({ timeout: 150_000 });

const t = messages('en');

/** Puts the caret at the end of the first paragraph. */
async function caretAtEndOfFirstParagraph(p: Participant) {
  await editorOf(p.page).locator('p').first().click();
  await p.page.keyboard.press('End');
}

async function savedOnServer(p: Participant) {
  await expect(p.page.locator('.doc-status [data-state]')).toHaveAttribute('data-state', 'saved', { timeout: 15_000 });
}

test('two people typing into the same paragraph at once end with the same text holding both inputs, and see each other’s named caret', async ({ browser }) => {
  const { copId, manager: a, others } = await copWithPeople(browser, ['member']);
  const b = others[0]!;
  const url = await createDocument(a, copId, 'notes', 'March session notes');
  await editorOf(a.page).click();
  await a.page.keyboard.type('Shared paragraph: ');
  await openDocument(b, url, 'March session notes');
  await expect(editorOf(b.page)).toContainText('Shared paragraph:');

  await caretAtEndOfFirstParagraph(a);
  await caretAtEndOfFirstParagraph(b);
  await Promise.all([a.page.keyboard.type('alpha bravo charlie ', { delay: 15 }), b.page.keyboard.type('delta echo foxtrot ', { delay: 15 })]);

  await expect.poll(async () => ((await editorText(a.page)) === (await editorText(b.page)) ? 'same' : 'different'), { timeout: 10_000 }).toBe('same');
  const text = await editorText(a.page);
  expect(text).toContain('alpha bravo charlie');
  expect(text).toContain('delta echo foxtrot');

  // Carets carry names, and the people list shows both.
  await expect(a.page.locator('.collaboration-carets__label', { hasText: b.person.name })).toBeVisible();
  await expect(b.page.locator('.collaboration-carets__label', { hasText: a.person.name })).toBeVisible();
  await expect(a.page.getByRole('region', { name: t.doc_people_here }).getByText(b.person.name)).toBeVisible();

  // Undo takes back only my own typing, not what the other person wrote meanwhile.
  // Past Y.UndoManager's 500 ms capture window, so this typing is its own undo step.
  await b.page.waitForTimeout(700);
  await b.page.keyboard.type(' golf hotel');
  await a.page.keyboard.type(' india juliet');
  await expect.poll(() => editorText(b.page), { timeout: 10_000 }).toContain('india juliet');
  await b.page.getByRole('button', { name: t.doc_undo }).click();
  await expect.poll(() => editorText(a.page), { timeout: 10_000 }).not.toContain('golf hotel');
  for (const words of ['india juliet', 'alpha bravo charlie', 'delta echo foxtrot']) expect(await editorText(a.page)).toContain(words);

  // Presence clears when someone leaves.
  await b.page.goto(`/cops/${copId}/notes`);
  await expect(a.page.getByRole('region', { name: t.doc_people_here }).getByRole('listitem').filter({ hasText: b.person.name })).toHaveCount(0);
  // B is still in the COP's workspace (the notes list), and A is told so.
  await expect(a.page.getByText(`${t.doc_workspace_online!.replace('{names}', b.person.name)}`)).toBeVisible();
  await expect(a.page.locator('.collaboration-carets__label', { hasText: b.person.name })).toHaveCount(0);
  expect(unexpectedErrors(a)).toEqual([]);
  expect(unexpectedErrors(b)).toEqual([]);
  await closeAll(a, b);
});

test('while someone adds, edits and removes paragraphs above my caret, what I type lands where my caret is', async ({ browser }) => {
  const { copId, manager: a, others } = await copWithPeople(browser, ['member']);
  const b = others[0]!;
  const url = await createDocument(a, copId, 'protocols', 'Intake protocol');
  await editorOf(a.page).click();
  await a.page.keyboard.type('Purpose');
  await a.page.keyboard.press('Enter');
  await a.page.keyboard.type('Scope');
  await a.page.keyboard.press('Enter');
  await a.page.keyboard.type('Steps start here');
  await openDocument(b, url, 'Intake protocol');
  await expect(editorOf(b.page)).toContainText('Steps start here');
  await editorOf(b.page).locator('p', { hasText: 'Steps start here' }).click();
  await b.page.keyboard.press('End');

  const paragraphs = editorOf(a.page).locator('p');
  for (let round = 1; round <= 3; round++) {
    // A: a new paragraph above B (a structural change), then words inside an existing one.
    await paragraphs.first().click();
    await a.page.keyboard.press('End');
    await a.page.keyboard.press('Enter');
    await a.page.keyboard.type(`added ${round}`);
    await paragraphs.nth(1).click();
    await a.page.keyboard.press('Home');
    await a.page.keyboard.type(`edit${round} `);
    // B keeps typing at its caret meanwhile.
    await b.page.keyboard.type(` step${round}`, { delay: 10 });
  }
  // A removes one of the paragraphs it added.
  await paragraphs.filter({ hasText: 'added 2' }).click();
  await a.page.keyboard.press('End');
  for (let i = 0; i < 'edit3 added 2'.length + 1; i++) await a.page.keyboard.press('Backspace');
  await b.page.keyboard.type(' done', { delay: 10 });

  await expect.poll(async () => ((await editorText(a.page)) === (await editorText(b.page)) ? 'same' : 'different'), { timeout: 10_000 }).toBe('same');
  await expect(editorOf(a.page).locator('p', { hasText: 'Steps start here step1 step2 step3 done' })).toHaveCount(1);
  const text = await editorText(b.page);
  for (const words of ['added 1', 'added 3', 'Purpose', 'Scope']) expect(text).toContain(words);
  expect(text).not.toContain('added 2');
  expect(unexpectedErrors(a)).toEqual([]);
  expect(unexpectedErrors(b)).toEqual([]);
  await closeAll(a, b);
});

test('one person goes offline, both edit the same protocol, and after reconnecting both have identical text; two tabs stay in step', async ({ browser }) => {
  const { copId, manager: a, others } = await copWithPeople(browser, ['member']);
  const b = others[0]!;
  // B's sync sockets pass through here, so "offline" can cut the open ones too (the browser's
  // offline switch alone leaves open websockets up).
  let offline = false;
  const sockets: WebSocketRoute[] = [];
  await b.context.routeWebSocket(/\/sync\//, (ws) => {
    if (offline) return ws.close({ code: 1001, reason: 'offline' });
    ws.connectToServer();
    sockets.push(ws);
  });
  const url = await createDocument(a, copId, 'protocols', 'Intake protocol');
  await editorOf(a.page).click();
  await a.page.keyboard.type('Step one. Step two.');
  await openDocument(b, url, 'Intake protocol');
  await expect(editorOf(b.page)).toContainText('Step two.');
  await savedOnServer(b);

  // A second tab of the same browser follows along, even with no network.
  const bTab = await b.context.newPage();
  await bTab.goto(url);
  await expect(editorOf(bTab)).toContainText('Step two.');

  offline = true;
  await b.context.setOffline(true);
  for (const ws of sockets.splice(0)) await ws.close({ code: 1001, reason: 'offline' });
  await expect(b.page.locator('.doc-status [data-state]')).toHaveAttribute('data-state', 'offline', { timeout: 15_000 });
  await caretAtEndOfFirstParagraph(b);
  await b.page.keyboard.type(' Offline step from B.');
  await caretAtEndOfFirstParagraph(a);
  await a.page.keyboard.press('Enter');
  await a.page.keyboard.type('Online addition from A.');
  await expect(editorOf(bTab)).toContainText('Offline step from B.');
  await expect(editorOf(b.page)).not.toContainText('Online addition from A.');
  await expect(editorOf(a.page)).not.toContainText('Offline step from B.');

  offline = false;
  await b.context.setOffline(false);
  await expect.poll(async () => ((await editorText(a.page)) === (await editorText(b.page)) ? 'same' : 'different'), { timeout: 20_000 }).toBe('same');
  for (const page of [a.page, b.page, bTab]) {
    await expect(editorOf(page)).toContainText('Offline step from B.');
    await expect(editorOf(page)).toContainText('Online addition from A.');
  }
  await savedOnServer(b);
  await closeAll(a, b);
});

test('restoring an older version shows up for the other person', async ({ browser }) => {
  const { copId, manager: a, others } = await copWithPeople(browser, ['member']);
  const b = others[0]!;
  const url = await createDocument(a, copId, 'protocols', 'Review protocol');
  await editorOf(a.page).click();
  await a.page.keyboard.type('The panel meets twice a year.');
  await a.page.getByLabel(t.doc_version_name!).fill('After the March session');
  await a.page.getByRole('button', { name: t.doc_version_save }).click();
  await expect(a.page.getByText(t.doc_version_saved!.replace('{name}', 'After the March session'))).toBeVisible();

  await openDocument(b, url, 'Review protocol');
  await caretAtEndOfFirstParagraph(b);
  await b.page.keyboard.type(' It may also meet on request.');
  await expect(editorOf(a.page)).toContainText('on request');

  // Compare with the current text: the addition is marked.
  await a.page.getByRole('button', { name: new RegExp(`^${t.doc_version_view} After the March session`) }).click();
  const dialog = a.page.getByRole('dialog');
  await expect(dialog.getByText('The panel meets twice a year.')).toBeVisible();
  await dialog.getByLabel(t.doc_version_compare!).selectOption('current');
  await expect(dialog.locator('ins')).toContainText('request.');
  await dialog.getByRole('button', { name: t.doc_version_restore }).click();
  await dialog.getByRole('button', { name: t.doc_version_restore_yes }).click();
  await expect(dialog).toBeHidden();

  await expect(editorOf(b.page)).not.toContainText('on request');
  await expect(editorOf(b.page)).toContainText('The panel meets twice a year.');
  // The text it replaced was kept as an automatic copy.
  await expect(b.page.getByRole('region', { name: t.doc_history_title }).getByText(t.doc_version_auto!).first()).toBeVisible();
  await closeAll(a, b);
});

test('a comment stays on its words while both people edit around them', async ({ browser }) => {
  const { copId, manager: a, others } = await copWithPeople(browser, ['member']);
  const b = others[0]!;
  const url = await createDocument(a, copId, 'notes', 'Comment notes');
  await editorOf(a.page).click();
  await a.page.keyboard.type('We adopt the draft protocol today.');
  // Select "draft protocol" with the keyboard: from after "the " for 14 characters.
  await a.page.keyboard.press('Home');
  for (let i = 0; i < 'We adopt the '.length; i++) await a.page.keyboard.press('ArrowRight');
  for (let i = 0; i < 'draft protocol'.length; i++) await a.page.keyboard.press('Shift+ArrowRight');
  await a.page.getByRole('button', { name: t.doc_comment }).click();
  await a.page.getByRole('textbox', { name: t.doc_comment_body, exact: true }).fill('Should this be the final title?');
  await a.page.getByRole('button', { name: t.doc_comment_add }).click();
  await expect(editorOf(a.page).locator('.comment-highlight')).toHaveText('draft protocol');

  await openDocument(b, url, 'Comment notes');
  await expect(editorOf(b.page).locator('.comment-highlight')).toHaveText('draft protocol');
  await caretAtEndOfFirstParagraph(b);
  await b.page.keyboard.type(' And next week too.');
  await b.page.keyboard.press('Home');
  await b.page.keyboard.type('Today: ');
  // A puts the caret right before the commented words (at the edge of the range) and types.
  await editorOf(a.page).evaluate((el) => {
    (el as HTMLElement).focus();
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = n.textContent!.indexOf('draft protocol');
      if (i < 0) continue;
      const range = document.createRange();
      range.setStart(n, i);
      range.collapse(true);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      return;
    }
  });
  await a.page.keyboard.type('bilingual ');

  for (const p of [a, b]) {
    await expect.poll(() => editorText(p.page)).toBe('Today: We adopt the bilingual draft protocol today. And next week too.');
    await expect(editorOf(p.page).locator('.comment-highlight')).toHaveText('draft protocol');
  }
  // B replies; A resolves; the thread folds away for both.
  const thread = b.page.locator('article.thread');
  await thread.getByRole('button', { name: t.doc_comment_reply, exact: true }).click();
  await b.page.getByLabel(t.doc_comment_reply_label!.replace('{name}', a.person.name)).fill('Yes, keep it.');
  await b.page.getByRole('button', { name: t.doc_comment_reply, exact: true }).click();
  await expect(a.page.locator('article.thread')).toContainText('Yes, keep it.');
  await a.page.getByRole('button', { name: t.doc_comment_resolve }).click();
  await expect(b.page.getByText(counted('en', 'doc_comments_resolved', { count: 1 }))).toBeVisible();
  await expect(editorOf(b.page).locator('.comment-highlight')).toHaveCount(0);
  await closeAll(a, b);
});

test('an observer sees the text and carets but cannot change anything', async ({ browser }) => {
  const { copId, manager: a, others } = await copWithPeople(browser, ['observer']);
  const o = others[0]!;
  const url = await createDocument(a, copId, 'protocols', 'Observed protocol');
  await editorOf(a.page).click();
  await a.page.keyboard.type('Only members write here.');
  await openDocument(o, url, 'Observed protocol');
  await expect(editorOf(o.page)).toContainText('Only members write here.');
  await expect(editorOf(o.page)).toHaveAttribute('contenteditable', 'false');
  await expect(o.page.getByRole('toolbar')).toHaveCount(0);
  await expect(o.page.locator('.collaboration-carets__label', { hasText: a.person.name })).toBeVisible();
  await expect(a.page.getByRole('region', { name: t.doc_people_here }).getByText(o.person.name)).toBeVisible();

  await editorOf(o.page).click();
  await o.page.keyboard.type('Observer typing');
  // Even forcing the text editable in the page does not reach anyone: the server drops it.
  await o.page.evaluate(() => {
    const el = document.querySelector('.ProseMirror') as HTMLElement;
    el.setAttribute('contenteditable', 'true');
    el.focus();
    document.execCommand('insertText', false, 'Forced observer text');
  });
  await a.page.waitForTimeout(1500);
  await expect(editorOf(a.page)).not.toContainText('Observer typing');
  await expect(editorOf(a.page)).not.toContainText('Forced observer text');
  await closeAll(a, o);
});

test('pasted HTML with an image handler, a script or a javascript link is reduced to safe text', async ({ browser }) => {
  const { copId, manager: a } = await copWithPeople(browser, []);
  await createDocument(a, copId, 'notes', 'Paste test');
  await editorOf(a.page).click();
  await a.page.evaluate(() => {
    const data = new DataTransfer();
    data.setData(
      'text/html',
      '<p style="color:red">Kept words <img src="x" onerror="window.__pwned=1"><script>window.__pwned=2</script><a href="javascript:window.__pwned=3">bad link</a> <a href="https://example.ca">good link</a></p>'
    );
    data.setData('text/plain', 'Kept words bad link good link');
    document.querySelector('.ProseMirror')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await expect(editorOf(a.page)).toContainText('Kept words');
  await a.page.waitForTimeout(500);
  expect(await a.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  await expect(editorOf(a.page).locator('img, script, [style*="color"]')).toHaveCount(0);
  await expect(editorOf(a.page).locator('a[href^="javascript"]')).toHaveCount(0);
  await expect(editorOf(a.page).locator('a[href="https://example.ca"]')).toHaveText('good link');
  await closeAll(a);
});

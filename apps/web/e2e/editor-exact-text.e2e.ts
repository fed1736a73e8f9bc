// Text comes out exactly as typed (issue 21): two people typing at the same spot at human speed,
// one person typing lines fast with Enter between them, and a block type chosen from the toolbar
// then typed into at once. Real server, real Chromium contexts, the whole text compared exactly.
import { closeAll, copWithPeople, createDocument, editorOf, editorText, openDocument, unexpectedErrors, type Participant } from './editor-people';
import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures';

test.describe.configure({ timeout: 180_000 });

const RUN_A = '+alpha bravo charlie';
const RUN_B = '+delta echo foxtrot';


/** Each block of the editor as `tag:text`, without other people's caret labels. */
function blocks(page: Page): Promise<string[]> {
  return editorOf(page).evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove();
    return [...copy.children].map((b) => `${b.tagName.toLowerCase()}:${b.textContent}`);
  });
}

async function sameText(a: Participant, b: Participant) {
  await expect.poll(async () => ((await editorText(a.page)) === (await editorText(b.page)) ? 'same' : 'different'), { timeout: 15_000 }).toBe('same');
}

async function caretAtEndOfLastParagraph(p: Participant) {
  await editorOf(p.page).locator('p').last().click();
  await p.page.keyboard.press('End');
}

test('two people typing at the same spot at 100 ms and 40 ms a key keep each run whole and in order, each caret right after its own last character', async ({ browser }) => {
  const { copId, manager: a, others } = await copWithPeople(browser, ['member']);
  const b = others[0]!;
  const url = await createDocument(a, copId, 'protocols', 'Same spot protocol');
  await editorOf(a.page).click();
  await a.page.keyboard.type('Start');
  await openDocument(b, url, 'Same spot protocol');
  await expect(editorOf(b.page)).toContainText('Start');

  const expected = ['Start'];
  const rounds = [100, 100, 100, 40, 40, 40, 40];
  for (const [round, delay] of rounds.entries()) {
    const label = `Round ${round + 1} (${delay} ms):`;
    await caretAtEndOfLastParagraph(a);
    await a.page.keyboard.press('Enter');
    await a.page.keyboard.type(label);
    await expect.poll(async () => (await editorText(b.page)).split('\n').at(-1)).toBe(label);
    await caretAtEndOfLastParagraph(b);
    await Promise.all([a.page.keyboard.type(RUN_A, { delay }), b.page.keyboard.type(RUN_B, { delay })]);
    await sameText(a, b);
    // Each caret is right after its own last character: a marker typed now lands there.
    await a.page.keyboard.type('1');
    await b.page.keyboard.type('2');
    await sameText(a, b);
    const last = (await editorText(a.page)).split('\n').at(-1);
    const options = [`${label}${RUN_A}1${RUN_B}2`, `${label}${RUN_B}2${RUN_A}1`];
    expect(options, `round ${round + 1} at ${delay} ms read “${last}”`).toContain(last);
    expected.push(last!);
  }
  expect(await editorText(b.page)).toBe(expected.join('\n'));
  expect(unexpectedErrors(a)).toEqual([]);
  expect(unexpectedErrors(b)).toEqual([]);
  await closeAll(a, b);
});

test('typing lines at 25 keys a second with Enter between them keeps every first letter on its own line, with the other person’s caret where the line breaks', async ({ browser }) => {
  const { copId, manager: a, others } = await copWithPeople(browser, ['member']);
  const b = others[0]!;
  const url = await createDocument(a, copId, 'protocols', 'Fast lines protocol');
  await editorOf(a.page).click();
  await a.page.keyboard.type('Agenda');
  await openDocument(b, url, 'Fast lines protocol');
  await expect(editorOf(b.page)).toContainText('Agenda');
  const expected = ['Agenda ok'];
  for (let round = 1; round <= 8; round++) {
    // B adds a word at the end of the last line, so B's caret sits where A breaks the line.
    await caretAtEndOfLastParagraph(b);
    await b.page.keyboard.type(' ok');
    await sameText(a, b);
    await caretAtEndOfLastParagraph(a);
    const lines = [`Paragraph number ${2 * round - 1} of the test.`, `Paragraph number ${2 * round} of the test.`];
    await a.page.keyboard.type(`\n${lines.join('\n')}`, { delay: 40 });
    expected.push(lines[0]!, `${lines[1]} ok`);
    await sameText(a, b);
  }
  // The last " ok" is typed only once the last round's lines exist.
  expected[expected.length - 1] = expected.at(-1)!.replace(/ ok$/, '');
  expect(await editorText(a.page)).toBe(expected.join('\n'));
  expect(await editorText(b.page)).toBe(expected.join('\n'));
  expect(unexpectedErrors(a)).toEqual([]);
  await closeAll(a, b);
});

test('choosing a heading in the toolbar and typing at once puts the letters in the heading, and the next line is a paragraph again', async ({ browser }) => {
  const { copId, manager: a, others } = await copWithPeople(browser, ['member']);
  const b = others[0]!;
  const url = await createDocument(a, copId, 'protocols', 'Heading protocol');
  await openDocument(b, url, 'Heading protocol');
  await editorOf(a.page).click();
  await a.page.keyboard.type('Purpose of the protocol.', { delay: 40 });
  const expected = ['p:Purpose of the protocol.'];
  const blockType = a.page.getByRole('toolbar').getByRole('combobox');
  for (let round = 1; round <= 6; round++) {
    await a.page.keyboard.press('Enter');
    await blockType.selectOption('h2');
    await a.page.keyboard.type(`Steps ${round}\nLine after heading ${round}.`, { delay: 40 });
    expected.push(`h2:Steps ${round}`, `p:Line after heading ${round}.`);
  }
  await sameText(a, b);
  expect(await blocks(a.page)).toEqual(expected);
  expect(await blocks(b.page)).toEqual(expected);
  expect(unexpectedErrors(a)).toEqual([]);
  await closeAll(a, b);
});


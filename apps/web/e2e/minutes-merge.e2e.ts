// Minutes glued together (issue 21): two members of one COP each add a line at the end of the
// same agenda item's minutes, typing at a person's speed (60 ms a key, about 16 keys a second),
// one of them offline, or both online at once. Both devices must end with the same minutes, word
// for word, each person's line whole and on a line of its own (`minutes-lines.ts` in
// @atelier/workspace puts text a merge glued after someone else's on its own line).
import type { Page } from '@playwright/test';
import { fill } from './support/accounts';
import { closeAll, copWithPeople, unexpectedErrors, type Participant } from './editor-people';
import { expect, messages, test } from './support/fixtures';

test.describe.configure({ timeout: 180_000 });

const t = messages('fr');
const ITEM = 'Cadre d’évaluation des étapes';
/** What the minutes held before the meeting: a line, and the line break left for the next one. */
const BEFORE = 'Ouverture de la séance par l’animatrice.\n';
const PRIYA = 'Priya : le cadre sera révisé avant chaque étape.';
const ETIENNE = 'Étienne : les régions enverront leurs données d’ici décembre.';
/** The two merges that keep both lines whole: which line comes first depends on Yjs client ids. */
const MERGED = [`${BEFORE}${PRIYA}\n${ETIENNE}`, `${BEFORE}${ETIENNE}\n${PRIYA}`];
/** A person's typing speed in these tests: 60 ms a key. */
const KEY_DELAY_MS = 60;

/** The browser's own complaints while the test has cut a device's network. */
const OFFLINE_NOISE = [/ERR_INTERNET_DISCONNECTED/, /WebSocket connection to .* failed/, /Failed to load resource/];

const minutesOf = (page: Page) => page.getByLabel(fill(t.ws_item_minutes, { title: ITEM }));
const syncState = (page: Page) => page.locator('.sync-status[data-state]');

/** The manager prepares a meeting with one item whose minutes already hold a line; both members open it. */
async function meetingWithMinutes(members: Participant[], manager: Participant, copId: string): Promise<string> {
  const page = manager.page;
  await page.goto(`/cops/${copId}/meetings`);
  await page.getByRole('button', { name: t.ws_new_meeting }).click();
  await page.locator('#new-meeting-title').fill('Séance de travail de décembre');
  await page.locator('#new-meeting-date').fill('2030-12-03');
  await page.locator('#new-meeting-time').fill('13:30');
  await page.getByRole('button', { name: t.ws_create_meeting }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Séance de travail de décembre' })).toBeVisible();
  await page.locator('#new-item-title').fill(ITEM);
  await page.getByRole('button', { name: t.ws_add_item, exact: true }).click();
  await minutesOf(page).fill(BEFORE);
  await expect(syncState(page)).toHaveAttribute('data-state', 'saved', { timeout: 15_000 });
  const url = page.url();
  for (const member of members) {
    await member.page.goto(url);
    await expect(minutesOf(member.page)).toHaveValue(BEFORE, { timeout: 20_000 });
    await expect(syncState(member.page)).toHaveAttribute('data-state', 'saved', { timeout: 15_000 });
  }
  return url;
}

/** Puts the caret at the very end of the minutes, as a person clicking below the last line would. */
async function caretAtEnd(page: Page) {
  await minutesOf(page).click();
  await page.keyboard.press('Control+End');
}

/** Both devices hold the same minutes, and they are one of the two whole-line merges. */
async function expectSameWholeLines(a: Page, b: Page) {
  // The poll reports both texts when they are not (yet) one of the whole-line merges.
  await expect
    .poll(
      async () => {
        const [x, y] = [await minutesOf(a).inputValue(), await minutesOf(b).inputValue()];
        return x === y && MERGED.includes(x) ? 'the same whole lines' : JSON.stringify([x, y]);
      },
      { timeout: 20_000 }
    )
    .toBe('the same whole lines');
  for (const page of [a, b]) await expect(syncState(page)).toHaveAttribute('data-state', 'saved', { timeout: 20_000 });
  // Still the same once both are stored: nothing later moved a line break.
  const final = await minutesOf(a).inputValue();
  expect(MERGED).toContain(final);
  await expect(minutesOf(b)).toHaveValue(final);
}

test('a line added offline at the end of the minutes does not run into the line a colleague added meanwhile (fr)', async ({ browser }) => {
  const { copId, manager, others } = await copWithPeople(browser, ['member', 'member'], 'fr');
  const [priya, etienne] = others as [Participant, Participant];
  await meetingWithMinutes(others, manager, copId);
  await closeAll(manager);

  await priya.context.setOffline(true);
  await expect(syncState(priya.page)).toHaveAttribute('data-state', 'offline', { timeout: 15_000 });
  await caretAtEnd(priya.page);
  await priya.page.keyboard.type(PRIYA, { delay: KEY_DELAY_MS });
  await caretAtEnd(etienne.page);
  await etienne.page.keyboard.type(ETIENNE, { delay: KEY_DELAY_MS });
  await expect(syncState(etienne.page)).toHaveAttribute('data-state', 'saved', { timeout: 15_000 });
  // Apart, each device shows its own line only.
  await expect(minutesOf(priya.page)).toHaveValue(BEFORE + PRIYA);
  await expect(minutesOf(etienne.page)).toHaveValue(BEFORE + ETIENNE);

  await priya.context.setOffline(false);
  await expectSameWholeLines(priya.page, etienne.page);
  expect(unexpectedErrors(priya, OFFLINE_NOISE)).toEqual([]);
  expect(unexpectedErrors(etienne)).toEqual([]);
  await closeAll(priya, etienne);
});

test('two people typing a line at the end of the same minutes at once each keep their line whole, on its own line (fr)', async ({ browser }) => {
  const { copId, manager, others } = await copWithPeople(browser, ['member', 'member'], 'fr');
  const [priya, etienne] = others as [Participant, Participant];
  await meetingWithMinutes(others, manager, copId);
  await closeAll(manager);

  await caretAtEnd(priya.page);
  await caretAtEnd(etienne.page);
  await Promise.all([priya.page.keyboard.type(PRIYA, { delay: KEY_DELAY_MS }), etienne.page.keyboard.type(ETIENNE, { delay: KEY_DELAY_MS })]);
  await expectSameWholeLines(priya.page, etienne.page);
  expect(unexpectedErrors(priya)).toEqual([]);
  expect(unexpectedErrors(etienne)).toEqual([]);
  await closeAll(priya, etienne);
});

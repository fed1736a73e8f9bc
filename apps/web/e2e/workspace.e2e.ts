// The COP workspace (issue 5) in two browsers against the real server: live co-editing of an
// agenda, offline edits on both sides that converge, meeting mode followed on a second device,
// an observer who sees everything but cannot change anything (and whose forced writes the server
// drops), and every workspace page checked by axe at phone and laptop sizes in both languages.
import type { Browser, BrowserContext, Page } from '@playwright/test';
import * as Y from 'yjs';
import { checkPage, createManager, fill, newPerson, type Person } from './support/accounts';
import { counted, expect, LAPTOP, messages, PHONE, screenshotPath, test } from './support/fixtures';
import { E2E_TIME_ZONE } from './support/place-and-clock';

const en = messages('en');
const fr = messages('fr');
type Messages = Record<string, string>;

interface Device {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

/** Console errors that are not the page's fault: the browser's own while the test has cut the network. */
const NOISE = /ERR_INTERNET_DISCONNECTED|WebSocket connection to .* failed|Failed to load resource/;

async function device(browser: Browser, locale: 'en' | 'fr' = 'en'): Promise<Device> {
  const context = await browser.newContext({ locale: locale === 'fr' ? 'fr-CA' : 'en-CA', timezoneId: E2E_TIME_ZONE });
  await context.addInitScript((l) => {
    try {
      localStorage.setItem('PARAGLIDE_LOCALE', l);
    } catch {
      // about:blank has no storage; the app's pages do.
    }
  }, locale);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !NOISE.test(msg.text())) errors.push(msg.text());
  });
  page.on('pageerror', (err) => errors.push(String(err)));
  return { context, page, errors };
}

/** Signs in through the page; waits longer than the shared helper (hashing is slow on a busy machine). */
async function signIn(page: Page, person: Person, t: Messages) {
  await page.goto('/sign-in');
  await page.getByLabel(t.field_email!).fill(person.email);
  await page.getByLabel(t.field_password!).fill(person.password);
  await page.getByRole('button', { name: t.sign_in, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: t.my_cops_title })).toBeVisible({ timeout: 20_000 });
}

async function closeAll(...devices: Device[]) {
  for (const d of devices) {
    await d.context.close();
    expect(d.errors, 'console errors').toEqual([]);
  }
}

/** A manager signed in on a device, a fresh COP, and people invited with the roles asked for. */
async function copWith(browser: Browser, roles: ('member' | 'observer')[], locale: 'en' | 'fr' = 'en') {
  const t = locale === 'fr' ? fr : en;
  const manager = createManager(locale === 'fr' ? 'Geneviève Lavoie' : 'Margaret Tremblay', locale);
  const lead = await device(browser, locale);
  await signIn(lead.page, manager, t);
  const created = await lead.page.request.post('/api/cops', {
    data: { name: `Open data ${Date.now().toString(36)}`, areaOfInterest: 'Open government data', language: locale }
  });
  expect(created.status()).toBe(201);
  const cop = (await created.json()) as { id: string; name: string };
  const others: { person: Person; device: Device }[] = [];
  for (const [i, role] of roles.entries()) {
    const invitation = await lead.page.request.post(`/api/cops/${cop.id}/invitations`, { data: { role, participation: i === 0 ? 'core' : 'broader' } });
    const { token } = (await invitation.json()) as { token: string };
    const person = newPerson(role === 'observer' ? 'Olga Observer' : i === 0 ? 'Priya Singh' : 'Étienne Gagnon');
    const d = await device(browser, locale);
    const accepted = await d.page.request.post(`/api/invitations/${token}/accept`, { data: { name: person.name, email: person.email, password: person.password } });
    expect(accepted.status()).toBe(200);
    await signIn(d.page, person, t);
    others.push({ person, device: d });
  }
  return { manager, lead, cop, others };
}

async function createMeeting(page: Page, copId: string, title: string, t: Messages = en) {
  await page.goto(`/cops/${copId}/meetings`);
  await page.getByRole('button', { name: t.ws_new_meeting }).click();
  await page.locator('#new-meeting-title').fill(title);
  await page.locator('#new-meeting-date').fill('2030-05-14');
  await page.locator('#new-meeting-time').fill('13:30');
  await page.locator('#new-meeting-venue').fill('Ottawa City Hall, Room 2');
  await page.getByRole('button', { name: t.ws_create_meeting }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  return page.url();
}

async function addItem(page: Page, title: string, t: Messages = en) {
  await page.locator('#new-item-title').fill(title);
  await page.getByRole('button', { name: t.ws_add_item, exact: true }).click();
}

const agendaTitles = (page: Page) => page.locator('.agenda-item h3');

/** A due date as the action list shows it in English ("Jun 12, 2030"), from the platform's Intl. */
const dueText = (day: string) => new Intl.DateTimeFormat('en-CA', { dateStyle: 'medium', timeZone: 'UTC' }).format(Date.parse(`${day}T12:00:00Z`));

test.describe('the workspace in two browsers', () => {
  test('two people edit the same agenda live, offline on one side, and both converge', async ({ browser }) => {
    test.setTimeout(180_000);
    const { lead, cop, others } = await copWith(browser, ['member']);
    const a = lead.page;
    const b = others[0]!.device.page;

    const url = await createMeeting(a, cop.id, 'Spring working session');
    await b.goto(url);
    await expect(b.getByRole('heading', { level: 1, name: 'Spring working session' })).toBeVisible();
    await expect(b.getByText(en.sync_saved!)).toBeVisible();

    // Live: each sees the other's items, reordering and minutes.
    await addItem(a, 'Welcome and introductions');
    await expect(agendaTitles(b)).toHaveText([/Welcome and introductions/]);
    await addItem(b, 'Budget for the fall event');
    await expect(agendaTitles(a)).toHaveText([/Welcome and introductions/, /Budget for the fall event/]);
    await b.getByRole('button', { name: fill(en.ws_move_up, { title: 'Budget for the fall event' }) }).click();
    await expect(agendaTitles(a)).toHaveText([/Budget for the fall event/, /Welcome and introductions/]);
    await expect(b.getByRole('button', { name: fill(en.ws_move_down, { title: 'Budget for the fall event' }) })).toBeFocused();
    await a.getByLabel(fill(en.ws_item_minutes, { title: 'Welcome and introductions' })).fill('Twelve people around the table.');
    await expect(b.getByLabel(fill(en.ws_item_minutes, { title: 'Welcome and introductions' }))).toHaveValue('Twelve people around the table.');

    // Offline: both edit, then reconnect and converge.
    await others[0]!.device.context.setOffline(true);
    await expect(b.getByText(en.sync_offline!)).toBeVisible();
    await addItem(b, 'Written offline at the venue');
    await b.getByLabel(fill(en.ws_item_minutes, { title: 'Budget for the fall event' })).fill('Approved in principle.');
    await addItem(a, 'Added online meanwhile');
    await b.getByRole('radio', { name: en.ws_present }).first().check();
    await expect(agendaTitles(b)).toHaveCount(3);
    await expect(agendaTitles(a)).toHaveCount(3);
    await others[0]!.device.context.setOffline(false);
    await expect(agendaTitles(a)).toHaveCount(4, { timeout: 20_000 });
    await expect(agendaTitles(b)).toHaveCount(4);
    const orderA = await agendaTitles(a).allTextContents();
    await expect(agendaTitles(b)).toHaveText(orderA);
    await expect(a.getByLabel(fill(en.ws_item_minutes, { title: 'Budget for the fall event' }))).toHaveValue('Approved in principle.');
    await expect(b.getByText(en.sync_saved!)).toBeVisible({ timeout: 20_000 });

    // The recent changes on the workspace home name who changed what.
    await a.getByRole('navigation', { name: en.ws_nav_label }).getByRole('link', { name: en.ws_tab_home }).click();
    await expect(a.getByRole('heading', { level: 1, name: en.ws_home_title })).toBeVisible();
    await expect(a.getByRole('heading', { level: 2, name: en.ws_recent_changes })).toBeVisible();
    await expect(a.locator('.changes li').first()).toBeVisible();
    await expect(a.locator('.changes li').filter({ hasText: fill(en.ws_change_line, { who: others[0]!.person.name, areas: en.ws_area_agenda! }) }).first()).toBeVisible();

    await closeAll(lead, others[0]!.device);
  });

  test('an agenda item dragged by its grip lands where it is dropped, for everyone', async ({ browser }) => {
    test.setTimeout(120_000);
    const { lead, cop, others } = await copWith(browser, ['member']);
    const a = lead.page;
    const b = others[0]!.device.page;
    const url = await createMeeting(a, cop.id, 'Drag and drop session');
    for (const title of ['First item', 'Second item', 'Third item']) await addItem(a, title);
    await expect(agendaTitles(a)).toHaveText([/First item/, /Second item/, /Third item/]);
    await b.goto(url);
    await expect(agendaTitles(b)).toHaveText([/First item/, /Second item/, /Third item/]);

    // The third item's grip, scrolled into view; the first item is then above the screen.
    const grip = a.locator('.agenda-item').filter({ hasText: 'Third item' }).locator('.grip');
    await grip.scrollIntoViewIfNeeded();
    await a.evaluate(() => scrollBy(0, 300));
    const from = (await grip.boundingBox())!;
    await a.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await a.mouse.down();
    await a.mouse.move(from.x + from.width / 2, 20, { steps: 10 });
    // Held near the top edge, the page scrolls up until the bar is before the first item.
    await expect(a.locator('.agenda-item.dragging')).toHaveCount(1);
    await expect(a.locator('.items > li').first()).toHaveClass(/drop-before/, { timeout: 10_000 });
    await expect(a.locator('.items > li').first()).toBeInViewport();
    await a.screenshot({ path: screenshotPath('agenda-drag-laptop-en') });
    await a.mouse.up();
    await expect(agendaTitles(a)).toHaveText([/Third item/, /First item/, /Second item/]);
    await expect(a.locator('.agenda-item.dragging')).toHaveCount(0);
    await expect(a.getByRole('status').filter({ hasText: fill(en.ws_moved, { title: 'Third item', position: '1', total: '3' }) })).toBeAttached();
    await expect(agendaTitles(b)).toHaveText([/Third item/, /First item/, /Second item/]);

    // Dropped where it started: nothing moves.
    const again = (await a.locator('.agenda-item').filter({ hasText: 'First item' }).locator('.grip').boundingBox())!;
    await a.mouse.move(again.x + again.width / 2, again.y + again.height / 2);
    await a.mouse.down();
    await a.mouse.move(again.x + again.width / 2, again.y + again.height / 2 + 3, { steps: 3 });
    await a.mouse.up();
    await expect(agendaTitles(a)).toHaveText([/Third item/, /First item/, /Second item/]);

    await closeAll(lead, others[0]!.device);
  });

  test('meeting mode\'s current item follows on a second device', async ({ browser }) => {
    test.setTimeout(120_000);
    const { lead, cop, others } = await copWith(browser, ['member']);
    const a = lead.page;
    const b = others[0]!.device.page;
    const url = await createMeeting(a, cop.id, 'Live session');
    await addItem(a, 'Opening circle');
    await addItem(a, 'Data sharing agreements');
    await expect(agendaTitles(a)).toHaveCount(2);

    await a.getByRole('link', { name: en.ws_meeting_mode_link }).click();
    await b.goto(`${url}/live`);
    await expect(b.getByTestId('current-item')).toHaveText(en.ws_live_no_current!);
    await a.getByRole('button', { name: en.ws_live_start }).click();
    await expect(a.getByTestId('current-item')).toHaveText('Opening circle');
    await expect(b.getByTestId('current-item')).toHaveText('Opening circle');
    await a.getByRole('button', { name: en.ws_live_next }).click();
    await expect(b.getByTestId('current-item')).toHaveText('Data sharing agreements');
    await expect(b.getByText(en.ws_live_last_item!)).toBeVisible();

    // The facilitator runs the room: the member's device has nothing to move it with, and follows.
    for (const name of [en.ws_live_previous, en.ws_live_next, en.ws_live_start]) {
      await expect(b.getByRole('button', { name, exact: true })).toHaveCount(0);
    }
    await a.getByRole('button', { name: en.ws_live_previous }).click();
    await expect(b.getByTestId('current-item')).toHaveText('Opening circle');
    // The member captures a decision in a tap and checks in.
    await b.getByRole('button', { name: en.ws_live_capture, exact: true }).click();
    await b.getByLabel(en.ws_live_capture_label!).fill('Meet every second month');
    await b.getByRole('button', { name: en.ws_live_as_decision }).click();
    await expect(b.getByText(fill(en.ws_live_saved_decision, { text: 'Meet every second month' }))).toBeVisible();
    await b.getByRole('button', { name: en.ws_live_im_here }).click();
    await expect(b.getByText(en.ws_live_checked_in!)).toBeVisible();
    await expect(a.getByText(counted('en', 'ws_live_present_count', { count: 1 }))).toBeVisible();
    await a.goto(url);
    await expect(a.getByText('Meet every second month', { exact: true })).toBeVisible();

    await closeAll(lead, others[0]!.device);
  });

  test('an action captured in meeting mode can be given an owner, a due date and new words afterwards, wherever it is listed, and the other device sees them', async ({ browser }) => {
    test.setTimeout(150_000);
    const { lead, cop, others } = await copWith(browser, ['member']);
    const a = lead.page;
    const b = others[0]!.device.page;
    const priya = others[0]!.person.name;
    const url = await createMeeting(a, cop.id, 'Working session with actions');
    await addItem(a, 'Data sharing agreements');

    // Captured in a tap in meeting mode: no owner, no due date.
    await a.getByRole('link', { name: en.ws_meeting_mode_link }).click();
    await a.getByRole('button', { name: en.ws_live_start }).click();
    await a.getByRole('button', { name: en.ws_live_capture, exact: true }).click();
    await expect(a.getByLabel(en.ws_live_capture_label!)).toBeFocused();
    await a.getByLabel(en.ws_live_capture_label!).fill('Draft the template');
    await a.getByRole('button', { name: en.ws_live_as_action }).click();
    const captured = a.getByRole('region', { name: en.ws_live_captured_actions }).getByRole('listitem');
    await expect(captured).toHaveCount(1);
    await expect(captured).toContainText(en.ws_unassigned!);

    // Edited in meeting mode: new words, an owner from the roster, a due date.
    await a.getByRole('button', { name: en.ws_live_capture, exact: true }).click();
    await a.getByRole('button', { name: fill(en.ws_edit_action, { what: 'Draft the template' }) }).click();
    const editor = a.getByRole('form', { name: en.ws_action_editor_heading });
    await expect(editor.getByLabel(en.ws_action_what!)).toBeFocused();
    await editor.getByLabel(en.ws_action_what!).fill('Draft the data-sharing agreement template');
    await editor.getByLabel(en.ws_action_owner_field!).selectOption({ label: priya });
    await editor.getByLabel(en.ws_action_due_field!).fill('2030-06-12');
    await a.setViewportSize(PHONE);
    await editor.getByLabel(en.ws_action_what!).focus();
    await a.screenshot({ path: screenshotPath('action-editor-live-phone-en') });
    await a.setViewportSize(LAPTOP);
    await a.screenshot({ path: screenshotPath('action-editor-live-laptop-en') });
    await editor.getByRole('button', { name: en.ws_save }).click();
    await expect(editor).toHaveCount(0);
    await expect(captured).toContainText('Draft the data-sharing agreement template');
    await expect(captured).toContainText(fill(en.ws_action_owner, { name: priya }));
    await expect(captured).toContainText(fill(en.ws_action_due, { date: dueText('2030-06-12') }));
    await expect(a.getByRole('button', { name: fill(en.ws_edit_action, { what: 'Draft the data-sharing agreement template' }) })).toBeFocused();

    // The other device sees it on the meeting page, and edits the due date from the workspace home.
    await b.goto(url);
    const onMeetingPage = b.locator('#actions-heading + ul li');
    await expect(onMeetingPage).toContainText('Draft the data-sharing agreement template');
    await expect(onMeetingPage).toContainText(fill(en.ws_action_owner, { name: priya }));
    await expect(onMeetingPage).toContainText(fill(en.ws_action_due, { date: dueText('2030-06-12') }));
    await b.goto(`/cops/${cop.id}/workspace`);
    await b.getByRole('button', { name: fill(en.ws_edit_action, { what: 'Draft the data-sharing agreement template' }) }).click();
    const homeEditor = b.getByRole('form', { name: en.ws_action_editor_heading });
    await expect(homeEditor.getByLabel(en.ws_action_owner_field!)).toHaveValue(/.+/);
    await homeEditor.getByLabel(en.ws_action_due_field!).fill('2030-07-03');
    await homeEditor.getByLabel(en.ws_action_owner_field!).selectOption({ label: en.ws_unassigned! });
    await homeEditor.getByRole('button', { name: en.ws_save }).click();
    await expect(captured).toContainText(en.ws_unassigned!);
    await expect(captured).toContainText(fill(en.ws_action_due, { date: dueText('2030-07-03') }));

    // An empty text is refused in place, nothing is changed.
    await a.getByRole('button', { name: fill(en.ws_edit_action, { what: 'Draft the data-sharing agreement template' }) }).click();
    await editor.getByLabel(en.ws_action_what!).fill('   ');
    await editor.getByRole('button', { name: en.ws_save }).click();
    await expect(editor.locator('.error')).toBeVisible();
    await editor.getByRole('button', { name: en.cancel }).click();
    await expect(b.getByText('Draft the data-sharing agreement template', { exact: true })).toBeVisible();

    await closeAll(lead, others[0]!.device);
  });

  for (const size of [PHONE, { width: 360, height: 640 }]) {
    test(`meeting mode keeps previous, next and capture within reach on a ${size.width}×${size.height} phone, without hiding the end of the page`, async ({ browser }) => {
      test.setTimeout(150_000);
      const { lead, cop } = await copWith(browser, []);
      const a = lead.page;
      await createMeeting(a, cop.id, 'Full-day working session');
      const titles = ['Opening circle', 'Regional updates', 'Data sharing agreements', 'Budget for the fall event', 'Procurement rules', 'Training plan', 'Round table', 'Closing and next steps'];
      for (const title of titles) await addItem(a, title);
      await expect(agendaTitles(a)).toHaveCount(titles.length);
      await a.setViewportSize(size);
      await a.getByRole('link', { name: en.ws_meeting_mode_link }).click();
      await a.getByRole('button', { name: en.ws_live_start }).click();
      await expect(a.getByTestId('current-item')).toHaveText('Opening circle');

      const inView = async (name: string, locator = a.getByRole('button', { name, exact: true })) => {
        const box = (await locator.boundingBox())!;
        expect(box, name).not.toBeNull();
        expect(box.y, `${name} top`).toBeGreaterThanOrEqual(0);
        expect(box.y + box.height, `${name} bottom`).toBeLessThanOrEqual(size.height);
        expect(box.x + box.width, `${name} right`).toBeLessThanOrEqual(size.width);
        expect(box.height, `${name} height`).toBeGreaterThanOrEqual(44);
      };
      // At the top of the page, and after scrolling through it.
      for (const scroll of [0, 600]) {
        await a.evaluate((y) => scrollTo(0, y), scroll);
        await inView(`← ${en.ws_live_previous}`);
        await inView(`${en.ws_live_next} →`);
        await inView(en.ws_live_capture!);
      }
      await a.getByRole('button', { name: `${en.ws_live_next} →` }).click();
      await expect(a.getByTestId('current-item')).toHaveText('Regional updates');
      await a.screenshot({ path: screenshotPath(`live-bar-${size.width}x${size.height}-en`) });

      // Capturing: the field and both save buttons are on screen too.
      await a.evaluate(() => scrollTo(0, 0));
      await a.getByRole('button', { name: en.ws_live_capture, exact: true }).click();
      await inView(en.ws_live_capture_label!, a.getByLabel(en.ws_live_capture_label!));
      await inView(en.ws_live_as_decision!);
      await inView(en.ws_live_as_action!);
      await a.screenshot({ path: screenshotPath(`live-capture-${size.width}x${size.height}-en`) });
      await a.getByLabel(en.ws_live_capture_label!).fill('Ask the regions for their figures');
      await a.getByRole('button', { name: en.ws_live_as_action }).click();
      await expect(a.getByRole('region', { name: en.ws_live_captured_actions }).getByRole('listitem')).toHaveCount(1);

      // Scrolled to the end, the last agenda item sits above the bar, not under it.
      await a.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
      const last = (await a.locator('.jump li').last().boundingBox())!;
      const bar = (await a.getByTestId('live-bar').boundingBox())!;
      expect(last.y + last.height, 'the last agenda item ends above the bar').toBeLessThanOrEqual(bar.y + 1);
      expect(bar.y + bar.height).toBeLessThanOrEqual(size.height);
      await a.screenshot({ path: screenshotPath(`live-end-${size.width}x${size.height}-en`) });

      await closeAll(lead);
    });
  }

  test('a new expense is shared by the core group (or those present at its meeting) by default, never by an observer or a broader participant unless ticked', async ({ browser }) => {
    test.setTimeout(150_000);
    // Priya: core member. Olga: observer, moved into the core group. Étienne: broader participant.
    const { lead, cop, others } = await copWith(browser, ['member', 'observer', 'member']);
    const a = lead.page;
    const [priya, olga, etienne] = others.map((o) => o.person.name) as [string, string, string];
    const members = (await (await a.request.get(`/api/cops/${cop.id}/members`)).json()) as { userId: string; name: string }[];
    const olgaId = members.find((mb) => mb.name === olga)!.userId;
    expect((await a.request.patch(`/api/cops/${cop.id}/members/${olgaId}`, { data: { participation: 'core' } })).status()).toBe(200);

    const sharer = (name: string) => a.getByRole('group', { name: en.ws_expense_shared }).getByRole('checkbox', { name });
    await a.goto(`/cops/${cop.id}/costs`);
    await expect(sharer(priya)).toBeChecked();
    await expect(sharer(olga)).not.toBeChecked();
    await expect(sharer(etienne)).not.toBeChecked();
    await expect(a.getByText(en.ws_expense_shared_hint_core!)).toBeVisible();
    await a.locator('#expense-what').fill('Coffee for the working group');
    await a.locator('#expense-amount').fill('30.00');
    await a.locator('#expense-paid-by').selectOption({ label: priya });
    await a.getByRole('button', { name: en.ws_save_expense }).click();
    await expect(a.getByText(counted('en', 'ws_expense_line', { payer: priya, amount: '$30.00', count: 1 }))).toBeVisible();
    // Ticking is still possible: the observer shares when someone says so.
    await expect(sharer(olga)).not.toBeChecked();
    await sharer(olga).check();
    await a.locator('#expense-what').fill('Printing');
    await a.locator('#expense-amount').fill('10.00');
    await a.getByRole('button', { name: en.ws_save_expense }).click();
    await expect(a.getByText(counted('en', 'ws_expense_line', { payer: priya, amount: '$10.00', count: 2 }))).toBeVisible();
    await expect(sharer(olga)).not.toBeChecked();

    // An expense of a meeting: those who checked in (the broader participant who came included,
    // the observer who came not), instead of the core group.
    await createMeeting(a, cop.id, 'Venue session');
    await a.getByRole('group', { name: new RegExp(etienne) }).getByRole('radio', { name: en.ws_present }).check();
    await a.getByRole('group', { name: new RegExp(olga) }).getByRole('radio', { name: en.ws_present }).check();
    await a.getByRole('group', { name: new RegExp(priya) }).getByRole('radio', { name: en.ws_regrets }).check();
    await a.goto(`/cops/${cop.id}/costs`);
    await a.locator('#expense-meeting').selectOption({ label: 'Venue session' });
    await expect(sharer(etienne)).toBeChecked();
    await expect(sharer(olga)).not.toBeChecked();
    await expect(sharer(priya)).not.toBeChecked();
    await expect(a.getByText(en.ws_expense_shared_hint_attendees!)).toBeVisible();
    await a.setViewportSize(PHONE);
    await a.getByRole('group', { name: en.ws_expense_shared }).scrollIntoViewIfNeeded();
    await a.screenshot({ path: screenshotPath('costs-shared-among-meeting-phone-en') });
    await a.setViewportSize(LAPTOP);
    // Back to no meeting: the core group again.
    await a.locator('#expense-meeting').selectOption({ label: en.ws_expense_no_meeting! });
    await expect(sharer(priya)).toBeChecked();
    await expect(sharer(etienne)).not.toBeChecked();

    await closeAll(lead, ...others.map((o) => o.device));
  });

  test('an observer sees the workspace without edit controls, and the server drops its forced writes', async ({ browser }) => {
    test.setTimeout(120_000);
    const { lead, cop, others } = await copWith(browser, ['observer']);
    const a = lead.page;
    const o = others[0]!.device.page;
    const url = await createMeeting(a, cop.id, 'Session with an observer');
    await addItem(a, 'Regional updates');
    await a.getByLabel(fill(en.ws_item_minutes, { title: 'Regional updates' })).fill('Three regions reported.');

    await o.goto(url);
    await expect(o.getByText(en.ws_read_only_observer!)).toBeVisible();
    await expect(agendaTitles(o)).toHaveText([/Regional updates/]);
    await expect(o.getByText('Three regions reported.')).toBeVisible();
    // Controls are not merely disabled: they are not there.
    for (const name of [en.ws_add_item, en.ws_edit_details, en.ws_delete_meeting, en.ws_add_decision, en.ws_add_action]) {
      await expect(o.getByRole('button', { name })).toHaveCount(0);
    }
    await expect(o.getByRole('button', { name: fill(en.ws_move_up, { title: 'Regional updates' }) })).toHaveCount(0);
    await expect(o.locator('main textarea, main input[type="checkbox"]')).toHaveCount(0);
    // The only attendance an observer marks is their own.
    const observerId = ((await (await o.request.get('/api/me')).json()) as { user: { id: string } }).user.id;
    await expect(o.locator(`main input[name^="attendance-"]:not([name="attendance-${observerId}"])`)).toHaveCount(0);
    for (const path of ['meetings', 'roster', 'costs', 'workspace']) {
      await o.goto(`/cops/${cop.id}/${path}`);
      await expect(o.getByText(en.ws_read_only_observer!)).toBeVisible();
      await expect(o.locator('main form, main textarea, main input[type="checkbox"]')).toHaveCount(0);
    }
    await o.goto(`${url}/live`);
    await expect(o.getByTestId('current-item')).toBeVisible();
    await expect(o.getByRole('button', { name: en.ws_live_start })).toHaveCount(0);
    await expect(o.getByRole('button', { name: en.ws_live_as_decision })).toHaveCount(0);

    // Forced: the observer's browser sends a Yjs update on its own authenticated socket.
    const forced = new Y.Doc();
    const meeting = new Y.Map<unknown>();
    forced.getMap('meetings').set('forcedbyobserver', meeting);
    meeting.set('title', 'Forced by the observer');
    meeting.set('startsAt', '2030-01-01T15:00:00.000Z');
    meeting.set('timeZone', 'America/Toronto');
    const frame = syncUpdateFrame(Y.encodeStateAsUpdate(forced));
    const stayedOpen = await o.evaluate(
      async ({ path, bytes }) => {
        const ws = new WebSocket(`${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${path}`);
        ws.binaryType = 'arraybuffer';
        await new Promise((resolve, reject) => {
          ws.onopen = resolve;
          ws.onerror = reject;
        });
        ws.send(new Uint8Array(bytes));
        await new Promise((resolve) => setTimeout(resolve, 1500));
        const open = ws.readyState === WebSocket.OPEN;
        ws.close();
        return open;
      },
      { path: `/sync/cop/${cop.id}`, bytes: [...frame] }
    );
    expect(stayedOpen, 'the observer\'s socket stays open (updates dropped silently)').toBe(true);
    await a.goto(`/cops/${cop.id}/meetings`);
    await expect(a.getByRole('link', { name: 'Session with an observer' })).toBeVisible();
    await expect(a.getByText('Forced by the observer')).toHaveCount(0);
    await o.goto(`/cops/${cop.id}/meetings`);
    await o.reload();
    await expect(o.getByRole('link', { name: 'Session with an observer' })).toBeVisible();
    await expect(o.getByText('Forced by the observer')).toHaveCount(0);

    await closeAll(lead, others[0]!.device);
  });
});

/** A y-protocols sync "update" message (type 0, sub-type 2, then the update as var bytes). */
function syncUpdateFrame(update: Uint8Array): Uint8Array {
  const length: number[] = [];
  let n = update.length;
  while (n > 0x7f) {
    length.push((n & 0x7f) | 0x80);
    n >>>= 7;
  }
  length.push(n);
  return Uint8Array.from([0, 2, ...length, ...update]);
}

for (const locale of ['en', 'fr'] as const) {
  test(`every workspace page passes axe at phone and laptop sizes, in ${locale === 'en' ? 'English' : 'French'}`, async ({ browser }) => {
    // Seven pages, each at two sizes with axe: minutes on a busy machine.
    test.setTimeout(300_000);
    const t = locale === 'fr' ? fr : en;
    const { lead, cop, others } = await copWith(browser, ['member', 'member'], locale);
    const a = lead.page;
    const url = await createMeeting(a, cop.id, locale === 'fr' ? 'Séance de travail du printemps' : 'Spring working session', t);
    await addItem(a, locale === 'fr' ? 'Tour de table' : 'Round table', t);
    await addItem(a, locale === 'fr' ? 'Budget de l’événement d’automne' : 'Budget for the fall event', t);
    await a.locator('#new-decision').fill(locale === 'fr' ? 'Se réunir tous les deux mois' : 'Meet every second month');
    await a.getByRole('button', { name: t.ws_add_decision }).click();
    await a.locator('#new-action-what').fill(locale === 'fr' ? 'Envoyer le compte rendu' : 'Send the summary');
    await a.locator('#new-action-owner').selectOption({ label: others[0]!.person.name });
    await a.getByRole('button', { name: t.ws_add_action }).click();
    await a.getByRole('radio', { name: t.ws_present }).first().check();
    await checkPage(a, `workspace-meeting`, locale);
    const actionText = locale === 'fr' ? 'Envoyer le compte rendu' : 'Send the summary';
    await a.getByRole('button', { name: fill(t.ws_edit_action, { what: actionText }) }).click();
    await expect(a.getByRole('form', { name: t.ws_action_editor_heading })).toBeVisible();
    await checkPage(a, `workspace-action-editor`, locale);
    await a.getByRole('form', { name: t.ws_action_editor_heading }).getByRole('button', { name: t.cancel }).click();

    await a.getByRole('link', { name: t.ws_meeting_mode_link }).click();
    await a.getByRole('button', { name: t.ws_live_start }).click();
    await checkPage(a, `workspace-live`, locale);
    await a.getByRole('button', { name: t.ws_live_capture, exact: true }).click();
    await a.getByLabel(t.ws_live_capture_label!).fill(locale === 'fr' ? 'Réserver la salle' : 'Book the room');
    await a.getByRole('button', { name: t.ws_live_as_action }).click();
    await a.getByRole('button', { name: fill(t.ws_edit_action, { what: locale === 'fr' ? 'Réserver la salle' : 'Book the room' }) }).click();
    await checkPage(a, `workspace-live-action-editor`, locale);
    await a.getByRole('form', { name: t.ws_action_editor_heading }).getByRole('button', { name: t.cancel }).click();

    await a.goto(`/cops/${cop.id}/costs`);
    await a.locator('#expense-what').fill(locale === 'fr' ? 'Location de salle' : 'Room rental');
    await a.locator('#expense-amount').fill(locale === 'fr' ? '240,00' : '240.00');
    await a.locator('#expense-paid-by').selectOption({ label: others[0]!.person.name });
    // The broader participant shares this one only because they are ticked.
    await a.getByRole('group', { name: t.ws_expense_shared }).getByRole('checkbox', { name: others[1]!.person.name }).check();
    await a.getByRole('button', { name: t.ws_save_expense }).click();
    await expect(a.getByText(t.ws_expense_added!)).toBeVisible();
    await expect(a.getByRole('heading', { level: 2, name: t.ws_settle })).toBeVisible();
    const download = a.waitForEvent('download');
    await a.getByRole('button', { name: t.ws_download_csv }).click();
    expect((await download).suggestedFilename()).toMatch(/\.csv$/);
    await checkPage(a, `workspace-costs`, locale);

    await a.goto(`/cops/${cop.id}/roster`);
    await expect(a.getByRole('heading', { level: 2, name: others[0]!.person.name })).toBeVisible();
    await a.getByRole('button', { name: fill(t.ws_edit_profile, { name: others[0]!.person.name }) }).click();
    await a.locator('.profile-form [id$="-organisation"]').fill(locale === 'fr' ? 'Ville de Gatineau' : 'City of Ottawa');
    await a.locator('.profile-form [id$="-order"]').selectOption('municipal');
    await a.getByRole('button', { name: t.ws_save }).click();
    await a.locator('#filter-order').selectOption('municipal');
    await expect(a.getByText(counted(locale, 'ws_roster_count', { count: 1, total: 2 }))).toBeVisible();
    await checkPage(a, `workspace-roster`, locale);
    await a.locator('#filter-order').selectOption('');

    await a.goto(`/cops/${cop.id}/meetings`);
    await expect(a.getByRole('link', { name: locale === 'fr' ? 'Séance de travail du printemps' : 'Spring working session' })).toBeVisible();
    await checkPage(a, `workspace-meetings`, locale);
    await a.getByRole('button', { name: t.ws_new_meeting }).click();
    await checkPage(a, `workspace-meeting-new`, locale);

    await a.goto(`/cops/${cop.id}/workspace`);
    await expect(a.getByRole('heading', { level: 2, name: t.ws_next_meeting })).toBeVisible();
    await expect(a.getByText(others[1]!.person.name)).toHaveCount(0);
    await others[0]!.device.page.goto(`/cops/${cop.id}/workspace`);
    await expect(a.locator('.people li')).toHaveCount(2);
    await checkPage(a, `workspace-home`, locale);

    const member = others[1]!.device.page;
    await member.goto(url);
    await expect(member.getByRole('heading', { level: 1 })).toBeVisible();
    await checkPage(member, `workspace-meeting-member`, locale);

    await closeAll(lead, ...others.map((x) => x.device));
  });
}

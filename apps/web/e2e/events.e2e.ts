// Learning events (issue 7) in the browser against the real server: the programme manager
// schedules an event, two COPs sign up to present (one with a published protocol), the manager
// sets the running order with Move up/Move down, and every member sees it in the calendar, which
// also downloads as iCalendar. The pages pass axe at phone and laptop sizes in English and French.
import { checkPage } from './support/accounts';
import { dayInDays } from './support/place-and-clock';
import { expect, test } from './support/fixtures';
import { closeAll, fillMsg, programme, publishBilingual, unexpectedErrors, type Participant } from './resources-people';

test.setTimeout(180_000);


async function scheduleEvent(manager: Participant, titleEn: string, titleFr: string): Promise<string> {
  const { page, t } = manager;
  await page.goto('/events');
  await page.getByRole('link', { name: t.ev_new }).click();
  await expect(page.getByRole('heading', { level: 1, name: t.ev_new_title })).toBeVisible();
  // The form checks its fields before sending: nothing filled in → errors under the titles.
  await page.getByRole('button', { name: t.ev_create }).click();
  await expect(page.getByLabel(t.ev_field_title_en!)).toHaveAttribute('aria-invalid', 'true');
  await page.getByLabel(t.ev_field_title_en!).fill(titleEn);
  await page.getByLabel(t.ev_field_title_fr!).fill(titleFr);
  await page.getByLabel(t.ev_field_description_en!).fill('Communities of Practice share what they learned this quarter.');
  await page.getByLabel(t.ev_field_description_fr!).fill('Les communautés de pratique partagent ce qu’elles ont appris ce trimestre.');
  // A day in the event's own zone (the form reads the date there), not in UTC or the machine's.
  await page.getByLabel(t.ev_field_date!).fill(dayInDays(30, 'America/Toronto'));
  await page.getByLabel(t.ev_field_start!).fill('13:00');
  await page.getByLabel(t.ev_field_end!, { exact: true }).fill('16:00');
  await page.getByLabel(t.ev_field_zone!).selectOption('America/Toronto');
  await page.getByLabel(t.ev_field_place!).fill('Ottawa, 90 Elgin Street');
  await page.getByLabel(t.ev_field_link!).fill('https://meet.example.ca/qle');
  await page.getByRole('button', { name: t.ev_create }).click();
  await expect(page.getByRole('heading', { level: 1, name: manager.locale === 'fr' ? titleFr : titleEn })).toBeVisible();
  return new URL(page.url()).pathname.split('/').pop()!;
}

async function signUp(f: Participant, eventId: string, title: string, presenters: string, item?: string) {
  const { page, t } = f;
  await page.goto(`/events/${eventId}`);
  const form = page.getByRole('form', { name: t.ev_sign_up_heading });
  await form.getByLabel(t.ev_field_presentation_title!).fill(title);
  await form.getByLabel(t.ev_field_presenters!).fill(presenters);
  if (item) await form.getByRole('checkbox', { name: item }).check();
  await form.getByRole('button', { name: t.ev_sign_up }).click();
  await expect(page.getByText(fillMsg(t.ev_signed_up!, { title }))).toBeVisible();
}

test('an event with two COP presentations shows in the calendar in the running order the manager sets', async ({ browser }) => {
  const prog = await programme(browser);
  const copA = await prog.cop('Newcomer Education', 'Education');
  const copB = await prog.cop('Rural Health', 'Health');
  const fa = await prog.invite(copA, 'facilitator', 'Fatima Facilitator');
  const fb = await prog.invite(copB, 'facilitator', 'Benoît Animateur', 'fr');
  const member = await prog.invite(copB, 'member', 'Mei Member');
  await publishBilingual(fa, copA, {
    enTitle: 'School welcome protocol',
    enText: 'Welcome newcomer students within two days.',
    frTitle: 'Protocole d’accueil scolaire',
    frText: 'Accueillir les élèves en deux jours.',
    summary: 'Welcoming newcomer students.',
    frSummary: 'Accueillir les élèves nouvellement arrivés.'
  });

  const eventId = await scheduleEvent(prog.manager, 'Spring Quarterly Learning Event', 'Événement d’apprentissage trimestriel du printemps');
  await signUp(fa, eventId, 'Welcoming newcomer students', 'Fatima Facilitator', 'School welcome protocol');
  await signUp(fb, eventId, 'Télésanté en région', 'Benoît Animateur, Mei Member');

  // The manager puts Rural Health first with "Move up" (focus stays on the moved presentation).
  const { page, t } = prog.manager;
  await page.goto(`/events/${eventId}`);
  const order = page.getByRole('region', { name: t.ev_running_order }).getByRole('listitem').filter({ has: page.getByRole('heading') });
  await expect(order.nth(0)).toContainText('Welcoming newcomer students');
  await expect(order.nth(0).getByRole('link', { name: 'School welcome protocol' })).toBeVisible();
  const moveUp = page.getByRole('button', { name: fillMsg(t.ev_move_up_named!, { title: 'Télésanté en région' }) });
  await moveUp.click();
  await expect(page.getByText(fillMsg(t.ev_moved!, { title: 'Télésanté en région', position: '1' }))).toBeVisible();
  await expect(order.nth(0)).toContainText('Télésanté en région');
  await expect(page.getByRole('button', { name: fillMsg(t.ev_move_down_named!, { title: 'Télésanté en région' }) })).toBeFocused();

  // A member of a COP sees the event in the calendar with both presentations, in that order.
  await member.page.goto('/events');
  const card = member.page.getByRole('article').filter({ hasText: 'Spring Quarterly Learning Event' });
  const items = card.getByRole('list', { name: member.t.ev_running_order }).getByRole('listitem');
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toContainText('Rural Health');
  await expect(items.nth(0)).toContainText('Télésanté en région');
  await expect(items.nth(1)).toContainText('Newcomer Education');
  await expect(card).toContainText('Ottawa, 90 Elgin Street');

  // The French facilitator reads it in French; the calendars download as iCalendar.
  await fb.page.goto(`/events/${eventId}`);
  await expect(fb.page.getByRole('heading', { level: 1, name: 'Événement d’apprentissage trimestriel du printemps' })).toBeVisible();
  const ics = await member.page.request.get((await member.page.getByRole('link', { name: member.t.ev_download_calendar }).getAttribute('href'))!);
  expect(ics.status()).toBe(200);
  expect(await ics.text()).toContain('BEGIN:VCALENDAR');
  await member.page.getByRole('link', { name: 'Spring Quarterly Learning Event' }).click();
  const one = await member.page.request.get((await member.page.getByRole('link', { name: member.t.ev_download_event }).getAttribute('href'))!);
  expect(await one.text()).toContain('Spring Quarterly Learning Event');

  // Members see no sign-up form and no reordering; a facilitator withdraws their own presentation.
  await expect(member.page.getByRole('form', { name: member.t.ev_sign_up_heading })).toHaveCount(0);
  await expect(member.page.getByRole('button', { name: new RegExp(member.t.ev_move_up!) })).toHaveCount(0);
  await fb.page.getByRole('button', { name: fillMsg(fb.t.ev_withdraw_named!, { title: 'Télésanté en région' }) }).click();
  await expect(fb.page.getByText(fillMsg(fb.t.ev_withdrawn!, { title: 'Télésanté en région' }))).toBeVisible();

  for (const p of [prog.manager, fa, fb, member]) expect(unexpectedErrors(p)).toEqual([]);
  await closeAll(prog.manager, fa, fb, member);
});

test('the events pages pass axe at phone and laptop sizes in English and French', async ({ browser }) => {
  for (const locale of ['en', 'fr'] as const) {
    const prog = await programme(browser, locale);
    const cop = await prog.cop(locale === 'fr' ? 'Santé rurale' : 'Rural Health', 'Health', locale);
    const f = await prog.invite(cop, 'facilitator', locale === 'fr' ? 'Benoît Animateur' : 'Fatima Facilitator', locale);
    const eventId = await scheduleEvent(prog.manager, `Excellence Fair ${locale}`, `Foire de l’excellence ${locale}`);
    await signUp(f, eventId, locale === 'fr' ? 'Télésanté en région' : 'Telehealth in rural areas', f.person.name);
    const { page, t } = prog.manager;

    await page.goto('/events');
    await expect(page.getByRole('heading', { level: 2, name: t.ev_upcoming })).toBeVisible();
    await checkPage(page, 'events-list', locale);
    await page.goto(`/events/${eventId}`);
    await expect(page.getByRole('region', { name: t.ev_running_order }).getByRole('heading', { level: 3 })).toHaveCount(1);
    await checkPage(page, 'events-event-manager', locale);
    await page.goto(`/events/${eventId}/edit`);
    await expect(page.getByLabel(t.ev_field_title_en!)).toHaveValue(`Excellence Fair ${locale}`);
    await checkPage(page, 'events-edit', locale);
    await page.goto('/events/new');
    await expect(page.getByLabel(t.ev_field_title_en!)).toBeVisible();
    await checkPage(page, 'events-new', locale);

    await f.page.goto(`/events/${eventId}`);
    await expect(f.page.getByRole('form', { name: f.t.ev_sign_up_heading })).toBeVisible();
    await checkPage(f.page, 'events-event-facilitator', locale);
    await closeAll(prog.manager, f);
  }
});

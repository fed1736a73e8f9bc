// Learning events: scheduling, COP sign-ups, the running order, and iCalendar that parses back.
import ICAL from 'ical.js';
import { addAgendaItem, addActionItem, addDecision, agendaItemText, createMeeting, markAttendance, workspaceDocName } from '@atelier/workspace';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Cop } from '../accounts/cops';
import { SqliteDocumentStore } from '../sync/sqlite-document-store';
import { api, createPerson, createTestCop, joinCop, startTestServer, type Person, type TestServer } from '../test-support/test-server';

let server: TestServer;
let copA: Cop;
let copB: Cop;
let manager: Person;
let facilitatorA: Person;
let facilitatorB: Person;
let member: Person;

beforeAll(async () => {
  server = await startTestServer();
  manager = await createPerson(server, { isManager: true });
  copA = createTestCop(server, manager.user, 'Portfolio Circle');
  copB = createTestCop(server, manager.user, 'Communauté du changement');
  facilitatorA = await createPerson(server, { name: 'Amara Singh' });
  facilitatorB = await createPerson(server, { name: 'Hélène Gagnon' });
  member = await createPerson(server);
  joinCop(server, copA, facilitatorA, 'facilitator');
  joinCop(server, copB, facilitatorB, 'facilitator');
  joinCop(server, copA, member, 'member');
});
afterAll(() => server.dispose());

/** A day about a year after the test runs: the fair stays upcoming whatever the date. */
const FAIR_DAY = new Date(Date.now() + 365 * 86_400_000).toISOString().slice(0, 10);

const fair = {
  kind: 'fair',
  titleEn: 'Excellence Fair 2027',
  titleFr: 'Salon de l’excellence 2027',
  descriptionEn: 'The annual showcase of the network.',
  descriptionFr: 'La vitrine annuelle du réseau.',
  startsAt: FAIR_DAY + 'T13:00:00Z',
  endsAt: FAIR_DAY + 'T20:00:00Z',
  timeZone: 'America/Toronto',
  place: 'Centre des congrès, Ottawa'
};

describe('learning events', () => {
  it('are scheduled by the manager only, with fields checked', async () => {
    expect((await api(server, '/api/events', { body: fair, cookie: facilitatorA.cookie })).status).toBe(403);
    const bad = await api(server, '/api/events', { body: { ...fair, endsAt: FAIR_DAY + 'T12:00:00Z' }, cookie: manager.cookie });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toBe('endsAt: must be after startsAt');
    const zone = await api(server, '/api/events', { body: { ...fair, timeZone: 'Mars/Base' }, cookie: manager.cookie });
    expect(zone.json.error.message).toMatch(/^timeZone:/);
    const ok = await api(server, '/api/events', { body: fair, cookie: manager.cookie });
    expect(ok.status).toBe(201);
    expect(ok.json).toMatchObject({ kind: 'fair', title: { en: 'Excellence Fair 2027', fr: 'Salon de l’excellence 2027' }, presentations: [] });
  });

  it('take presentations from two COPs in the order the manager sets, and export a calendar that parses back', async () => {
    const event = (await api(server, '/api/events', { body: { ...fair, kind: 'quarterly', titleEn: 'Q2 Learning Event', titleFr: 'Événement d’apprentissage T2' }, cookie: manager.cookie })).json;
    const a = await api(server, `/api/events/${event.id}/presentations`, {
      body: { copId: copA.id, title: 'Quarterly reviews that work', presenters: 'Amara Singh', minutes: 25 },
      cookie: facilitatorA.cookie
    });
    expect(a.status).toBe(201);
    // A facilitator cannot sign up another COP, nor can a member.
    expect((await api(server, `/api/events/${event.id}/presentations`, { body: { copId: copB.id, title: 'x', presenters: 'y' }, cookie: facilitatorA.cookie })).status).toBe(403);
    expect((await api(server, `/api/events/${event.id}/presentations`, { body: { copId: copA.id, title: 'x', presenters: 'y' }, cookie: member.cookie })).status).toBe(403);
    const b = await api(server, `/api/events/${event.id}/presentations`, {
      body: { copId: copB.id, title: 'Communiquer le changement', presenters: 'Hélène Gagnon' },
      cookie: facilitatorB.cookie
    });
    expect(b.status).toBe(201);
    expect((await api(server, `/api/events/${event.id}/running-order`, { method: 'PUT', body: { order: [b.json.id, a.json.id] }, cookie: facilitatorA.cookie })).status).toBe(403);
    expect((await api(server, `/api/events/${event.id}/running-order`, { method: 'PUT', body: { order: [b.json.id] }, cookie: manager.cookie })).status).toBe(400);
    const ordered = await api(server, `/api/events/${event.id}/running-order`, { method: 'PUT', body: { order: [b.json.id, a.json.id] }, cookie: manager.cookie });
    expect(ordered.json.map((p: { title: string }) => p.title)).toEqual(['Communiquer le changement', 'Quarterly reviews that work']);

    const upcoming = await api(server, '/api/events?upcoming=1', { cookie: member.cookie });
    expect(upcoming.json.map((e: { id: string }) => e.id)).toContain(event.id);

    const res = await fetch(`${server.url}/api/events/${event.id}/calendar.ics`, { headers: { cookie: member.cookie } });
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const calendar = new ICAL.Component(ICAL.parse(await res.text()));
    const vevents = calendar.getAllSubcomponents('vevent');
    expect(vevents).toHaveLength(1);
    const parsed = new ICAL.Event(vevents[0]!);
    expect(parsed.summary).toBe('Q2 Learning Event / Événement d’apprentissage T2');
    expect(parsed.uid).toBe(`${event.id}@atelier`);
    expect(parsed.startDate.toJSDate().toISOString()).toBe(`${FAIR_DAY}T13:00:00.000Z`);
    expect(parsed.location).toBe('Centre des congrès, Ottawa');
    expect(parsed.description).toMatch(/1\. Communiquer le changement — Communauté du changement \(Hélène Gagnon, 20 min\)\n2\. Quarterly reviews that work/);
    expect(Number(vevents[0]!.getFirstPropertyValue('sequence'))).toBeGreaterThanOrEqual(3);

    const all = new ICAL.Component(ICAL.parse(await (await fetch(`${server.url}/api/events/calendar.ics`, { headers: { cookie: member.cookie } })).text()));
    expect(all.getAllSubcomponents('vevent').length).toBeGreaterThanOrEqual(2);
  });
});

describe('meeting minutes export', () => {
  it('renders agenda minutes, decisions, actions and attendance, in Markdown and DOCX', async () => {
    const ws = new Y.Doc();
    const m = createMeeting(ws, { title: 'March session', startsAt: '2026-03-14T14:00:00Z', timeZone: 'America/Toronto', venue: 'Hall B' });
    const item = addAgendaItem(ws, m, { title: 'Portfolio review', presenter: facilitatorA.user.id })!;
    agendaItemText(ws, m, item, 'minutes')!.insert(0, 'We reviewed six projects.');
    addDecision(ws, { meetingId: m, agendaItemId: item, text: 'Stop project Delta' });
    addActionItem(ws, { what: 'Draft the review protocol', ownerId: member.user.id, meetingId: m, dueDate: '2026-04-01' });
    markAttendance(ws, m, facilitatorA.user.id, 'present');
    const documents = new SqliteDocumentStore(server.db);
    await documents.load(workspaceDocName(copA.id), copA.id);
    await documents.append([{ name: workspaceDocName(copA.id), updates: [Y.encodeStateAsUpdate(ws)] }]);

    const md = await api(server, `/api/cops/${copA.id}/meetings/${m}/minutes/md`, { cookie: member.cookie });
    expect(md.status).toBe(200);
    expect(md.text).toContain('# March session');
    expect(md.text).toContain('### Portfolio review (Amara Singh)');
    expect(md.text).toContain('We reviewed six projects.');
    expect(md.text).toContain('- Stop project Delta');
    expect(md.text).toMatch(/- Draft the review protocol — Person \d+ \(due 2026-04-01\)/);
    expect(md.text).toContain('- Amara Singh — present');
    const fr = await api(server, `/api/cops/${copA.id}/meetings/${m}/minutes/md?language=fr`, { cookie: member.cookie });
    expect(fr.text).toContain('## Ordre du jour');
    expect(fr.text).toContain('samedi 14 mars 2026');

    const docx = await fetch(`${server.url}/api/cops/${copA.id}/meetings/${m}/minutes/docx`, { headers: { cookie: member.cookie } });
    const xml = await (await JSZip.loadAsync(await docx.arrayBuffer())).file('word/document.xml')!.async('string');
    expect(xml).toContain('Stop project Delta');
    expect((await api(server, `/api/cops/${copA.id}/meetings/nosuchmeeting/minutes/md`, { cookie: member.cookie })).status).toBe(404);
    expect((await api(server, `/api/cops/${copA.id}/meetings/${m}/minutes/md`, { cookie: facilitatorB.cookie })).status).toBe(403);
  });
});

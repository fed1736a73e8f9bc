// Exports and their errors speak the right language: a COP's minutes are the COP's records, in
// the language the COP works in whoever downloads them (`?language=` overrides), with each time
// in the meeting's own zone, named; calendars follow the signed-in person's language; refusals of
// export, event, file, protocol and Resource Centre routes come back in French for a
// French-speaking person.
import { addActionItem, addAgendaItem, addDecision, createDocument, createMeeting, markAttendance, workspaceDocName } from '@atelier/workspace';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Cop } from '../accounts/cops';
import { updateProfile } from '../accounts/users';
import { SqliteDocumentStore } from '../sync/sqlite-document-store';
import { api, createPerson, createTestCop, joinCop, startTestServer, type Person, type TestServer } from '../test-support/test-server';

let server: TestServer;
let cop: Cop;
let manager: Person;
let francophone: Person;
let anglophone: Person;
let meetingId: string;
let protocolId: string;
let frenchCop: Cop;
let frenchMeetingId: string;

/** Stores a workspace built in memory as the COP's workspace document. */
async function storeWorkspace(target: Cop, ws: Y.Doc) {
  const documents = new SqliteDocumentStore(server.db);
  await documents.load(workspaceDocName(target.id), target.id);
  await documents.append([{ name: workspaceDocName(target.id), updates: [Y.encodeStateAsUpdate(ws)] }]);
}

beforeAll(async () => {
  server = await startTestServer();
  manager = await createPerson(server, { isManager: true });
  cop = createTestCop(server, manager.user, 'Portfolio Circle');
  francophone = await createPerson(server, { name: 'Hélène Gagnon' });
  anglophone = await createPerson(server, { name: 'Amara Singh' });
  updateProfile(server.db, francophone.user.id, { language: 'fr' });
  joinCop(server, cop, francophone, 'facilitator');
  joinCop(server, cop, anglophone, 'member');
  const ws = new Y.Doc();
  meetingId = createMeeting(ws, { title: 'March session', startsAt: '2026-03-14T14:00:00Z', timeZone: 'America/Toronto' });
  const item = addAgendaItem(ws, meetingId, { title: 'Portfolio review' })!;
  addDecision(ws, { meetingId, agendaItemId: item, text: 'Stop project Delta' });
  addDecision(ws, { meetingId, agendaItemId: null, text: 'Meet monthly' });
  addActionItem(ws, { what: 'Draft the protocol', ownerId: anglophone.user.id, meetingId, dueDate: '2026-04-01' });
  markAttendance(ws, meetingId, anglophone.user.id, 'regrets');
  protocolId = createDocument(ws, { kind: 'protocol', title: 'Review protocol', language: 'en', createdBy: anglophone.user.id });
  await storeWorkspace(cop, ws);

  // A French COP whose evening meeting in Toronto is already the next day in UTC.
  frenchCop = createTestCop(server, manager.user, 'Gestion du changement', 'fr');
  joinCop(server, frenchCop, francophone, 'facilitator');
  joinCop(server, frenchCop, anglophone, 'member');
  const frWs = new Y.Doc();
  frenchMeetingId = createMeeting(frWs, { title: 'Séance de janvier', startsAt: '2026-01-15T01:00:00Z', timeZone: 'America/Toronto' });
  const frItem = addAgendaItem(frWs, frenchMeetingId, { title: 'Bilan des projets' })!;
  addDecision(frWs, { meetingId: frenchMeetingId, agendaItemId: frItem, text: 'Poursuivre le projet Alpha' });
  addActionItem(frWs, { what: 'Rédiger le protocole', ownerId: francophone.user.id, meetingId: frenchMeetingId, dueDate: '2026-02-01' });
  markAttendance(frWs, frenchMeetingId, anglophone.user.id, 'present');
  await storeWorkspace(frenchCop, frWs);
});
afterAll(() => server.dispose());

describe('exports in the reader’s language', () => {
  it('writes a French COP’s minutes with French headings and the meeting’s time zone, even for an English-speaking member', async () => {
    const res = await api(server, `/api/cops/${frenchCop.id}/meetings/${frenchMeetingId}/minutes/md`, { cookie: anglophone.cookie });
    expect(res.status).toBe(200);
    expect(res.text).toContain('## Ordre du jour');
    expect(res.text).toContain('Décisions :');
    expect(res.text).toMatch(/Rédiger le protocole — Hélène Gagnon \(échéance : 2026-02-01\)/);
    expect(res.text).toContain('## Présences');
    expect(res.text).toContain('Amara Singh — présence');
    // 01:00 UTC on the 15th is 20 h on the 14th in Toronto: the day, the hour and the zone are the meeting's.
    expect(res.text).toContain('mercredi 14 janvier 2026 à 20 h (heure normale de l’Est, America/Toronto)');
    expect(res.text).not.toMatch(/Agenda|Attendance|Action items/);
    // The file is named after the meeting's day where it was held, not UTC's.
    expect(res.headers.get('content-disposition')).toContain('2026-01-14-');
  });

  it('writes an English COP’s minutes in English for a French-speaking member, with the meeting’s zone', async () => {
    const res = await api(server, `/api/cops/${cop.id}/meetings/${meetingId}/minutes/md`, { cookie: francophone.cookie });
    expect(res.status).toBe(200);
    expect(res.text).toContain('## Agenda');
    expect(res.text).toContain('## Decisions — General');
    expect(res.text).toContain('## Action items');
    expect(res.text).toMatch(/Draft the protocol — Amara Singh \(due 2026-04-01\)/);
    expect(res.text).toContain('Amara Singh — regrets');
    expect(res.text).toContain('Saturday, March 14, 2026 at 10:00\u202fa.m. (Eastern Daylight Time, America/Toronto)');
  });

  it('writes the minutes in the language asked for with ?language=, whatever the COP’s language', async () => {
    const fr = await api(server, `/api/cops/${cop.id}/meetings/${meetingId}/minutes/md?language=fr`, { cookie: anglophone.cookie });
    expect(fr.text).toContain('## Ordre du jour');
    expect(fr.text).toContain('## Suivis');
    expect(fr.text).toContain('Amara Singh — absence motivée');
    expect(fr.text).toContain('samedi 14 mars 2026 à 10 h (heure avancée de l’Est, America/Toronto)');
    const en = await api(server, `/api/cops/${frenchCop.id}/meetings/${frenchMeetingId}/minutes/md?language=en`, { cookie: francophone.cookie });
    expect(en.text).toContain('## Agenda');
    expect(en.text).toContain('Wednesday, January 14, 2026 at 8:00\u202fp.m. (Eastern Standard Time, America/Toronto)');
  });

  it('gives a French-speaking person a calendar whose name, categories and running order are in French', async () => {
    const event = await api(server, '/api/events', {
      cookie: manager.cookie,
      body: {
        kind: 'fair',
        titleEn: 'Excellence Fair 2027',
        titleFr: 'Foire de l’excellence 2027',
        startsAt: '2027-05-12T13:00:00Z',
        endsAt: '2027-05-12T20:00:00Z',
        timeZone: 'America/Toronto'
      }
    });
    expect(event.status).toBe(201);
    const signUp = await api(server, `/api/events/${event.json.id}/presentations`, {
      cookie: francophone.cookie,
      body: { copId: cop.id, title: 'Revues de portefeuille', presenters: 'Hélène Gagnon', minutes: 15 }
    });
    expect(signUp.status).toBe(201);
    const res = await fetch(`${server.url}/api/events/${event.json.id}/calendar.ics`, { headers: { cookie: francophone.cookie } });
    const calendar = new ICAL.Component(ICAL.parse(await res.text()));
    expect(calendar.getFirstPropertyValue('x-wr-calname')).toBe('Atelier — événements d’apprentissage');
    const vevent = calendar.getFirstSubcomponent('vevent')!;
    expect(vevent.getFirstPropertyValue('categories')).toBe('Foire de l’excellence');
    expect(String(vevent.getFirstPropertyValue('description'))).toContain('Ordre de passage :\n1. Revues de portefeuille — Portfolio Circle (Hélène Gagnon, 15 min)');
    const english = new ICAL.Component(ICAL.parse(await (await fetch(`${server.url}/api/events/calendar.ics`, { headers: { cookie: anglophone.cookie } })).text()));
    expect(english.getFirstPropertyValue('x-wr-calname')).toBe('Atelier — learning events');
  });
});

describe('refusals in the reader’s language', () => {
  it('answers a French-speaking person’s request for a meeting, an event, a file or a version that does not exist in French', async () => {
    const cases: [string, string][] = [
      [`/api/cops/${cop.id}/meetings/no-such-meeting/minutes/md`, 'Cette réunion n’existe pas'],
      ['/api/events/no-such-event', 'Cet événement n’existe pas'],
      [`/api/cops/${cop.id}/files/no-such-file`, 'Ce fichier n’existe pas'],
      ['/api/resources/no-such-item', 'Cet élément n’existe pas dans le Centre de ressources'],
      [`/api/cops/${cop.id}/protocols/no-such-protocol/export/md`, 'Ce protocole n’existe pas dans cette CdP']
    ];
    for (const [path, message] of cases) {
      const res = await api(server, path, { cookie: francophone.cookie });
      expect(res.status, path).toBe(404);
      expect(res.json.error, path).toEqual({ code: 'not_found', message });
    }
  });

  it('answers a French-speaking person’s bad event, bad query and refused protocol step in French', async () => {
    updateProfile(server.db, manager.user.id, { language: 'fr' });
    const badEvent = await api(server, '/api/events', { cookie: manager.cookie, body: { kind: 'party' } });
    expect(badEvent.json.error).toEqual({ code: 'invalid_input', message: 'kind : doit être « quarterly » ou « fair »' });
    const badQuery = await api(server, '/api/resources?language=de', { cookie: francophone.cookie });
    expect(badQuery.json.error).toEqual({ code: 'invalid_input', message: 'language : doit être « en » ou « fr »' });
    const step = await api(server, `/api/cops/${cop.id}/protocols/${protocolId}/transitions`, { cookie: francophone.cookie, body: { action: 'approve' } });
    expect(step.status).toBe(409);
    expect(step.json.error).toEqual({ code: 'conflict', message: 'Un protocole à l’état « ébauche » ne peut pas passer par « approuver »' });
    const badStep = await api(server, `/api/cops/${cop.id}/protocols/${protocolId}/transitions`, { cookie: francophone.cookie, body: { action: 'dance' } });
    expect(badStep.json.error.message).toMatch(/^action : doit être l’une de ces valeurs : propose_review/);
  });
});

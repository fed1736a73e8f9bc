// Exports and their errors speak the reader's language: the labels the server writes into
// minutes and calendars follow the signed-in person's language (an English COP's minutes read
// in French by a French-speaking member), and refusals of export, event, file, protocol and
// Resource Centre routes come back in French for a French-speaking person.
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
  const documents = new SqliteDocumentStore(server.db);
  await documents.load(workspaceDocName(cop.id), cop.id);
  await documents.append([{ name: workspaceDocName(cop.id), updates: [Y.encodeStateAsUpdate(ws)] }]);
});
afterAll(() => server.dispose());

describe('exports in the reader’s language', () => {
  it('writes a French-speaking person’s minutes of an English COP with French labels, and an English speaker’s in English', async () => {
    const fr = await api(server, `/api/cops/${cop.id}/meetings/${meetingId}/minutes/md`, { cookie: francophone.cookie });
    expect(fr.status).toBe(200);
    expect(fr.text).toContain('## Ordre du jour');
    expect(fr.text).toContain('Décisions :');
    expect(fr.text).toContain('## Décisions — Général');
    expect(fr.text).toContain('## Suivis');
    expect(fr.text).toMatch(/Draft the protocol — Amara Singh \(échéance : 2026-04-01\)/);
    expect(fr.text).toContain('## Présences');
    expect(fr.text).toContain('Amara Singh — absence motivée');
    expect(fr.text).toContain('samedi 14 mars 2026');
    const en = await api(server, `/api/cops/${cop.id}/meetings/${meetingId}/minutes/md`, { cookie: anglophone.cookie });
    expect(en.text).toContain('## Agenda');
    expect(en.text).toContain('Amara Singh — regrets');
    // An explicit ?language= still wins over the person's language.
    const asked = await api(server, `/api/cops/${cop.id}/meetings/${meetingId}/minutes/md?language=en`, { cookie: francophone.cookie });
    expect(asked.text).toContain('## Agenda');
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

// seed-demo against a real server's DATA_DIR (real SQLite, real blob store, the real API): what it
// writes reads back through the workspace model and the API as the app shows it, and a second run
// writes nothing at all.
import { listActionItems, listAgenda, listDecisions, listDocuments, listExpenses, listLibrary, listMeetings, netBalances, nextMeeting, readAttendance, translationStatus } from '@atelier/workspace';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config';
import { openDatabase, type SqliteDatabase } from '../db/database';
import { readStoredDocument } from '../publishing/stored-document';
import { SqliteDocumentStore } from '../sync/sqlite-document-store';
import { api, startTestServer, type TestServer } from '../test-support/test-server';
import { DEMO_PASSWORD, DEMO_PEOPLE, seedDemo } from './demo-programme';

const TABLES = [
  'users',
  'cops',
  'memberships',
  'sync_documents',
  'sync_updates',
  'files',
  'protocol_lifecycle',
  'protocol_events',
  'resource_items',
  'resource_versions',
  'learning_events',
  'event_presentations'
] as const;

function counts(db: SqliteDatabase): Record<string, number> {
  return Object.fromEntries(TABLES.map((t) => [t, (db.prepare(`SELECT COUNT(*) AS n FROM ${t}`).get() as { n: number }).n]));
}
const updateBytes = (db: SqliteDatabase) => (db.prepare('SELECT COALESCE(SUM(LENGTH(data)), 0) AS n FROM sync_updates').get() as { n: number }).n;

let server: TestServer;
let db: SqliteDatabase;
let first: Record<string, number>;
let second: Record<string, number>;
let outputs: string[];
const copId = (name: string) => (db.prepare('SELECT id FROM cops WHERE name = ?').get(name) as { id: string }).id;

beforeAll(async () => {
  server = await startTestServer();
  db = openDatabase(server.dataDir);
  const config = loadConfig({ DATA_DIR: server.dataDir });
  outputs = [await seedDemo(db, config)];
  first = { ...counts(db), updateBytes: updateBytes(db) };
  outputs.push(await seedDemo(db, config));
  second = { ...counts(db), updateBytes: updateBytes(db) };
}, 240_000);
afterAll(async () => {
  db.close();
  await server.dispose();
});

async function signIn(email: string) {
  const res = await api(server, '/api/auth/sign-in', { body: { email, password: DEMO_PASSWORD } });
  expect(res.status).toBe(200);
  return res.headers.getSetCookie()[0]!.split(';')[0]!;
}

describe('pnpm atelier seed-demo', () => {
  it('run twice on a fresh DATA_DIR, the second run adds no row, document update, file or event', () => {
    expect(first).toMatchObject({
      users: 13,
      cops: 3,
      memberships: 19,
      // Two workspaces with a note and three protocols each.
      sync_documents: 10,
      files: 2,
      resource_items: 2,
      resource_versions: 2,
      learning_events: 1,
      event_presentations: 2
    });
    expect(second).toEqual(first);
    expect(outputs[0]).toMatch(/^Seeded the demo programme/);
    expect(outputs[1]).toMatch(/already there; nothing changed/);
  });

  it.each([
    ['Portfolio Management Circle', 'en'],
    ['Communauté de pratique en gestion du changement', 'fr']
  ] as const)('%s holds a past meeting with minutes, decisions, owned actions with due dates, attendance, and costs whose balances sum to zero', async (name, language) => {
    const id = copId(name);
    const workspace = await readStoredDocument(new SqliteDocumentStore(db), `cop/${id}`, id);
    const [meeting, upcoming] = listMeetings(workspace);
    expect(Date.parse(meeting!.startsAt)).toBeLessThan(Date.now());
    // The workspace home shows a next meeting, planned with its agenda.
    expect(nextMeeting(workspace)?.id).toBe(upcoming!.id);
    expect(listAgenda(workspace, upcoming!.id)).toHaveLength(3);
    const agenda = listAgenda(workspace, meeting!.id);
    expect(agenda).toHaveLength(3);
    expect(agenda.every((item) => item.minutes.length > 40)).toBe(true);
    // Presenters are names, as the app's agenda form writes them (it shows the field as it is).
    expect(agenda.map((item) => item.presenter).every((p) => DEMO_PEOPLE.some((person) => person.name === p))).toBe(true);
    const weekday = new Intl.DateTimeFormat('en-CA', { timeZone: meeting!.timeZone, weekday: 'short' }).format(new Date(meeting!.startsAt));
    expect(['Mon', 'Tue', 'Wed', 'Thu', 'Fri']).toContain(weekday);
    expect(listDecisions(workspace, meeting!.id)).toHaveLength(3);
    const actions = listActionItems(workspace);
    expect(actions).toHaveLength(4);
    expect(actions.every((a) => a.ownerId && /^\d{4}-\d{2}-\d{2}$/.test(a.dueDate))).toBe(true);
    expect(actions.filter((a) => a.status === 'done')).toHaveLength(1);
    expect([...readAttendance(workspace, meeting!.id).values()]).toContain('present');

    const expenses = listExpenses(workspace);
    expect(new Set(expenses.map((e) => e.paidBy)).size).toBe(3);
    const balances = [...netBalances(expenses).values()];
    expect(balances.reduce((a, b) => a + b, 0)).toBe(0);
    expect(balances.filter((b) => b !== 0).length).toBeGreaterThanOrEqual(3);

    const documents = listDocuments(workspace);
    expect(documents.filter((d) => d.kind === 'note')).toHaveLength(1);
    const protocols = documents.filter((d) => d.kind === 'protocol');
    expect(protocols).toHaveLength(3);
    const original = protocols.find((d) => d.pairedWith && d.language === language)!;
    const translation = protocols.find((d) => d.id === original.pairedWith)!;
    expect(translationStatus(original, translation)).toMatchObject({ behind: false, counterpartBehind: false, pending: false });
    expect(listLibrary(workspace)).toMatchObject([{ kind: 'file', contentType: 'application/pdf' }]);
  });

  it('a seeded facilitator reads the minutes, the published pair in the Resource Centre in both languages, the library PDF and the Learning Event', async () => {
    const cookie = await signIn('amara@demo.atelier.test');
    const id = copId('Portfolio Management Circle');
    const workspace = await readStoredDocument(new SqliteDocumentStore(db), `cop/${id}`, id);
    const [meeting] = listMeetings(workspace);
    const minutes = await api(server, `/api/cops/${id}/meetings/${meeting!.id}/minutes/md?language=en`, { cookie });
    expect(minutes.status).toBe(200);
    expect(minutes.text).toContain('The group agreed on four questions');

    const original = listDocuments(workspace).find((d) => d.kind === 'protocol' && d.pairedWith && d.language === 'en')!;
    const status = await api(server, `/api/cops/${id}/protocols/${original.id}/status`, { cookie });
    expect(status.json).toMatchObject({ state: 'published', counterpart: { state: 'published', behind: false } });
    const item = await api(server, `/api/resources/${status.json.resourceItemId}/versions/1`, { cookie });
    expect(item.json).toMatchObject({ en: { title: 'Quarterly portfolio review' }, fr: { title: 'Examen trimestriel du portefeuille' } });
    const found = await api(server, '/api/resources?q=trimestriel', { cookie });
    expect(found.json.map((r: { id: string }) => r.id)).toContain(status.json.resourceItemId);

    const [file] = listLibrary(workspace);
    const download = await fetch(`${server.url}/api/cops/${id}/files/${(file as { fileId: string }).fileId}`, { headers: { cookie } });
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(Buffer.from(await download.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');

    const events = await api(server, '/api/events?upcoming=1', { cookie });
    expect(events.json).toHaveLength(1);
    expect(events.json[0].presentations.map((p: { copId: string }) => p.copId)).toContain(id);
  });
});

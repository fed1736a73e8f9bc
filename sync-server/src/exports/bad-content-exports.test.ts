// A member's device can write anything into the workspace and its documents: a hostile or old
// client is not held to the model's setters. Such values come in through a real socket here, as
// they would in production, and the exports that read them must still download — the minutes
// and the COP's records.zip answer 200 and flag the bad item instead of failing with 500.
import { createDocument, documentDocName, meetingsMap, RICH_TEXT_FIELD, workspaceDocName } from '@atelier/workspace';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connect, createCopWith, eventually, removeDataDirs, startSyncServer, storedDoc, type SyncTestServer } from '../sync/sync-test-kit';

let server: SyncTestServer;
let copId: string;
let facilitator: { cookie: string; userId: string };
let badStart: string;
let badZone: string;
let deepNote: string;

/** Writes meeting fields straight into the Y.Map, as a client that skips the setters would. */
function writeRawMeeting(doc: Y.Doc, id: string, fields: Record<string, unknown>) {
  doc.transact(() => {
    const m = new Y.Map<unknown>();
    meetingsMap(doc).set(id, m);
    for (const [k, v] of Object.entries(fields)) m.set(k, v);
  });
}

/** A note whose content nests `depth` list levels, built by hand (no schema, no depth check). */
function nestDeep(doc: Y.Doc, depth: number) {
  doc.transact(() => {
    let parent: Y.XmlFragment | Y.XmlElement = doc.getXmlFragment(RICH_TEXT_FIELD);
    for (let i = 0; i < depth; i++) {
      const el = new Y.XmlElement(i % 2 ? 'listItem' : 'bulletList');
      parent.insert(0, [el]);
      parent = el;
    }
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText('the bottom')]);
    parent.insert(0, [p]);
  });
}

async function pushThroughSocket(name: string, doc: Y.Doc, check: (stored: Y.Doc) => boolean) {
  const client = connect(server, name, facilitator, { doc });
  await client.synced();
  await eventually(() => check(storedDoc(server, name)), 10_000, `${name} stored`);
  client.destroy();
}

beforeAll(async () => {
  server = await startSyncServer();
  const cop = createCopWith(server, { facilitator: 'facilitator' });
  copId = cop.copId;
  facilitator = cop.people.facilitator!;
  const ws = new Y.Doc();
  badStart = 'meeting-bad-start';
  badZone = 'meeting-bad-zone';
  writeRawMeeting(ws, badStart, { title: 'Bad start', startsAt: 'not a date', timeZone: 'America/Toronto', createdAt: 1 });
  writeRawMeeting(ws, badZone, { title: 'Bad zone', startsAt: '2026-03-14T14:00:00.000Z', timeZone: 'Mars/Olympus', createdAt: 1 });
  writeRawMeeting(ws, 'meeting-good', { title: 'Good session', startsAt: '2026-04-11T14:00:00.000Z', timeZone: 'America/Toronto', createdAt: 1 });
  deepNote = createDocument(ws, { kind: 'note', title: 'Deep note', language: 'en', createdBy: facilitator.userId });
  await pushThroughSocket(workspaceDocName(copId), ws, (stored) => meetingsMap(stored).size === 3);
  const note = new Y.Doc();
  nestDeep(note, 20_000);
  await pushThroughSocket(documentDocName(copId, 'note', deepNote), note, (stored) => stored.getXmlFragment(RICH_TEXT_FIELD).length === 1);
}, 60_000);
afterAll(async () => {
  await server.close();
  removeDataDirs();
});

const get = (path: string) => fetch(`${server.url}${path}`, { headers: { cookie: facilitator.cookie } });

describe('exports of content no setter would accept', () => {
  it('a meeting whose stored start is not a date still gives minutes, saying the date is not readable', async () => {
    for (const format of ['md', 'docx']) {
      const res = await get(`/api/cops/${copId}/meetings/${badStart}/minutes/${format}`);
      expect(res.status, format).toBe(200);
    }
    const md = await (await get(`/api/cops/${copId}/meetings/${badStart}/minutes/md`)).text();
    expect(md).toContain('# Bad start');
    expect(md).toContain('date and time not readable (not a date America/Toronto)');
  });

  it('a meeting whose stored time zone is unknown still gives minutes, saying the date is not readable', async () => {
    const res = await get(`/api/cops/${copId}/meetings/${badZone}/minutes/md?language=fr`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('date et heure illisibles (2026-03-14T14:00:00.000Z Mars/Olympus)');
  });

  it('records.zip downloads with bad meetings and a note nested 20,000 levels deep, and lists the bad items in problems.txt', async () => {
    const res = await get(`/api/cops/${copId}/records.zip`);
    expect(res.status).toBe(200);
    const zip = await JSZip.loadAsync(await res.arrayBuffer());
    const names = Object.keys(zip.files);
    expect(names.some((n) => n.startsWith('minutes/undated-meeting-bad-start'))).toBe(true);
    expect(names.some((n) => n.startsWith('minutes/2026-04-11-meeting-good'))).toBe(true);
    const problems = await zip.file('problems.txt')!.async('string');
    expect(problems).toContain(`meeting ${badStart}:`);
    expect(problems).toContain(`meeting ${badZone}:`);
    expect(problems).not.toContain('meeting-good');
    // The deep note is cut to its text below the depth bound, not dropped and not a stack overflow.
    const note = names.find((n) => n.startsWith(`notes/${deepNote}`))!;
    expect(await zip.file(note)!.async('string')).toContain('the bottom');
  });
});

// Permissions of protocols and the Resource Centre across two COPs (A and B), as attacked from
// outside: a protocol is the COP's whose stored workspace lists it, so another COP naming the
// same id in its own workspace reaches nothing of it; approval pins what was reviewed; public
// readers see no people; authors are people of the publishing COP.
import { writeJson, type RichTextNode } from '@atelier/rich-text';
import { createDocument, documentDocName, documentsMap, pairProtocols, workspaceDocName } from '@atelier/workspace';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Cop } from '../accounts/cops';
import { removeMembership } from '../accounts/memberships';
import { SqliteDocumentStore } from '../sync/sqlite-document-store';
import { api, createPerson, createTestCop, joinCop, startTestServer, type Person, type TestServer } from '../test-support/test-server';

let server: TestServer;
let copA: Cop;
let copB: Cop;
let manager: Person;
const a = {} as Record<'facilitator' | 'member' | 'observer', Person>;
const b = {} as Record<'facilitator' | 'member' | 'observer', Person>;
/** Left A, now only in B. */
let leaver: Person;
const workspaces = new Map<string, Y.Doc>();

beforeAll(async () => {
  server = await startTestServer();
  manager = await createPerson(server, { isManager: true, name: 'Mireille Manager' });
  copA = createTestCop(server, manager.user, 'COP A');
  copB = createTestCop(server, manager.user, 'COP B');
  for (const role of ['facilitator', 'member', 'observer'] as const) {
    a[role] = await createPerson(server, { name: `Anne A-${role}` });
    joinCop(server, copA, a[role], role);
    b[role] = await createPerson(server, { name: `Bruno B-${role}` });
    joinCop(server, copB, b[role], role);
  }
  // B's facilitator also observes A.
  joinCop(server, copA, b.facilitator, 'observer');
  leaver = await createPerson(server, { name: 'Lou Leaver' });
  joinCop(server, copA, leaver, 'member');
  joinCop(server, copB, leaver, 'member');
});
afterAll(() => server.dispose());

const workspaceOf = (cop: Cop) => {
  let doc = workspaces.get(cop.id);
  if (!doc) workspaces.set(cop.id, (doc = new Y.Doc()));
  return doc;
};

/** Stores a document on the server as the sync server would have after clients sent it. */
async function store(cop: Cop, name: string, doc: Y.Doc) {
  const documents = new SqliteDocumentStore(server.db);
  await documents.load(name, cop.id);
  await documents.append([{ name, updates: [Y.encodeStateAsUpdate(doc)] }]);
}

const paragraphs = (...lines: string[]): RichTextNode => ({
  type: 'doc',
  content: lines.map((l) => ({ type: 'paragraph', content: [{ type: 'text', text: l }] }))
});

async function writeText(cop: Cop, id: string, lines: string[]) {
  const text = new Y.Doc();
  writeJson(text, paragraphs(...lines));
  await store(cop, documentDocName(cop.id, 'protocol', id), text);
}

async function newProtocol(cop: Cop, by: Person, title: string, lines: string[], language: 'en' | 'fr' = 'en'): Promise<string> {
  const ws = workspaceOf(cop);
  const id = createDocument(ws, { kind: 'protocol', title, language, createdBy: by.user.id });
  await store(cop, workspaceDocName(cop.id), ws);
  await writeText(cop, id, lines);
  return id;
}

/** What an attacker writes into their own COP's workspace: an entry under an id they chose. */
async function listUnderId(cop: Cop, id: string, fields: { title: string; language: 'en' | 'fr'; createdBy: string }, lines: string[]) {
  const ws = workspaceOf(cop);
  ws.transact(() => {
    const m = new Y.Map<unknown>();
    const now = Date.now();
    for (const [k, v] of Object.entries({ kind: 'protocol', archived: false, createdAt: now, lastEditedBy: fields.createdBy, lastEditedAt: now, pairedWith: null, ...fields })) m.set(k, v);
    documentsMap(ws).set(id, m);
  });
  await store(cop, workspaceDocName(cop.id), ws);
  await writeText(cop, id, lines);
}

const path = (cop: Cop, id: string) => `/api/cops/${cop.id}/protocols/${id}`;
const step = (cop: Cop, who: Person, id: string, action: string, comment?: string) =>
  api(server, `${path(cop, id)}/transitions`, { body: { action, comment }, cookie: who.cookie });
const publish = (cop: Cop, who: Person, id: string, body: Record<string, unknown> = { summary: 'A summary' }) =>
  api(server, `${path(cop, id)}/publish`, { body, cookie: who.cookie });
const status = async (cop: Cop, who: Person, id: string) => (await api(server, `${path(cop, id)}/status`, { cookie: who.cookie })).json;

async function approve(cop: Cop, member: Person, facilitator: Person, id: string, comment = 'Reviewed') {
  expect((await step(cop, member, id, 'propose_review')).status).toBe(200);
  expect((await step(cop, facilitator, id, 'approve', comment)).status).toBe(200);
}

describe('a protocol belongs to the COP whose workspace lists it', () => {
  it("refuses to publish over another COP's published protocol by pairing with its id", async () => {
    const published = await newProtocol(copA, a.member, 'Guide de A', ['Le texte de A.'], 'fr');
    await approve(copA, a.member, a.facilitator, published);
    const v1 = await publish(copA, a.facilitator, published, { summary: 'Résumé de A' });
    expect(v1.status).toBe(201);

    // B lists A's id in B's workspace, pairs a B protocol with it and publishes.
    await listUnderId(copB, published, { title: 'Défacé par B', language: 'fr', createdBy: b.member.user.id }, ['Texte de B.']);
    const mine = await newProtocol(copB, b.member, "B's protocol", ["B's text."]);
    pairProtocols(workspaceOf(copB), mine, published);
    await store(copB, workspaceDocName(copB.id), workspaceOf(copB));
    await approve(copB, b.member, b.facilitator, mine);
    const attempt = await publish(copB, b.facilitator, mine, { summary: 'B summary', counterpartSummary: 'Résumé de B' });

    // B publishes only its own protocol, as a new item of its own; A's item is untouched.
    expect(attempt.status).toBe(201);
    expect(attempt.json.itemId).not.toBe(v1.json.itemId);
    expect(attempt.json.fr).toBeNull();
    const itemA = await api(server, `/api/resources/${v1.json.itemId}`, { cookie: a.member.cookie });
    expect(itemA.json).toMatchObject({ copId: copA.id, latestVersion: 1, title: { fr: 'Guide de A' } });
    expect(itemA.json.latest.fr.html).toBe('<p>Le texte de A.</p>');
    expect(itemA.json.latest.en).toBeNull();
    expect((await status(copA, a.member, published)).state).toBe('published');
  });

  it("refuses to let another COP's member take this COP's draft by naming its id first", async () => {
    const draft = await newProtocol(copA, a.member, 'Fresh draft of A', ['Draft text.']);
    await listUnderId(copB, draft, { title: 'Claimed by B', language: 'en', createdBy: b.member.user.id }, ['B text.']);
    // B's step concerns B's own entry only …
    expect((await step(copB, b.member, draft, 'propose_review', 'B was here first')).status).toBe(200);
    // … A's own people keep working on A's protocol.
    const own = await step(copA, a.member, draft, 'propose_review', 'Ready');
    expect(own.status, JSON.stringify(own.json)).toBe(200);
    expect((await step(copA, a.facilitator, draft, 'approve')).status).toBe(200);
    const mine = await status(copA, a.facilitator, draft);
    expect(mine.state).toBe('approved');
    expect(mine.timeline.map((t: { comment: string }) => t.comment)).toEqual(['Ready', '']);
    expect(JSON.stringify(mine)).not.toContain('B was here first');
  });

  it("refuses to show this COP's lifecycle timeline to a former member through another COP's path", async () => {
    const id = await newProtocol(copA, a.member, 'Sensitive protocol', ['Sensitive.']);
    expect((await step(copA, a.member, id, 'propose_review')).status).toBe(200);
    expect((await step(copA, a.facilitator, id, 'request_changes', 'Reviewer: the budget figures are wrong')).status).toBe(200);
    removeMembership(server.context, copA.id, leaver.user.id);
    expect((await api(server, `${path(copA, id)}/status`, { cookie: leaver.cookie })).status).toBe(403);

    await listUnderId(copB, id, { title: 'Peek', language: 'en', createdBy: leaver.user.id }, ['Peek.']);
    const peek = await api(server, `${path(copB, id)}/status`, { cookie: leaver.cookie });
    expect(peek.status).toBe(200);
    expect(peek.json.timeline).toEqual([]);
    expect(peek.json.state).toBe('draft');
    expect(peek.text).not.toContain('budget figures');
  });

  it("keeps another COP's unpublished text and lifecycle out of this COP's records.zip", async () => {
    const id = await newProtocol(copA, a.member, 'Taken-down protocol of A', ['Secret text of A, taken down.']);
    await approve(copA, a.member, a.facilitator, id, "A's reviewer: checked line by line");
    const v = await publish(copA, a.facilitator, id, { summary: 'Secret summary of A' });
    expect(v.status).toBe(201);
    expect((await api(server, `/api/resources/${v.json.itemId}/unpublish`, { body: { comment: 'Withdrawn by A' }, cookie: manager.cookie })).status).toBe(204);

    await listUnderId(copB, id, { title: 'Harvest', language: 'en', createdBy: b.facilitator.user.id }, ['Harvest.']);
    const res = await fetch(`${server.url}/api/cops/${copB.id}/records.zip`, { headers: { cookie: b.facilitator.cookie } });
    expect(res.status).toBe(200);
    const zip = await JSZip.loadAsync(await res.arrayBuffer());
    const contents = await Promise.all(Object.values(zip.files).filter((f) => !f.dir).map(async (f) => `${f.name}\n${await f.async('string')}`));
    const all = contents.join('\n');
    expect(all).not.toContain('Secret text of A');
    expect(all).not.toContain('Secret summary of A');
    expect(all).not.toContain('checked line by line');
    expect(all).not.toContain('Withdrawn by A');
    expect(Object.keys(zip.files).filter((n) => n.includes(v.json.itemId))).toEqual([]);
    expect(JSON.parse(await zip.file(`protocols/${id}-lifecycle.json`)!.async('string'))).toEqual([]);
  });
});

describe('approval pins what was reviewed', () => {
  it('publishes the approved text and title, not edits made after approval', async () => {
    const id = await newProtocol(copA, a.member, 'Reviewed title', ['The reviewed text.']);
    await approve(copA, a.member, a.facilitator, id);
    // A member edits the text and the title after the approval.
    await writeText(copA, id, ['An unreviewed edit.']);
    documentsMap(workspaceOf(copA)).get(id)!.set('title', 'Unreviewed title');
    await store(copA, workspaceDocName(copA.id), workspaceOf(copA));

    const before = await status(copA, a.facilitator, id);
    expect(before.state).toBe('approved');
    expect(before.approval).toMatchObject({ by: a.facilitator.user.id, byName: a.facilitator.user.name, editedSince: true });

    const v = await publish(copA, a.facilitator, id);
    expect(v.status).toBe(201);
    expect(v.json.en).toMatchObject({ title: 'Reviewed title', html: '<p>The reviewed text.</p>' });
    expect(v.json.en.text).not.toContain('unreviewed');
  });

  it('says an approved protocol has not been edited since when it has not', async () => {
    const id = await newProtocol(copA, a.member, 'Untouched', ['Untouched text.']);
    await approve(copA, a.member, a.facilitator, id);
    expect((await status(copA, a.member, id)).approval).toMatchObject({ editedSince: false });
  });
});

describe('people in public data', () => {
  it('keeps authors and the publisher out of every public route and export', async () => {
    const id = await newProtocol(copA, a.member, 'Public protocol', ['Public text.']);
    await approve(copA, a.member, a.facilitator, id);
    const v = await publish(copA, a.facilitator, id, { summary: 'Public summary', authors: [a.observer.user.id] });
    expect(v.status).toBe(201);
    expect((await api(server, `/api/resources/${v.json.itemId}`, { method: 'PATCH', body: { public: true }, cookie: manager.cookie })).status).toBe(200);
    // Signed-in people of the programme see the authors.
    expect((await api(server, `/api/resources/${v.json.itemId}/versions/1`, { cookie: b.member.cookie })).json.authors.map((x: { name: string }) => x.name)).toContain(
      a.observer.user.name
    );

    const people = [a.member, a.facilitator, a.observer].flatMap((p) => [p.user.id, p.user.name, p.user.email]);
    const base = `/api/public/resources/${v.json.itemId}`;
    const answers = [
      await api(server, '/api/public/resources'),
      await api(server, base),
      await api(server, `${base}/versions/1`),
      await api(server, `${base}/versions/1/export/md`)
    ];
    for (const res of answers) {
      expect(res.status).toBe(200);
      for (const p of people) expect(res.text).not.toContain(p);
      expect(res.text).not.toMatch(/"(authors|publishedBy)"/);
    }
    expect(answers[2]!.json).toMatchObject({ version: 1, en: { title: 'Public protocol' } });
    expect(answers[3]!.text).toContain('Public text.');
    expect(answers[3]!.text).toContain('COP A');
    const docx = await fetch(`${server.url}${base}/versions/1/export/docx`);
    const xml = await (await JSZip.loadAsync(await docx.arrayBuffer())).file('word/document.xml')!.async('string');
    expect(xml).toContain('Public text.');
    for (const p of people) expect(xml).not.toContain(p);
  });
});

describe('authors are people of the publishing COP', () => {
  it('refuses to publish naming authors from outside the publishing COP', async () => {
    const id = await newProtocol(copB, b.member, 'B guide', ['B guide text.']);
    await approve(copB, b.member, b.facilitator, id);
    const spoofed = await publish(copB, b.facilitator, id, { summary: 'B', authors: [manager.user.id, a.facilitator.user.id] });
    expect(spoofed.status).toBe(400);
    expect(spoofed.json.error.code).toBe('invalid_input');
    expect(spoofed.json.error.message).toMatch(/authors: .*not a member of this COP/);
    expect((await status(copB, b.facilitator, id)).state).toBe('approved');
    expect((await status(copB, b.facilitator, id)).resourceItemId).toBeNull();

    const fine = await publish(copB, b.facilitator, id, { summary: 'B', authors: [b.observer.user.id] });
    expect(fine.status).toBe(201);
    expect(fine.json.authors.map((x: { id: string }) => x.id).sort()).toEqual([b.member.user.id, b.observer.user.id].sort());
  });

  it('drops a creator or last editor written into the workspace who is not of the publishing COP', async () => {
    const id = await newProtocol(copB, b.member, 'Forged creator', ['Text.']);
    const entry = documentsMap(workspaceOf(copB)).get(id)!;
    entry.set('createdBy', manager.user.id);
    entry.set('lastEditedBy', a.facilitator.user.id);
    await store(copB, workspaceDocName(copB.id), workspaceOf(copB));
    await approve(copB, b.member, b.facilitator, id);
    const v = await publish(copB, b.facilitator, id, { summary: 'B', authors: [b.member.user.id] });
    expect(v.status).toBe(201);
    expect(v.json.authors.map((x: { id: string }) => x.id)).toEqual([b.member.user.id]);
  });
});

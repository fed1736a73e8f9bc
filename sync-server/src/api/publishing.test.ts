// From draft to the Resource Centre: lifecycle permissions, publishing versions, public items,
// translation status, accent-insensitive search and exports, against the real server.
import { writeJson, type RichTextNode } from '@atelier/rich-text';
import { createDocument, documentDocName, pairProtocols, touchDocument, workspaceDocName } from '@atelier/workspace';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Cop } from '../accounts/cops';
import { SqliteDocumentStore } from '../sync/sqlite-document-store';
import { api, createPerson, createTestCop, joinCop, startTestServer, type Person, type TestServer } from '../test-support/test-server';

type Role = 'anonymous' | 'outsider' | 'observer' | 'member' | 'facilitator' | 'manager';
let server: TestServer;
let cop: Cop;
const people = {} as Record<Exclude<Role, 'anonymous'>, Person>;
let workspace: Y.Doc;

beforeAll(async () => {
  server = await startTestServer();
  people.manager = await createPerson(server, { isManager: true });
  cop = createTestCop(server, people.manager.user, 'Change Management COP');
  for (const role of ['facilitator', 'member', 'observer'] as const) {
    people[role] = await createPerson(server, { name: `The ${role}` });
    joinCop(server, cop, people[role], role);
  }
  people.outsider = await createPerson(server);
  workspace = new Y.Doc();
});
afterAll(() => server.dispose());

/** Stores a document on the server as the sync server would have after clients sent it. */
async function store(name: string, doc: Y.Doc) {
  const documents = new SqliteDocumentStore(server.db);
  await documents.load(name, cop.id);
  await documents.append([{ name, updates: [Y.encodeStateAsUpdate(doc)] }]);
}

const paragraphs = (...lines: string[]): RichTextNode => ({
  type: 'doc',
  content: lines.map((l) => ({ type: 'paragraph', content: [{ type: 'text', text: l }] }))
});

async function newProtocol(title: string, language: 'en' | 'fr', lines: string[], by = people.member): Promise<string> {
  const id = createDocument(workspace, { kind: 'protocol', title, language, createdBy: by.user.id });
  await store(workspaceDocName(cop.id), workspace);
  const text = new Y.Doc();
  writeJson(text, paragraphs(...lines));
  await store(documentDocName(cop.id, 'protocol', id), text);
  return id;
}

const step = (who: Person | undefined, protocolId: string, action: string, comment?: string) =>
  api(server, `/api/cops/${cop.id}/protocols/${protocolId}/transitions`, { body: { action, comment }, cookie: who?.cookie });
const publish = (who: Person | undefined, protocolId: string, body: Record<string, unknown> = { summary: 'A summary' }) =>
  api(server, `/api/cops/${cop.id}/protocols/${protocolId}/publish`, { body, cookie: who?.cookie });

async function bringTo(protocolId: string, state: 'draft' | 'in_review' | 'approved' | 'published') {
  if (state === 'draft') return;
  expect((await step(people.member, protocolId, 'propose_review')).status).toBe(200);
  if (state === 'in_review') return;
  expect((await step(people.facilitator, protocolId, 'approve')).status).toBe(200);
  if (state === 'approved') return;
  expect((await publish(people.facilitator, protocolId)).status).toBe(201);
}

describe('protocol lifecycle permissions', () => {
  const ROWS: { action: string; from: 'draft' | 'in_review' | 'approved' | 'published'; allowed: Role[] }[] = [
    { action: 'propose_review', from: 'draft', allowed: ['member', 'facilitator', 'manager'] },
    { action: 'withdraw', from: 'in_review', allowed: ['member', 'facilitator', 'manager'] },
    { action: 'request_changes', from: 'in_review', allowed: ['facilitator', 'manager'] },
    { action: 'approve', from: 'in_review', allowed: ['facilitator', 'manager'] },
    { action: 'publish', from: 'approved', allowed: ['facilitator', 'manager'] },
    { action: 'start_revision', from: 'published', allowed: ['member', 'facilitator', 'manager'] }
  ];
  const ROLES: Role[] = ['anonymous', 'outsider', 'observer', 'member', 'facilitator', 'manager'];
  for (const row of ROWS) {
    it.each(ROLES)(`${row.action} from ${row.from} as %s`, async (role) => {
      const id = await newProtocol(`Protocol ${row.action} ${role}`, 'en', ['Text']);
      await bringTo(id, row.from);
      const who = role === 'anonymous' ? undefined : people[role];
      const res = row.action === 'publish' ? await publish(who, id) : await step(who, id, row.action);
      const expected = row.allowed.includes(role) ? (row.action === 'publish' ? 201 : 200) : role === 'anonymous' ? 401 : 403;
      expect(res.status, JSON.stringify(res.json)).toBe(expected);
    });
  }

  it('refuses a step from the wrong state with 409, and records every step in the timeline', async () => {
    const id = await newProtocol('Timeline protocol', 'en', ['Text']);
    expect((await step(people.facilitator, id, 'approve')).status).toBe(409);
    await step(people.member, id, 'propose_review', 'Ready for the March session');
    await step(people.facilitator, id, 'request_changes', 'Add the checklist');
    const status = await api(server, `/api/cops/${cop.id}/protocols/${id}/status`, { cookie: people.observer.cookie });
    expect(status.json.state).toBe('draft');
    expect(status.json.timeline.map((t: { action: string; actorName: string; comment: string }) => [t.action, t.actorName, t.comment])).toEqual([
      ['propose_review', 'The member', 'Ready for the March session'],
      ['request_changes', 'The facilitator', 'Add the checklist']
    ]);
  });

  it('lets only the programme manager unpublish, which takes the item out of the Resource Centre', async () => {
    const id = await newProtocol('Soon unpublished', 'en', ['Unpublish me']);
    await bringTo(id, 'published');
    const itemId = (await api(server, `/api/cops/${cop.id}/protocols/${id}/status`, { cookie: people.member.cookie })).json.resourceItemId;
    expect((await api(server, `/api/resources/${itemId}/unpublish`, { body: {}, cookie: people.facilitator.cookie })).status).toBe(403);
    expect((await api(server, `/api/resources/${itemId}/unpublish`, { body: { comment: 'Outdated' }, cookie: people.manager.cookie })).status).toBe(204);
    expect((await api(server, `/api/resources/${itemId}`, { cookie: people.member.cookie })).status).toBe(404);
    const status = await api(server, `/api/cops/${cop.id}/protocols/${id}/status`, { cookie: people.member.cookie });
    expect(status.json.state).toBe('approved');
    expect(status.json.timeline.at(-1)).toMatchObject({ action: 'unpublish', comment: 'Outdated' });
  });
});

describe('publishing', () => {
  it('publishing twice yields v1 and v2, and v1 stays as it was', async () => {
    const id = await newProtocol('Quarterly portfolio review', 'en', ['First edition of the review steps.']);
    await bringTo(id, 'approved');
    const v1 = await publish(people.facilitator, id, { summary: 'How to run a quarterly review', changeSummary: 'First edition' });
    expect(v1.status).toBe(201);
    expect(v1.json).toMatchObject({ version: 1, en: { title: 'Quarterly portfolio review', summary: 'How to run a quarterly review' }, fr: null });
    expect(v1.json.en.html).toBe('<p>First edition of the review steps.</p>');
    expect(v1.json.authors.map((a: { name: string }) => a.name)).toContain('The member');

    // The COP revises the text and publishes again.
    await step(people.member, id, 'start_revision');
    const text = new Y.Doc();
    writeJson(text, paragraphs('Second edition, with a checklist.'));
    await store(documentDocName(cop.id, 'protocol', id), text);
    await bringTo(id, 'approved');
    const v2 = await publish(people.manager, id, { summary: 'Now with a checklist', changeSummary: 'Adds a checklist' });
    expect(v2.json.version).toBe(2);
    expect(v2.json.itemId).toBe(v1.json.itemId);

    const first = await api(server, `/api/resources/${v1.json.itemId}/versions/1`, { cookie: people.outsider.cookie });
    expect(first.json.en.html).toBe('<p>First edition of the review steps.</p>');
    expect(first.json.changeSummary).toBe('First edition');
    const item = await api(server, `/api/resources/${v1.json.itemId}`, { cookie: people.outsider.cookie });
    expect(item.json.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(item.json.latest.en.html).toContain('Second edition');
    // The record is immutable even to the database's own code.
    expect(() => server.db.prepare('UPDATE resource_versions SET en_html = ? WHERE item_id = ?').run('x', v1.json.itemId)).toThrow(/immutable/);
  });

  it('publishes a paired protocol in both languages once the translation is approved', async () => {
    const en = await newProtocol('Change communication plan', 'en', ['Three phases of communication.']);
    const fr = await newProtocol('Plan de communication du changement', 'fr', ['Trois phases de communication à l’échelle du ministère.']);
    pairProtocols(workspace, en, fr);
    await store(workspaceDocName(cop.id), workspace);
    await bringTo(en, 'approved');
    await bringTo(fr, 'approved');
    const res = await publish(people.facilitator, en, { summary: 'Plan in three phases', counterpartSummary: 'Plan en trois phases' });
    expect(res.status).toBe(201);
    expect(res.json.en.title).toBe('Change communication plan');
    expect(res.json.fr).toMatchObject({ title: 'Plan de communication du changement', summary: 'Plan en trois phases' });
    const frStatus = await api(server, `/api/cops/${cop.id}/protocols/${fr}/status`, { cookie: people.member.cookie });
    expect(frStatus.json.state).toBe('published');

    // Search finds the French text typed without accents, and the English one.
    const found = await api(server, '/api/resources?q=echelle%20ministere', { cookie: people.outsider.cookie });
    expect(found.json.map((i: { id: string }) => i.id)).toEqual([res.json.itemId]);
    expect(found.json[0]).toMatchObject({ languages: ['en', 'fr'], translationPending: false, copName: 'Change Management COP' });
    const english = await api(server, '/api/resources?q=COMMUNICATION%20phases&language=en', { cookie: people.outsider.cookie });
    expect(english.json.map((i: { id: string }) => i.id)).toContain(res.json.itemId);
  });

  it('reports "translation pending" when one side of a pair changes, and not once it is brought in line', async () => {
    const en = await newProtocol('Intake mapping', 'en', ['Map the intake.']);
    const fr = await newProtocol('Cartographie de l’accueil', 'fr', ['Cartographier l’accueil.']);
    pairProtocols(workspace, en, fr);
    await store(workspaceDocName(cop.id), workspace);
    const status = async (id: string) => (await api(server, `/api/cops/${cop.id}/protocols/${id}/status`, { cookie: people.member.cookie })).json;
    expect((await status(fr)).translationPending).toBe(false);
    touchDocument(workspace, en, people.member.user.id, undefined, Date.now() + 60_000);
    await store(workspaceDocName(cop.id), workspace);
    expect(await status(fr)).toMatchObject({ translationPending: true, behind: true, counterpart: { protocolId: en, behind: false } });
    expect(await status(en)).toMatchObject({ translationPending: true, behind: false, counterpart: { protocolId: fr, behind: true } });
    const lone = await newProtocol('Only in English', 'en', ['Alone.']);
    expect((await status(lone)).translationPending).toBe(true);
  });

  it('makes an item readable without an account only when the manager marks it public', async () => {
    const id = await newProtocol('Public guide', 'en', ['For everyone.']);
    await bringTo(id, 'approved');
    const { json } = await publish(people.facilitator, id, { summary: 'A guide for all', public: true });
    // Facilitators cannot make an item public; the manager can.
    expect((await api(server, `/api/public/resources/${json.itemId}`)).status).toBe(404);
    expect((await api(server, `/api/resources/${json.itemId}`)).status).toBe(401);
    expect((await api(server, `/api/resources/${json.itemId}`, { method: 'PATCH', body: { public: true }, cookie: people.facilitator.cookie })).status).toBe(403);
    expect((await api(server, `/api/resources/${json.itemId}`, { method: 'PATCH', body: { public: true }, cookie: people.manager.cookie })).status).toBe(200);
    const open = await api(server, `/api/public/resources/${json.itemId}`);
    expect(open.status).toBe(200);
    expect(open.json.latest.en.html).toBe('<p>For everyone.</p>');
    expect(open.json.latest.authors).toBeUndefined();
  });
});

describe('exports', () => {
  it('exports a draft and a published version as Markdown and as a DOCX that opens', async () => {
    const id = await newProtocol('Workshop protocol', 'fr', ['Préparer la salle.', 'Inviter les participants.']);
    const md = await api(server, `/api/cops/${cop.id}/protocols/${id}/export/md`, { cookie: people.observer.cookie });
    expect(md.headers.get('content-disposition')).toMatch(/attachment; filename="Workshop-protocol.md"/);
    expect(md.text).toBe('# Workshop protocol\n\nPréparer la salle.\n\nInviter les participants.\n');
    const res = await fetch(`${server.url}/api/cops/${cop.id}/protocols/${id}/export/docx`, { headers: { cookie: people.observer.cookie } });
    const zip = await JSZip.loadAsync(await res.arrayBuffer());
    const xml = await zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('Préparer la salle.');
    expect(xml).toContain('Workshop protocol');

    await bringTo(id, 'approved');
    const v = (await publish(people.facilitator, id, { summary: 'Résumé' })).json;
    const vdocx = await fetch(`${server.url}/api/resources/${v.itemId}/versions/1/export/docx?language=fr`, { headers: { cookie: people.outsider.cookie } });
    const vzip = await JSZip.loadAsync(await vdocx.arrayBuffer());
    expect(await vzip.file('word/document.xml')!.async('string')).toContain('Inviter les participants.');
  });

  it('exports the whole COP as a zip of JSON and Markdown, for facilitators only', async () => {
    expect((await api(server, `/api/cops/${cop.id}/records.zip`, { cookie: people.member.cookie })).status).toBe(403);
    const res = await fetch(`${server.url}/api/cops/${cop.id}/records.zip`, { headers: { cookie: people.facilitator.cookie } });
    expect(res.status).toBe(200);
    const zip = await JSZip.loadAsync(await res.arrayBuffer());
    const names = Object.keys(zip.files);
    expect(names).toContain('cop.json');
    expect(names).toContain('workspace.json');
    expect(names.some((n) => n.startsWith('protocols/') && n.endsWith('Workshop-protocol.md'))).toBe(true);
    expect(names.some((n) => n.startsWith('resource-centre/'))).toBe(true);
    const copJson = JSON.parse(await zip.file('cop.json')!.async('string'));
    expect(copJson.members.map((m: { name: string }) => m.name)).toContain('The observer');
  });
});

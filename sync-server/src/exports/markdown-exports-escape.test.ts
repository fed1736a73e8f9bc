// Markdown exports are opened by whatever renders Markdown, and most renderers pass raw HTML
// through. The rich-text renderer escaped the body, but the server wrote titles around it as they
// were: a protocol, note or meeting titled `<img src=x onerror=…>` put live HTML into the file,
// and a title with a line break started a list or a link of its own. Titles (and published
// summaries) now go through markdownLine / markdownParagraphs.
import { writeJson } from '@atelier/rich-text';
import { createDocument, createMeeting, documentDocName, documentsMap, meetingsMap, workspaceDocName } from '@atelier/workspace';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Cop } from '../accounts/cops';
import { SqliteDocumentStore } from '../sync/sqlite-document-store';
import { api, createPerson, createTestCop, joinCop, startTestServer, type Person, type TestServer } from '../test-support/test-server';

const HOSTILE = '<img src=x onerror=alert(1)>\n- [click](javascript:alert(1))';

let server: TestServer;
let cop: Cop;
let facilitator: Person;
let protocolId: string;
let noteId: string;
let meetingId: string;

beforeAll(async () => {
  server = await startTestServer();
  const manager = await createPerson(server, { isManager: true });
  cop = createTestCop(server, manager.user, 'Escaping COP');
  facilitator = await createPerson(server);
  joinCop(server, cop, facilitator, 'facilitator');
  const ws = new Y.Doc();
  protocolId = createDocument(ws, { kind: 'protocol', title: 'placeholder', language: 'en', createdBy: facilitator.user.id });
  noteId = createDocument(ws, { kind: 'note', title: 'placeholder', language: 'en', createdBy: facilitator.user.id });
  meetingId = createMeeting(ws, { title: 'placeholder', startsAt: '2026-03-14T14:00:00Z', timeZone: 'America/Toronto' });
  // Written past the setters, as a client that skips them would.
  for (const id of [protocolId, noteId]) documentsMap(ws).get(id)!.set('title', HOSTILE);
  meetingsMap(ws).get(meetingId)!.set('title', HOSTILE);
  const text = new Y.Doc();
  writeJson(text, { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Body' }] }] });
  const store = new SqliteDocumentStore(server.db);
  const docs: [string, Y.Doc][] = [
    [workspaceDocName(cop.id), ws],
    [documentDocName(cop.id, 'protocol', protocolId), text],
    [documentDocName(cop.id, 'note', noteId), text]
  ];
  for (const [name, doc] of docs) {
    await store.load(name, cop.id);
    await store.append([{ name, updates: [Y.encodeStateAsUpdate(doc)] }]);
  }
});
afterAll(() => server.dispose());

/** The title line of a Markdown file must hold the whole title, as literal text. */
function expectSafeTitle(markdown: string) {
  const [first, second] = markdown.split('\n');
  expect(first).toBe('# &lt;img src=x onerror=alert(1)&gt; - \\[click\\](javascript:alert(1))');
  expect(second).toBe('');
  expect(markdown).not.toMatch(/<img|(?<!\\)\]\(javascript:|^- \[/m);
}

describe('Markdown exports write titles as text', () => {
  it('a protocol’s title cannot become HTML, a list or a link in its Markdown export', async () => {
    const res = await api(server, `/api/cops/${cop.id}/protocols/${protocolId}/export/md`, { cookie: facilitator.cookie });
    expect(res.status).toBe(200);
    expectSafeTitle(res.text);
  });

  it('a meeting’s title cannot become HTML, a list or a link in its minutes', async () => {
    const res = await api(server, `/api/cops/${cop.id}/meetings/${meetingId}/minutes/md`, { cookie: facilitator.cookie });
    expect(res.status).toBe(200);
    expectSafeTitle(res.text);
  });

  it('a published version’s Markdown writes its title and summary as text', async () => {
    const step = (action: string) => api(server, `/api/cops/${cop.id}/protocols/${protocolId}/transitions`, { cookie: facilitator.cookie, body: { action } });
    expect((await step('propose_review')).status).toBe(200);
    expect((await step('approve')).status).toBe(200);
    const published = await api(server, `/api/cops/${cop.id}/protocols/${protocolId}/publish`, { cookie: facilitator.cookie, body: { summary: '<script>alert(1)</script>\n# Not a heading' } });
    expect(published.status).toBe(201);
    const res = await api(server, `/api/resources/${published.json.itemId}/versions/1/export/md`, { cookie: facilitator.cookie });
    expect(res.status).toBe(200);
    expectSafeTitle(res.text);
    expect(res.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(res.text).not.toMatch(/<script|^# Not a heading/m);
  });

  it('note, protocol, minutes and published-version files in records.zip carry their titles as text', async () => {
    const res = await fetch(`${server.url}/api/cops/${cop.id}/records.zip`, { headers: { cookie: facilitator.cookie } });
    const zip = await JSZip.loadAsync(await res.arrayBuffer());
    const markdown = Object.keys(zip.files).filter((n) => n.endsWith('.md'));
    // The note, the protocol, the minutes and the version published above.
    expect(markdown.length).toBe(4);
    for (const name of markdown) expectSafeTitle(await zip.file(name)!.async('string'));
  });
});

// Building an export is CPU work of seconds for a large document. On the event loop it stalls
// every socket and request: six DOCX exports at once of a ~6 MiB, 3,000-paragraph protocol
// made /healthz wait 2.6 s. Exports are built in a worker pool; this test runs those six
// exports while polling /healthz and checks the server kept answering.
import { writeJson, type RichTextNode } from '@atelier/rich-text';
import { createDocument, documentDocName, workspaceDocName } from '@atelier/workspace';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Cop } from '../accounts/cops';
import { SqliteDocumentStore } from '../sync/sqlite-document-store';
import { createPerson, createTestCop, joinCop, startTestServer, type Person, type TestServer } from '../test-support/test-server';

let server: TestServer;
let cop: Cop;
let member: Person;
let protocolId: string;

const PARAGRAPHS = 3_000;
const WORDS = 'Les protocoles de la communauté décrivent comment préparer une séance de travail et en garder la trace. ';

beforeAll(async () => {
  server = await startTestServer();
  const manager = await createPerson(server, { isManager: true });
  cop = createTestCop(server, manager.user, 'Large protocols COP');
  member = await createPerson(server);
  joinCop(server, cop, member, 'member');
  const ws = new Y.Doc();
  protocolId = createDocument(ws, { kind: 'protocol', title: 'A very long protocol', language: 'fr', createdBy: member.user.id });
  const text = new Y.Doc();
  const body: RichTextNode = {
    type: 'doc',
    content: Array.from({ length: PARAGRAPHS }, (_, i) => ({ type: 'paragraph', content: [{ type: 'text', text: `${i + 1}. ${WORDS.repeat(19)}` }] }))
  };
  writeJson(text, body);
  const store = new SqliteDocumentStore(server.db);
  for (const [name, doc] of [[workspaceDocName(cop.id), ws], [documentDocName(cop.id, 'protocol', protocolId), text]] as const) {
    await store.load(name, cop.id);
    await store.append([{ name, updates: [Y.encodeStateAsUpdate(doc)] }]);
  }
  expect(Y.encodeStateAsUpdate(text).length).toBeGreaterThan(5 * 1024 * 1024);
}, 120_000);
afterAll(() => server.dispose());

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

describe('exports off the event loop', () => {
  it('six concurrent DOCX exports of a 6 MiB protocol leave /healthz answering quickly', async () => {
    const url = `${server.url}/api/cops/${cop.id}/protocols/${protocolId}/export/docx`;
    const latencies: number[] = [];
    let exporting = true;
    let failures = 0;
    const poll = (async () => {
      while (exporting) {
        const start = performance.now();
        try {
          const res = await fetch(`${server.url}/healthz`);
          await res.arrayBuffer();
          latencies.push(performance.now() - start);
        } catch {
          // A keep-alive socket the stalled server timed out: the wait still counts, as a failure.
          failures++;
          latencies.push(performance.now() - start);
        }
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const started = performance.now();
    const answers = await Promise.all(
      Array.from({ length: 6 }, async () => {
        const res = await fetch(url, { headers: { cookie: member.cookie } });
        return { status: res.status, retryAfter: res.headers.get('retry-after'), body: new Uint8Array(await res.arrayBuffer()) };
      })
    );
    const elapsed = performance.now() - started;
    exporting = false;
    await poll;
    const p95 = percentile(latencies, 95);
    console.log(
      `exports: ${answers.map((a) => a.status).join(',')} in ${Math.round(elapsed)} ms; /healthz polls ${latencies.length} (${failures} failed), p50 ${Math.round(percentile(latencies, 50))} ms, p95 ${Math.round(p95)} ms, max ${Math.round(Math.max(...latencies))} ms`
    );
    for (const a of answers) expect(a.status).toBe(200);
    const xml = await (await JSZip.loadAsync(answers[0]!.body)).file('word/document.xml')!.async('string');
    expect(xml).toContain(`${PARAGRAPHS}. Les protocoles`);
    expect(failures).toBe(0);
    expect(p95).toBeLessThan(250);
  }, 180_000);
});

describe('records off the event loop', () => {
  it('a records.zip of a COP holding the 6 MiB protocol leaves /healthz answering quickly', async () => {
    const facilitator = await createPerson(server);
    joinCop(server, cop, facilitator, 'facilitator');
    const latencies: number[] = [];
    let exporting = true;
    const poll = (async () => {
      while (exporting) {
        const start = performance.now();
        await (await fetch(`${server.url}/healthz`)).arrayBuffer();
        latencies.push(performance.now() - start);
        await new Promise((r) => setTimeout(r, 20));
      }
    })();
    const res = await fetch(`${server.url}/api/cops/${cop.id}/records.zip`, { headers: { cookie: facilitator.cookie } });
    const zip = await JSZip.loadAsync(await res.arrayBuffer());
    exporting = false;
    await poll;
    console.log(`records.zip: ${res.status}; /healthz polls ${latencies.length}, p95 ${Math.round(percentile(latencies, 95))} ms, max ${Math.round(Math.max(...latencies))} ms`);
    expect(res.status).toBe(200);
    const protocol = Object.keys(zip.files).find((n) => n.startsWith(`protocols/${protocolId}-`) && n.endsWith('.md'))!;
    expect(await zip.file(protocol)!.async('string')).toContain(`${PARAGRAPHS}\\. Les protocoles`);
    expect(percentile(latencies, 95)).toBeLessThan(250);
  }, 120_000);
});

describe('a full export queue', () => {
  it('answers 503 with Retry-After, in the person’s language, instead of queueing without bound', async () => {
    const small = await startTestServer({ EXPORT_CONCURRENCY: '1', EXPORT_QUEUE_LIMIT: '1' });
    try {
      const manager = await createPerson(small, { isManager: true });
      const smallCop = createTestCop(small, manager.user, 'Busy COP');
      const person = await createPerson(small);
      joinCop(small, smallCop, person, 'member');
      small.db.prepare("UPDATE users SET language = 'fr' WHERE id = ?").run(person.user.id);
      const ws = new Y.Doc();
      const id = createDocument(ws, { kind: 'protocol', title: 'Protocole', language: 'fr', createdBy: person.user.id });
      const text = new Y.Doc();
      writeJson(text, { type: 'doc', content: Array.from({ length: 300 }, () => ({ type: 'paragraph', content: [{ type: 'text', text: WORDS }] })) });
      const store = new SqliteDocumentStore(small.db);
      for (const [name, doc] of [[workspaceDocName(smallCop.id), ws], [documentDocName(smallCop.id, 'protocol', id), text]] as const) {
        await store.load(name, smallCop.id);
        await store.append([{ name, updates: [Y.encodeStateAsUpdate(doc)] }]);
      }
      const url = `${small.url}/api/cops/${smallCop.id}/protocols/${id}/export/docx`;
      const answers = await Promise.all(
        Array.from({ length: 5 }, async () => {
          const res = await fetch(url, { headers: { cookie: person.cookie } });
          return { status: res.status, retryAfter: res.headers.get('retry-after'), body: res.status === 503 ? await res.json() : await res.arrayBuffer() };
        })
      );
      // One builds, one waits; the other three are refused at once.
      expect(answers.filter((a) => a.status === 200)).toHaveLength(2);
      const refused = answers.filter((a) => a.status === 503);
      expect(refused).toHaveLength(3);
      for (const r of refused) {
        expect(Number(r.retryAfter)).toBeGreaterThanOrEqual(1);
        expect(r.body).toEqual({ error: { code: 'unavailable', message: 'Le serveur produit trop d’exportations à la fois. Réessayez dans quelques secondes.' } });
      }
      // Once the queue drains, exports are accepted again.
      expect((await fetch(url, { headers: { cookie: person.cookie } })).status).toBe(200);
    } finally {
      await small.dispose();
    }
  }, 60_000);
});

// A prepared hub run as operators run it (`venue start`, a child process on 127.0.0.2) against a
// real central (this process, 127.0.0.1): admission by venue pass, each refusal's close code,
// observers read-only, health, and `venue end`.
import { createDocument, documentDocName, workspaceDocName } from '@atelier/workspace';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { Cop } from '../accounts/cops';
import { SqliteDocumentStore } from '../sync/sqlite-document-store';
import { CloseCode } from '../sync/protocol';
import { runCli, startChildHub, type ChildHub } from '../test-support/child-hub';
import { api, createPerson, createTestCop, joinCop, startTestServer, TEST_PASSWORD, type Person, type TestServer } from '../test-support/test-server';
import { venueSigningKey } from './signing-key';
import { PASS_LIFETIME_SECONDS, signVenuePass } from './venue-pass';

let central: TestServer;
let manager: Person;
let facilitator: Person;
let member: Person;
let observer: Person;
let latecomer: Person;
let cop: Cop;
let otherCop: Cop;
let noteName: string;
let hub: ChildHub;
const hubDir = mkdtempSync(join(tmpdir(), 'atelier-hub-'));

const passFor = async (person: Person, cops?: string[]) =>
  (await api(central, '/api/venue/pass', { body: cops ? { cops } : {}, cookie: person.cookie })).json.pass as string;

beforeAll(async () => {
  central = await startTestServer();
  manager = await createPerson(central, { isManager: true });
  facilitator = await createPerson(central, { email: 'fatima.hub@example.ca' });
  member = await createPerson(central);
  observer = await createPerson(central);
  latecomer = await createPerson(central);
  cop = createTestCop(central, manager.user, 'Portfolio Management Circle');
  otherCop = createTestCop(central, manager.user, 'Other COP');
  joinCop(central, cop, facilitator, 'facilitator');
  joinCop(central, cop, member, 'member');
  joinCop(central, otherCop, member, 'member');
  joinCop(central, cop, observer, 'observer');
  const workspace = new Y.Doc();
  const noteId = createDocument(workspace, { kind: 'note', title: 'Session notes', language: 'en', createdBy: facilitator.user.id });
  noteName = documentDocName(cop.id, 'note', noteId);
  const note = new Y.Doc();
  note.getText('t').insert(0, 'Agenda: budget.');
  const store = new SqliteDocumentStore(central.db);
  await store.load(workspaceDocName(cop.id), cop.id);
  await store.load(noteName, cop.id);
  await store.append([
    { name: workspaceDocName(cop.id), updates: [Y.encodeStateAsUpdate(workspace)] },
    { name: noteName, updates: [Y.encodeStateAsUpdate(note)] }
  ]);
  const prepared = await runCli({ DATA_DIR: hubDir }, 'venue', 'prepare', '--upstream', central.url, '--cop', cop.id, '--email', 'fatima.hub@example.ca', '--password', TEST_PASSWORD);
  if (prepared.status !== 0) throw new Error(prepared.stderr);
  // Joined central after the hub was prepared: the hub has not heard of them.
  joinCop(central, cop, latecomer, 'member');
  hub = await startChildHub(hubDir);
}, 60_000);
afterAll(async () => {
  await hub?.kill();
  await central.dispose();
  rmSync(hubDir, { recursive: true, force: true });
});

/** A stock y-websocket client through the hub, admitted by `pass`. */
function client(docName: string, pass: string | undefined, headers: Record<string, string> = {}) {
  const doc = new Y.Doc();
  const Polyfill = class extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  };
  const provider = new WebsocketProvider(hub.wsUrl, docName, doc, {
    WebSocketPolyfill: Polyfill as never,
    disableBc: true,
    params: pass === undefined ? {} : { pass },
    maxBackoffTime: 200
  });
  const closes: number[] = [];
  provider.on('connection-close', (event) => event && closes.push(event.code));
  const synced = () => (provider.synced ? Promise.resolve() : new Promise<void>((resolve) => provider.once('sync', () => resolve())));
  return { doc, provider, closes, synced };
}

async function eventually(check: () => unknown, timeoutMs = 8_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > deadline) throw err;
    }
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function refusedWith(pass: string | undefined, docName = noteName, headers: Record<string, string> = {}) {
  const c = client(docName, pass, headers);
  await eventually(() => expect(c.closes.length).toBeGreaterThan(0));
  c.provider.destroy();
  expect(c.doc.getText('t').toString()).toBe(''); // no byte of the document
  return c.closes[0];
}

describe('a venue hub', () => {
  it('answers healthz in venue mode with central reachable and nothing unconfirmed after prepare', async () => {
    expect(await hub.health()).toMatchObject({ status: 'ok', mode: 'venue', upstream: 'reachable', unconfirmed: 0 });
  });

  it('admits a member by their venue pass and serves the document central had, and two people see each other live', async () => {
    const a = client(noteName, await passFor(member));
    const b = client(noteName, await passFor(facilitator));
    await Promise.all([a.synced(), b.synced()]);
    expect(a.doc.getText('t').toString()).toBe('Agenda: budget.');
    a.doc.getText('t').insert(0, 'Room: ');
    await eventually(() => expect(b.doc.getText('t').toString()).toBe('Room: Agenda: budget.'));
    expect(Buffer.from(Y.encodeStateAsUpdate(a.doc)).equals(Buffer.from(Y.encodeStateAsUpdate(b.doc)))).toBe(true);
    // Central has not seen the edit (no upstream sync yet): one document is unconfirmed.
    await eventually(async () => expect(await hub.health()).toMatchObject({ unconfirmed: 1 }));
    a.provider.destroy();
    b.provider.destroy();
  });

  it('an observer reads through the hub but their edits are never applied', async () => {
    const o = client(noteName, await passFor(observer));
    const m = client(noteName, await passFor(member));
    await Promise.all([o.synced(), m.synced()]);
    const before = m.doc.getText('t').toString();
    o.doc.getText('t').insert(0, 'OBSERVER ');
    m.doc.getText('t').insert(before.length, ' (member)');
    await eventually(() => expect(o.doc.getText('t').toString()).toContain('(member)'));
    expect(m.doc.getText('t').toString()).not.toContain('OBSERVER');
    o.provider.destroy();
    m.provider.destroy();
  });

  it('refuses a missing pass and central’s session cookie with 4406, before any byte', async () => {
    expect(await refusedWith(undefined)).toBe(CloseCode.venuePassInvalid.code);
    expect(await refusedWith(undefined, noteName, { cookie: member.cookie })).toBe(CloseCode.venuePassInvalid.code);
  });

  it('refuses a forged pass (payload changed after signing) with 4406', async () => {
    const [body, signature] = (await passFor(member)).split('.');
    const payload = JSON.parse(Buffer.from(body!, 'base64url').toString());
    payload.sub = facilitator.user.id;
    expect(await refusedWith(`${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${signature}`)).toBe(CloseCode.venuePassInvalid.code);
  });

  it('refuses an expired pass with 4407', async () => {
    const issued = Date.now() - (PASS_LIFETIME_SECONDS + 3600) * 1000;
    const { pass } = signVenuePass(venueSigningKey(central.db), { userId: member.user.id, name: 'M', cops: [{ copId: cop.id, standing: 'member' }] }, issued);
    expect(await refusedWith(pass)).toBe(CloseCode.venuePassExpired.code);
  });

  it('refuses a pass for another COP with 4408', async () => {
    expect(await refusedWith(await passFor(member, [otherCop.id]))).toBe(CloseCode.venuePassOtherCop.code);
  });

  it('refuses a valid pass of a person the hub does not know as a member with 4409', async () => {
    expect(await refusedWith(await passFor(latecomer))).toBe(CloseCode.venueNotMember.code);
  });

  it('says central is unreachable once it stops answering', async () => {
    await central.close();
    await eventually(async () => expect(await hub.health()).toMatchObject({ mode: 'venue', upstream: 'unreachable' }), 10_000);
  });

  it('venue end refuses while edits are unconfirmed, naming the document, and --force wipes', async () => {
    expect(await hub.stop()).toBe(0);
    const refused = await runCli({ DATA_DIR: hubDir }, 'venue', 'end');
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain(noteName);
    expect(refused.stderr).toMatch(/--force/);
    const forced = await runCli({ DATA_DIR: hubDir }, 'venue', 'end', '--force');
    expect(forced.status, forced.stderr).toBe(0);
    const again = await runCli({ DATA_DIR: hubDir }, 'venue', 'end');
    expect(again.stderr).toMatch(/not a venue hub/);
  });
});

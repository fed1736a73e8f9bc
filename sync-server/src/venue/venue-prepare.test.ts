// `pnpm atelier venue prepare` run as operators run it (a child process on its own DATA_DIR)
// against a real central server: what it brings, and each refusal with its message.
import { createDocument, documentDocName, workspaceDocName } from '@atelier/workspace';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Cop } from '../accounts/cops';
import { openDatabase } from '../db/database';
import { readStoredDocument } from '../publishing/stored-document';
import { SqliteDocumentStore } from '../sync/sqlite-document-store';
import { createPerson, createTestCop, joinCop, startTestServer, TEST_PASSWORD, type Person, type TestServer } from '../test-support/test-server';
import { readHubRecord } from './hub-record';
import { verifyVenuePass } from './venue-pass';
import { publicKeyFromBase64url } from './signing-key';
import { api } from '../test-support/test-server';

const cli = fileURLToPath(new URL('../cli.ts', import.meta.url));

/** Runs the CLI without blocking this process, whose event loop serves central. */
function run(dataDir: string, ...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', cli, ...args], {
      env: { ...process.env, DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe']
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (status) => resolve({ status, stdout, stderr }));
  });
}

let central: TestServer;
let manager: Person;
let facilitator: Person;
let member: Person;
let cop: Cop;
let otherCop: Cop;
let noteName: string;
const hubDirs: string[] = [];
const hubDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'atelier-hub-'));
  hubDirs.push(dir);
  return dir;
};

beforeAll(async () => {
  central = await startTestServer();
  manager = await createPerson(central, { isManager: true, email: 'manager@example.ca' });
  facilitator = await createPerson(central, { email: 'fatima@example.ca', name: 'Fatima Facilitator' });
  member = await createPerson(central, { email: 'marc@example.ca', name: 'Marc Member' });
  cop = createTestCop(central, manager.user, 'Portfolio Management Circle');
  otherCop = createTestCop(central, manager.user, 'Other COP');
  joinCop(central, cop, facilitator, 'facilitator');
  joinCop(central, cop, member, 'member');
  joinCop(central, otherCop, facilitator, 'member');
  // The COP's workspace lists a note; the note has its own text.
  const workspace = new Y.Doc();
  const noteId = createDocument(workspace, { kind: 'note', title: 'Session notes', language: 'en', createdBy: facilitator.user.id });
  noteName = documentDocName(cop.id, 'note', noteId);
  const note = new Y.Doc();
  note.getText('body').insert(0, 'Budget first, then the draft protocol.');
  const store = new SqliteDocumentStore(central.db);
  await store.load(workspaceDocName(cop.id), cop.id);
  await store.load(noteName, cop.id);
  await store.append([
    { name: workspaceDocName(cop.id), updates: [Y.encodeStateAsUpdate(workspace)] },
    { name: noteName, updates: [Y.encodeStateAsUpdate(note)] }
  ]);
});
afterAll(async () => {
  await central.dispose();
  for (const dir of hubDirs) rmSync(dir, { recursive: true, force: true });
});

async function storedState(dataDirOrDb: ReturnType<typeof openDatabase>, name: string, copId: string) {
  const doc = await readStoredDocument(new SqliteDocumentStore(dataDirOrDb), name, copId);
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return state;
}

describe('pnpm atelier venue prepare', () => {
  it('a facilitator prepares a hub: device registered, key, members with roles and every listed document stored byte for byte', async () => {
    const dir = hubDir();
    const result = await run(dir, 'venue', 'prepare', '--upstream', central.url, '--cop', cop.id, '--email', 'fatima@example.ca', '--password', TEST_PASSWORD, '--name', 'Salle Laurier');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/Portfolio Management Circle .*: 2 members, 2 documents/);
    expect(result.stdout + result.stderr).not.toContain(TEST_PASSWORD);

    const hub = openDatabase(dir);
    try {
      const record = readHubRecord(hub)!;
      expect(record.upstream).toBe(central.url);
      const devices = await api(central, `/api/cops/${cop.id}/venue-devices`, { cookie: facilitator.cookie });
      expect(devices.json).toEqual([expect.objectContaining({ id: record.deviceId, name: 'Salle Laurier', revokedAt: null })]);
      // The key the hub keeps verifies a pass central issues.
      const pass = await api(central, '/api/venue/pass', { body: {}, cookie: member.cookie });
      expect(verifyVenuePass(pass.json.pass, publicKeyFromBase64url(record.publicKey)).ok).toBe(true);
      const members = hub.prepare('SELECT user_id, role FROM venue_members WHERE cop_id = ? ORDER BY role').all(cop.id);
      expect(members).toEqual([
        { user_id: facilitator.user.id, role: 'facilitator' },
        { user_id: member.user.id, role: 'member' }
      ]);
      for (const name of [workspaceDocName(cop.id), noteName]) {
        expect(Buffer.from(await storedState(hub, name, cop.id)).equals(Buffer.from(await storedState(central.db, name, cop.id))), name).toBe(true);
      }
    } finally {
      hub.close();
    }
    // The person's session used for preparing was ended at central.
    const sessions = central.db.prepare('SELECT COUNT(*) AS n FROM sessions WHERE user_id = ?').get(facilitator.user.id) as { n: number };
    expect(sessions.n).toBe(1); // only the test's own session is left

    const again = await run(dir, 'venue', 'prepare', '--upstream', central.url, '--cop', cop.id, '--email', 'fatima@example.ca', '--password', TEST_PASSWORD);
    expect(again.status).not.toBe(0);
    expect(again.stderr).toMatch(/already a hub/);
  });

  it('an unreachable upstream exits non-zero naming it, and leaves no hub', async () => {
    const dir = hubDir();
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const closedPort = (probe.address() as { port: number }).port;
    await new Promise((resolve) => probe.close(resolve));
    const result = await run(dir, 'venue', 'prepare', '--upstream', `http://127.0.0.1:${closedPort}`, '--cop', cop.id, '--email', 'fatima@example.ca', '--password', TEST_PASSWORD);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(`Cannot reach the upstream Atelier at http://127.0.0.1:${closedPort} (ECONNREFUSED)`);
    const hub = openDatabase(dir);
    expect(readHubRecord(hub)).toBeUndefined();
    hub.close();
  });

  it('wrong credentials exit non-zero with a clear message, and register no device', async () => {
    const before = central.db.prepare('SELECT COUNT(*) AS n FROM venue_devices').get();
    const result = await run(hubDir(), 'venue', 'prepare', '--upstream', central.url, '--cop', cop.id, '--email', 'fatima@example.ca', '--password', 'not the password at all');
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/refused the sign-in: the email or password is not right/);
    expect(central.db.prepare('SELECT COUNT(*) AS n FROM venue_devices').get()).toEqual(before);
  });

  it('a person who does not facilitate a COP may not prepare a hub for it; the manager may', async () => {
    const asMember = await run(hubDir(), 'venue', 'prepare', '--upstream', central.url, '--cop', cop.id, '--email', 'marc@example.ca', '--password', TEST_PASSWORD);
    expect(asMember.status).not.toBe(0);
    expect(asMember.stderr).toMatch(new RegExp(`may not prepare a hub for the COP ${cop.id}: only its facilitators and the programme manager may \\(you are a member there\\)`));
    const mixed = await run(hubDir(), 'venue', 'prepare', '--upstream', central.url, '--cop', cop.id, '--cop', otherCop.id, '--email', 'fatima@example.ca', '--password', TEST_PASSWORD);
    expect(mixed.status).not.toBe(0);
    expect(mixed.stderr).toMatch(new RegExp(`COP ${otherCop.id}`));
    const asManager = await run(hubDir(), 'venue', 'prepare', '--upstream', central.url, '--cop', cop.id, '--cop', otherCop.id, '--email', 'manager@example.ca', '--password', TEST_PASSWORD);
    expect(asManager.status, asManager.stderr).toBe(0);
  });

  it('an unknown COP and missing arguments are refused with the argument named', async () => {
    const unknown = await run(hubDir(), 'venue', 'prepare', '--upstream', central.url, '--cop', 'nosuchcop', '--email', 'manager@example.ca', '--password', TEST_PASSWORD);
    expect(unknown.status).not.toBe(0);
    expect(unknown.stderr).toMatch(/has no COP nosuchcop/);
    const noCop = await run(hubDir(), 'venue', 'prepare', '--upstream', central.url, '--email', 'x@example.ca', '--password', 'p');
    expect(noCop.stderr).toMatch(/--cop: name at least one COP/);
    const badUrl = await run(hubDir(), 'venue', 'prepare', '--upstream', 'ftp://x', '--cop', 'c', '--email', 'x@example.ca', '--password', 'p');
    expect(badUrl.stderr).toMatch(/--upstream: must start with https:\/\//);
    const noPrompt = await run(hubDir(), 'venue', 'prepare', '--upstream', central.url, '--cop', cop.id);
    expect(noPrompt.status).not.toBe(0);
    expect(noPrompt.stderr).toMatch(/pass --email and --password/);
  });
});

import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connect, createCopWith, eventually, removeDataDirs, sleep, startSyncServer, storedDoc, type Client } from './sync-test-kit';
import { openDatabase } from '../db/database';
import { SqliteDocumentStore } from './sqlite-document-store';

const children: ChildProcess[] = [];
afterAll(() => {
  // A child that outlived its test (a failure midway) must not outlive the test run.
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  removeDataDirs();
});

const MAIN = fileURLToPath(new URL('../main.ts', import.meta.url));

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as { port: number }).port;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/** `pnpm start`'s server entry as a child process on `port`, ready once /healthz answers. */
async function spawnServer(dataDir: string, port: number): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, ATELIER_QUIET: '1', SYNC_FREE_FORM_DOCUMENTS: 'true' },
    stdio: ['ignore', 'ignore', 'inherit']
  });
  children.push(child);
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.ok) return child;
    } catch {
      // Not listening yet.
    }
    if (child.exitCode !== null || Date.now() > deadline) throw new Error('the server did not start');
    await sleep(50);
  }
}

const exited = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.exitCode !== null || child.signalCode !== null
      ? resolve({ code: child.exitCode, signal: child.signalCode })
      : child.once('exit', (code, signal) => resolve({ code, signal }))
  );

describe('durability', () => {
  it('keeps every edit a second client received when the server is killed with -9 while 10 clients type', async () => {
    // Accounts are made with a server in this process, then it stops and the child takes over.
    const setup = await startSyncServer();
    const { copId, people } = createCopWith(setup, { a: 'member', witness: 'member' });
    await setup.close();
    const port = await freePort();
    const target = { wsUrl: `ws://127.0.0.1:${port}/sync` };
    const name = `cop/${copId}/notes/kill9`;

    let child = await spawnServer(setup.dataDir, port);
    const writers: Client[] = Array.from({ length: 10 }, () => connect(target, name, people.a!));
    const witness = connect(target, name, people.witness!);
    await Promise.all([...writers, witness].map((c) => c.synced()));

    let typing = true;
    const typed = writers.map(async (w, i) => {
      for (let n = 0; typing; n++) {
        w.doc.getText('t').insert(w.doc.getText('t').length, `w${i}.${n};`);
        await sleep(2 + (i % 3));
      }
    });
    await eventually(() => expect(witness.doc.getText('t').length).toBeGreaterThan(2_000), 15_000);
    // What the witness holds was relayed by the server, so it must have been stored first.
    const received = Y.encodeStateAsUpdate(witness.doc);
    child.kill('SIGKILL');
    await exited(child);
    typing = false;
    await Promise.all(typed);
    for (const c of [...writers, witness]) c.provider.disconnect();

    child = await spawnServer(setup.dataDir, port);
    // Nobody else is connected: this fresh client sees only what the server stored.
    const fresh = connect(target, name, people.witness!);
    await fresh.synced();
    expect(Y.snapshotContainsUpdate(Y.snapshot(fresh.doc), received)).toBe(true);

    // Then everyone re-syncs and all replicas agree.
    for (const c of [...writers, witness]) c.provider.connect();
    await eventually(() => {
      const text = fresh.doc.getText('t').toString();
      for (const c of [...writers, witness]) expect(c.doc.getText('t').toString()).toBe(text);
    }, 15_000);
    for (const c of [...writers, witness, fresh]) c.destroy();
    child.kill('SIGTERM');
    expect((await exited(child)).code).toBe(0);
  });

  it('on SIGTERM stores everything, closes sockets with 1001 and exits 0', async () => {
    const setup = await startSyncServer();
    const { copId, people } = createCopWith(setup, { a: 'member' });
    await setup.close();
    const port = await freePort();
    const target = { wsUrl: `ws://127.0.0.1:${port}/sync` };
    const name = `cop/${copId}`;
    const child = await spawnServer(setup.dataDir, port);
    const a = connect(target, name, people.a!);
    await a.synced();
    for (let i = 0; i < 200; i++) a.doc.getText('t').insert(0, 'x');
    const witness = connect(target, name, people.a!);
    await eventually(() => expect(witness.doc.getText('t').length).toBe(200));
    child.kill('SIGTERM');
    expect(await exited(child)).toEqual({ code: 0, signal: null });
    expect(a.closes[0]?.code).toBe(1001);
    a.destroy();
    witness.destroy();
    const db = openDatabase(setup.dataDir);
    const stored = await new SqliteDocumentStore(db).load(name, copId);
    const doc = new Y.Doc();
    if (stored.state) Y.applyUpdate(doc, stored.state);
    for (const u of stored.updates) Y.applyUpdate(doc, u);
    expect(doc.getText('t').length).toBe(200);
    // Unloading at shutdown compacted the document into one state.
    expect(stored.updates).toHaveLength(0);
    db.close();
  });

  it('merges a client that made 500 edits offline while others edited the same text', async () => {
    const server = await startSyncServer();
    const { copId, people } = createCopWith(server, { a: 'member', b: 'member', c: 'member' });
    const name = `cop/${copId}/notes/offline`;
    const a = connect(server, name, people.a!);
    const b = connect(server, name, people.b!);
    const c = connect(server, name, people.c!);
    await Promise.all([a, b, c].map((x) => x.synced()));
    a.doc.getText('t').insert(0, 'shared start;');
    await eventually(() => expect(c.doc.getText('t').toString()).toBe('shared start;'));

    c.provider.disconnect();
    for (let i = 0; i < 500; i++) {
      const t = c.doc.getText('t');
      t.insert((i * 7) % (t.length + 1), `c${i};`);
      if (i % 50 === 49) t.delete(0, 2);
    }
    for (let i = 0; i < 100; i++) {
      a.doc.getText('t').insert(a.doc.getText('t').length, `a${i};`);
      b.doc.getText('t').insert(0, `b${i};`);
    }
    c.provider.connect();
    await c.synced();

    await eventually(() => {
      const text = a.doc.getText('t').toString();
      expect(b.doc.getText('t').toString()).toBe(text);
      expect(c.doc.getText('t').toString()).toBe(text);
      expect(text).toContain('c499;');
      expect(text).toContain('a99;');
      expect(text).toContain('b99;');
    }, 10_000);
    const text = a.doc.getText('t').toString();
    // The server's copy (in memory, through a fresh client) and a fresh load from storage agree.
    const fresh = connect(server, name, people.b!);
    await fresh.synced();
    expect(fresh.doc.getText('t').toString()).toBe(text);
    expect(storedDoc(server, name).getText('t').toString()).toBe(text);
    for (const x of [a, b, c, fresh]) x.destroy();
    await server.close();
  });
});

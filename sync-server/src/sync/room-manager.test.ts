import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createApp } from '../app';
import { loadConfig } from '../config';
import { createContext, type ServerContext } from '../context';
import { openDatabase } from '../db/database';
import type { AppendEntry, DocumentStore } from './document-store';
import { SqliteDocumentStore } from './sqlite-document-store';
import { createSyncService, type SyncService } from './sync-endpoint';
import { connect, createCopWith, eventually, sleep, storedDoc } from './sync-test-kit';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A real SQLite store that can be told to fail, like a full disk or a lost database. */
class FlakyStore implements DocumentStore {
  failing = false;
  appendCalls = 0;
  constructor(private readonly inner: DocumentStore) {}
  load(name: string, copId: string) {
    return this.inner.load(name, copId);
  }
  async append(batch: readonly AppendEntry[]) {
    this.appendCalls++;
    if (this.failing) throw new Error('disk full');
    return this.inner.append(batch);
  }
  compact(name: string, state: Uint8Array) {
    return this.inner.compact(name, state);
  }
  list(copId: string) {
    return this.inner.list(copId);
  }
}

interface Harness {
  ctx: ServerContext;
  sync: SyncService;
  store: FlakyStore;
  wsUrl: string;
  db: ServerContext['db'];
  context: ServerContext;
  close(): Promise<void>;
}

/** The server's own parts, assembled here so the test can reach the room manager and the store. */
async function startHarness(env: Record<string, string> = {}): Promise<Harness> {
  process.env.ATELIER_QUIET = '1';
  const dataDir = mkdtempSync(join(tmpdir(), 'atelier-rooms-'));
  dirs.push(dataDir);
  // These tests are about rooms, not about which names a COP lists (sync-listed-documents.test.ts).
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, SYNC_UNLOAD_DELAY_MS: '100', SYNC_FREE_FORM_DOCUMENTS: 'true', ...env });
  const db = openDatabase(dataDir);
  const ctx = createContext(config, db);
  const store = new FlakyStore(new SqliteDocumentStore(db));
  const sync = createSyncService(ctx, store);
  const app = createApp(ctx, sync);
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, () => resolve(s));
  });
  sync.attach(server);
  const port = (server.address() as AddressInfo).port;
  return {
    ctx,
    sync,
    store,
    db,
    context: ctx,
    wsUrl: `ws://127.0.0.1:${port}/sync`,
    async close() {
      const stopped = new Promise((resolve) => server.close(resolve));
      await sync.close();
      await stopped;
      db.close();
    }
  };
}

const open = (h: Harness) => [...h.sync.manager.connections].filter((c) => !c.closed).length;

const setup = (h: Harness, roles: Record<string, 'member' | 'observer'>) => createCopWith(h, roles);

describe('the room manager', () => {
  it('keeps a failed write in memory, relays nothing before it is stored, and retries until it is', async () => {
    const h = await startHarness();
    const { copId, people } = setup(h, { a: 'member', b: 'member' });
    const name = `cop/${copId}/notes/flaky`;
    const a = connect(h, name, people.a!);
    const b = connect(h, name, people.b!);
    await Promise.all([a.synced(), b.synced()]);
    h.store.failing = true;
    a.doc.getText('t').insert(0, 'written while the disk is full');
    await eventually(() => expect(h.store.appendCalls).toBeGreaterThanOrEqual(3), 3_000);
    expect(b.doc.getText('t').toString()).toBe('');
    expect(storedDoc(h, name).getText('t').toString()).toBe('');
    h.store.failing = false;
    await eventually(() => expect(b.doc.getText('t').toString()).toBe('written while the disk is full'), 6_000);
    expect(storedDoc(h, name).getText('t').toString()).toBe('written while the disk is full');
    a.destroy();
    b.destroy();
    await h.close();
  });

  it('compacts a document once it has SYNC_COMPACT_AFTER_UPDATES updates stored', async () => {
    const h = await startHarness({ SYNC_COMPACT_AFTER_UPDATES: '50' });
    const { copId, people } = setup(h, { a: 'member' });
    const name = `cop/${copId}/notes/compact`;
    const a = connect(h, name, people.a!);
    await a.synced();
    for (let i = 0; i < 120; i++) {
      a.doc.getText('t').insert(0, 'x');
      await sleep(0);
    }
    await eventually(() => expect(storedDoc(h, name).getText('t').length).toBe(120));
    const rows = h.db.prepare('SELECT COUNT(*) AS n FROM sync_updates WHERE doc_name = ?').get(name) as { n: number };
    expect(rows.n).toBeLessThan(50);
    const doc = h.db.prepare('SELECT state_bytes FROM sync_documents WHERE name = ?').get(name) as { state_bytes: number };
    expect(doc.state_bytes).toBeGreaterThan(0);
    a.destroy();
    await h.close();
  });

  it('unloads a document a while after its last client leaves, compacted without its deleted text', async () => {
    const h = await startHarness();
    const { copId, people } = setup(h, { a: 'member' });
    const name = `cop/${copId}/notes/unload`;
    const a = connect(h, name, people.a!);
    await a.synced();
    const text = a.doc.getText('t');
    for (let i = 0; i < 100; i++) text.insert(text.length, 'lorem ipsum '.repeat(80));
    text.delete(0, text.length);
    text.insert(0, 'what is left');
    await eventually(() => expect(storedDoc(h, name).getText('t').toString()).toBe('what is left'));
    expect(h.sync.manager.rooms.has(name)).toBe(true);
    a.destroy();
    await eventually(() => expect(h.sync.manager.rooms.size).toBe(0), 3_000);
    const row = h.db.prepare('SELECT state_bytes FROM sync_documents WHERE name = ?').get(name) as { state_bytes: number };
    // ~96 KB were typed and deleted; gc keeps only their ids.
    expect(row.state_bytes).toBeLessThan(2_000);
    expect((h.db.prepare('SELECT COUNT(*) AS n FROM sync_updates WHERE doc_name = ?').get(name) as { n: number }).n).toBe(0);
    const back = connect(h, name, people.a!);
    await back.synced();
    expect(back.doc.getText('t').toString()).toBe('what is left');
    back.destroy();
    await h.close();
  });

  it('hands V8 memory back once the last document has unloaded, not while one is still in memory', async () => {
    const h = await startHarness();
    const { copId, people } = setup(h, { a: 'member' });
    const first = connect(h, `cop/${copId}/notes/one`, people.a!);
    const second = connect(h, `cop/${copId}/notes/two`, people.a!);
    await Promise.all([first.synced(), second.synced()]);
    first.destroy();
    await eventually(() => expect(h.sync.manager.rooms.size).toBe(1), 3_000);
    await sleep(500);
    expect(h.sync.manager.memoryRelease.releases).toBe(0);
    second.destroy();
    await eventually(() => expect(h.sync.manager.rooms.size).toBe(0), 3_000);
    await eventually(() => expect(h.sync.manager.memoryRelease.releases).toBe(1), 3_000);
    await h.close();
  });

  it('accepts a burst of 2,000 updates in a second into one document from four sockets with default limits', async () => {
    const h = await startHarness();
    const { copId, people } = setup(h, { a: 'member' });
    const name = `cop/${copId}/notes/burst`;
    const clients = Array.from({ length: 4 }, () => connect(h, name, people.a!));
    await Promise.all(clients.map((c) => c.synced()));
    const started = Date.now();
    for (let i = 0; i < 500; i++) for (const c of clients) c.doc.getArray('a').push([i]);
    await eventually(() => expect(storedDoc(h, name).getArray('a').length).toBe(2_000), 10_000);
    await eventually(() => clients.forEach((c) => expect(c.doc.getArray('a').length).toBe(2_000)));
    expect(Date.now() - started).toBeLessThan(5_000);
    for (const c of clients) expect(c.closes).toEqual([]);
    clients.forEach((c) => c.destroy());
    await h.close();
  });

  it('paces commits under load (SYNC_COMMIT_INTERVAL_MS) and relays each commit as one message per reader', async () => {
    const h = await startHarness({ SYNC_COMMIT_INTERVAL_MS: '100' });
    const { copId, people } = setup(h, { a: 'member', b: 'member' });
    const name = `cop/${copId}/notes/paced`;
    const a = connect(h, name, people.a!);
    const b = connect(h, name, people.b!);
    await Promise.all([a.synced(), b.synced()]);
    let framesToB = 0;
    b.provider.ws?.addEventListener('message', () => framesToB++);
    const callsBefore = h.store.appendCalls;
    const started = Date.now();
    // 60 updates over about 600 ms: unpaced, that would be about 60 commits and 60 frames.
    for (let i = 0; i < 60; i++) {
      a.doc.getArray('a').push([i]);
      await sleep(10);
    }
    await eventually(() => expect(b.doc.getArray('a').length).toBe(60), 5_000);
    const elapsed = Date.now() - started;
    const commits = h.store.appendCalls - callsBefore;
    expect(commits).toBeLessThanOrEqual(Math.ceil(elapsed / 100) + 1);
    expect(framesToB).toBeLessThanOrEqual(commits + 2);
    expect(storedDoc(h, name).getArray('a').toArray()).toEqual(Array.from({ length: 60 }, (_, i) => i));
    a.destroy();
    b.destroy();
    await h.close();
  });

  it('slows a socket over its message rate down instead of dropping it', async () => {
    const h = await startHarness({ SYNC_MAX_MESSAGES_PER_SECOND: '200' });
    const { copId, people } = setup(h, { a: 'member' });
    const name = `cop/${copId}/notes/rate`;
    const a = connect(h, name, people.a!);
    await a.synced();
    const started = Date.now();
    for (let i = 0; i < 800; i++) a.doc.getArray('a').push([i]);
    await eventually(() => expect(storedDoc(h, name).getArray('a').length).toBe(800), 10_000);
    // 400 pass in the burst, the other 400 at 200 a second.
    expect(Date.now() - started).toBeGreaterThan(1_500);
    expect(a.closes).toEqual([]);
    a.destroy();
    await h.close();
  });

  it('closes a reader that falls behind by more than SYNC_MAX_BUFFERED_BYTES with 4508', async () => {
    const h = await startHarness({ SYNC_MAX_BUFFERED_BYTES: String(1024 * 1024), SYNC_MAX_BYTES_PER_SECOND: String(512 * 1024 * 1024) });
    const { copId, people } = setup(h, { a: 'member', r: 'member' });
    const name = `cop/${copId}/notes/slow`;
    const reader = new WebSocket(`${h.wsUrl}/${name}`, { headers: { cookie: people.r!.cookie } });
    const closed = new Promise<number>((resolve) => reader.on('close', (code) => resolve(code)));
    await new Promise((resolve) => reader.once('message', resolve));
    reader.pause();
    const a = connect(h, name, people.a!);
    await a.synced();
    const chunk = 'y'.repeat(200_000);
    for (let i = 0; i < 150 && open(h) > 1; i++) {
      a.doc.getText('t').insert(0, chunk);
      await sleep(5);
    }
    await eventually(() => expect(open(h)).toBe(1), 10_000);
    reader.resume();
    expect(await closed).toBe(4508);
    expect(a.closes).toEqual([]);
    a.destroy();
    await h.close();
  });
});


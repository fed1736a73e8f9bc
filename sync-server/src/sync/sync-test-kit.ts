/**
 * What the sync tests share: a real server on port 0 in a throw-away DATA_DIR, people with real
 * sessions, and real `y-websocket` clients (with `ws`, no BroadcastChannel) carrying their cookie.
 * Used only by `*.test.ts` files.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { createCop } from '../accounts/cops';
import { newId } from '../accounts/ids';
import { addMembership } from '../accounts/memberships';
import type { MembershipRole } from '../accounts/roles';
import { loadConfig } from '../config';
import { startServer, type RunningServer } from '../server';

process.env.ATELIER_QUIET = '1';

export interface SyncTestServer extends RunningServer {
  dataDir: string;
  wsUrl: string;
}

const dataDirs: string[] = [];

/**
 * Settings that keep tests fast: documents unload quickly after their last client leaves. The
 * sync tests open documents of names of their own making, so they serve free-form names; the
 * tests of listed documents (`sync-listed-documents.test.ts`) turn that off.
 */
export const FAST_SYNC_ENV = { SYNC_UNLOAD_DELAY_MS: '200', SYNC_FREE_FORM_DOCUMENTS: 'true' };

export async function startSyncServer(env: Record<string, string> = {}, dataDir?: string): Promise<SyncTestServer> {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'atelier-sync-'));
  if (!dataDir) dataDirs.push(dir);
  const server = await startServer(loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dir, ...FAST_SYNC_ENV, ...env }));
  return { ...server, dataDir: dir, wsUrl: server.url.replace(/^http/, 'ws') + '/sync' };
}

export function removeDataDirs() {
  for (const dir of dataDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export interface Person {
  userId: string;
  sessionId: string;
  cookie: string;
}

/**
 * A person with a live session from the real session store. The account row is inserted
 * directly: these tests never sign in, so they skip the deliberately slow password hash.
 */
export function createPerson(server: Pick<RunningServer, 'db' | 'context'>, opts: { isManager?: boolean } = {}): Person {
  const id = newId();
  const email = `${id}@example.ca`;
  server.db
    .prepare(
      `INSERT INTO users (id, email, email_key, name, language, password_hash, is_manager, created_at, password_changed_at)
       VALUES (?, ?, ?, ?, 'en', 'not-a-hash', ?, ?, ?)`
    )
    .run(id, email, email, `Person ${id.slice(0, 4)}`, opts.isManager ? 1 : 0, Date.now(), Date.now());
  const { token, session } = server.context.sessions.create(id);
  return { userId: id, sessionId: session.id, cookie: `atelier_session=${token}` };
}

/** A COP with one member per role asked for. */
export function createCopWith(server: Pick<RunningServer, 'db' | 'context'>, roles: Record<string, MembershipRole>) {
  const manager = createPerson(server, { isManager: true });
  const cop = createCop(server.db, { name: 'Sync COP', areaOfInterest: 'Testing', language: 'en', createdBy: manager.userId });
  const people: Record<string, Person> = {};
  for (const [key, role] of Object.entries(roles)) {
    people[key] = createPerson(server);
    addMembership(server.context, { copId: cop.id, userId: people[key]!.userId, role });
  }
  return { copId: cop.id, manager, people };
}

/** The `ws` class with a cookie (and optionally an Origin) on every connection it opens. */
export function socketClass(headers: { cookie?: string; origin?: string }): typeof WebSocket {
  const extra = Object.fromEntries(Object.entries(headers).filter(([, v]) => v !== undefined)) as Record<string, string>;
  return class extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers: extra });
    }
  } as typeof WebSocket;
}

export interface Client {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Close events the provider saw, in order. */
  closes: { code: number; reason: string }[];
  synced(): Promise<void>;
  destroy(): void;
}

export function connect(
  server: { wsUrl: string },
  docName: string,
  person: Pick<Person, 'cookie'> | null,
  opts: { doc?: Y.Doc; origin?: string; connect?: boolean } = {}
): Client {
  const doc = opts.doc ?? new Y.Doc();
  const provider = new WebsocketProvider(server.wsUrl, docName, doc, {
    WebSocketPolyfill: socketClass({ cookie: person?.cookie, origin: opts.origin }) as never,
    disableBc: true,
    connect: opts.connect ?? true,
    maxBackoffTime: 200
  });
  const closes: { code: number; reason: string }[] = [];
  provider.on('connection-close', (event) => {
    if (event) closes.push({ code: event.code, reason: event.reason });
  });
  return {
    doc,
    provider,
    closes,
    synced: () => (provider.synced ? Promise.resolve() : new Promise((resolve) => provider.once('sync', () => resolve()))),
    destroy() {
      provider.destroy();
    }
  };
}

/** Polls until `check` passes (returns true or stops throwing), or fails with its last error. */
export async function eventually(check: () => boolean | void, timeoutMs = 5_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      if (check() !== false) return;
      last = new Error(`${what} not reached`);
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw last;
    await new Promise((r) => setTimeout(r, 10));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The document as the server has stored it, read straight from SQLite (not from memory). */
export function storedDoc(server: Pick<RunningServer, 'db'>, name: string): Y.Doc {
  const doc = new Y.Doc();
  const row = server.db.prepare('SELECT state FROM sync_documents WHERE name = ?').get(name) as { state: Buffer | null } | undefined;
  if (row?.state) Y.applyUpdate(doc, row.state);
  for (const { data } of server.db.prepare('SELECT data FROM sync_updates WHERE doc_name = ? ORDER BY id').all(name) as { data: Buffer }[]) {
    Y.applyUpdate(doc, data);
  }
  return doc;
}

/**
 * Test harness: a real Atelier server on port 0 with a throw-away DATA_DIR, plus helpers that
 * create people with real sessions (tokens from the real session store) and call the API.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCop, type Cop } from '../accounts/cops';
import { addMembership } from '../accounts/memberships';
import type { MembershipRole, Participation } from '../accounts/roles';
import { newId } from '../accounts/ids';
import { hashPassword } from '../accounts/password';
import { emailKey, findUserById, type User } from '../accounts/users';
import { loadConfig } from '../config';
import { startServer, type RunningServer } from '../server';

export interface TestServer extends RunningServer {
  dataDir: string;
  /** Removes the data folder after close(). */
  dispose(): Promise<void>;
}

export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'atelier-test-'));
  const server = await startServer(loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ...env }));
  return {
    ...server,
    dataDir,
    async dispose() {
      await server.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  };
}

export interface Person {
  user: User;
  token: string;
  cookie: string;
}

export const TEST_PASSWORD = 'a long test password';
let counter = 0;
let sharedHash: Promise<string> | undefined;

/**
 * A person with a live session. Accounts share one precomputed scrypt hash of TEST_PASSWORD so
 * a table of roles does not spend 0.4 s hashing per person; `createUser` itself is tested apart.
 */
export async function createPerson(
  server: RunningServer,
  opts: { isManager?: boolean; name?: string; email?: string } = {}
): Promise<Person> {
  const n = ++counter;
  const hash = await (sharedHash ??= hashPassword(TEST_PASSWORD));
  const id = newId();
  const email = opts.email ?? `person${n}-${id}@example.ca`;
  server.db
    .prepare(
      `INSERT INTO users (id, email, email_key, name, language, password_hash, is_manager, created_at, password_changed_at)
       VALUES (?, ?, ?, ?, 'en', ?, ?, ?, ?)`
    )
    .run(id, email, emailKey(email), opts.name ?? `Person ${n}`, hash, opts.isManager ? 1 : 0, Date.now(), Date.now());
  const user = findUserById(server.db, id)!;
  const { token } = server.context.sessions.create(user.id);
  return { user, token, cookie: `atelier_session=${token}` };
}

export function createTestCop(server: RunningServer, manager: User, name = 'Test COP', language: Cop['language'] = 'en'): Cop {
  return createCop(server.db, { name, areaOfInterest: 'Change Management', language, createdBy: manager.id });
}

export function joinCop(server: RunningServer, cop: Cop, person: Person, role: MembershipRole, participation: Participation = 'core') {
  return addMembership(server.context, { copId: cop.id, userId: person.user.id, role, participation });
}

export interface ApiCall {
  method?: string;
  body?: unknown;
  cookie?: string;
  origin?: string;
  headers?: Record<string, string>;
}

export async function api(server: RunningServer, path: string, call: ApiCall = {}) {
  const headers: Record<string, string> = { ...call.headers };
  if (call.cookie) headers.cookie = call.cookie;
  if (call.origin) headers.origin = call.origin;
  if (call.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(server.url + path, {
    method: call.method ?? (call.body === undefined ? 'GET' : 'POST'),
    headers,
    body: call.body === undefined ? undefined : typeof call.body === 'string' ? call.body : JSON.stringify(call.body)
  });
  const text = await res.text();
  let json: any;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: res.status, json, headers: res.headers, text };
}

/** The session cookie a response set, as a Cookie header value. */
export function sessionCookieFrom(headers: Headers): string | undefined {
  const set = headers.getSetCookie().find((c) => c.startsWith('atelier_session=') || c.startsWith('__Host-atelier_session='));
  return set?.split(';')[0];
}

// Sign-in, sessions and the rules around them, against the real server and database.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createUser } from '../accounts/users';
import { SESSION_TTL_MS } from '../accounts/sessions';
import { api, createPerson, createTestCop, joinCop, sessionCookieFrom, startTestServer, TEST_PASSWORD, type TestServer } from '../test-support/test-server';

let server: TestServer;
const logged: string[] = [];

beforeAll(async () => {
  for (const method of ['log', 'info', 'warn', 'error'] as const) {
    const original = console[method];
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      logged.push(args.map(String).join(' '));
      original(...args);
    });
  }
  server = await startTestServer({ ATELIER_QUIET: '' });
});
afterAll(() => server.dispose());

const PASSWORD = 'correct horse battery staple';
let n = 0;
async function account() {
  const email = `Signer${++n}@Example.ca`;
  const user = await createUser(server.db, { email, name: `Signer ${n}`, language: 'fr', password: PASSWORD });
  return { user, email };
}

describe('sign-in', () => {
  it('signs in with the email in any case, sets an HttpOnly SameSite=Lax cookie and returns the user', async () => {
    const { email, user } = await account();
    const res = await api(server, '/api/auth/sign-in', { body: { email: email.toUpperCase(), password: PASSWORD } });
    expect(res.status).toBe(200);
    expect(res.json.user).toEqual({ id: user.id, email, name: user.name, language: 'fr', isManager: false });
    const setCookie = res.headers.getSetCookie().join('\n');
    expect(setCookie).toMatch(/^atelier_session=[a-z2-7]{32};/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    const me = await api(server, '/api/me', { cookie: sessionCookieFrom(res.headers) });
    expect(me.status).toBe(200);
    expect(me.json).toEqual({ user: res.json.user, memberships: [] });
  });

  it('gives the same answer for a wrong password and an unknown email', async () => {
    const { email } = await account();
    const wrong = await api(server, '/api/auth/sign-in', { body: { email, password: 'not the password' } });
    const unknown = await api(server, '/api/auth/sign-in', { body: { email: 'nobody@example.ca', password: 'whatever it is' } });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.json).toEqual(unknown.json);
  });

  it('issues a new session at every sign-in and ends the one the request carried', async () => {
    const { email } = await account();
    const first = sessionCookieFrom((await api(server, '/api/auth/sign-in', { body: { email, password: PASSWORD } })).headers);
    const second = sessionCookieFrom((await api(server, '/api/auth/sign-in', { body: { email, password: PASSWORD }, cookie: first })).headers);
    expect(second).not.toBe(first);
    expect((await api(server, '/api/me', { cookie: first })).status).toBe(401);
    expect((await api(server, '/api/me', { cookie: second })).status).toBe(200);
  });

  it('uses the __Host- cookie with Secure when served over https', async () => {
    const secure = await startTestServer({ PUBLIC_ORIGIN: 'https://atelier.example.ca' });
    try {
      await createUser(secure.db, { email: 'h@example.ca', name: 'H', language: 'en', password: PASSWORD });
      const res = await api(secure, '/api/auth/sign-in', { body: { email: 'h@example.ca', password: PASSWORD } });
      const setCookie = res.headers.getSetCookie().join('\n');
      expect(setCookie).toMatch(/^__Host-atelier_session=/);
      expect(setCookie).toMatch(/Secure/);
      expect(setCookie).toMatch(/Path=\//);
      expect(setCookie).not.toMatch(/Domain/i);
    } finally {
      await secure.dispose();
    }
  });
});

describe('sessions', () => {
  it('sign-out ends the session everywhere it was used', async () => {
    const p = await createPerson(server);
    expect((await api(server, '/api/auth/sign-out', { method: 'POST', cookie: p.cookie })).status).toBe(204);
    expect((await api(server, '/api/me', { cookie: p.cookie })).status).toBe(401);
  });

  it('refuses forged, malformed, expired and revoked tokens with 401', async () => {
    const p = await createPerson(server);
    for (const cookie of ['atelier_session=' + 'a'.repeat(32), 'atelier_session=not-a-token', 'atelier_session=']) {
      const res = await api(server, '/api/me', { cookie });
      expect(res.status, cookie).toBe(401);
      expect(res.json.error.code).toBe('not_signed_in');
    }
    const expired = await createPerson(server);
    server.db.prepare('UPDATE sessions SET expires_at = ? WHERE user_id = ?').run(Date.now() - 1, expired.user.id);
    expect((await api(server, '/api/me', { cookie: expired.cookie })).status).toBe(401);

    const pastAbsolute = await createPerson(server);
    server.db.prepare('UPDATE sessions SET absolute_expires_at = ? WHERE user_id = ?').run(Date.now() - 1, pastAbsolute.user.id);
    expect((await api(server, '/api/me', { cookie: pastAbsolute.cookie })).status).toBe(401);

    const list = await api(server, '/api/me/sessions', { cookie: p.cookie });
    expect(list.json).toHaveLength(1);
    expect(list.json[0].current).toBe(true);
    expect((await api(server, `/api/me/sessions/${list.json[0].id}`, { method: 'DELETE', cookie: p.cookie })).status).toBe(204);
    expect((await api(server, '/api/me', { cookie: p.cookie })).status).toBe(401);
  });

  it('slides the expiry forward when less than half is left, and re-sends the cookie', async () => {
    const p = await createPerson(server);
    const soon = Date.now() + SESSION_TTL_MS / 4;
    server.db.prepare('UPDATE sessions SET expires_at = ? WHERE user_id = ?').run(soon, p.user.id);
    const res = await api(server, '/api/me', { cookie: p.cookie });
    expect(res.status).toBe(200);
    const maxAge = Number(/Max-Age=(\d+)/.exec(res.headers.getSetCookie().join())?.[1]);
    expect(maxAge).toBeGreaterThan(SESSION_TTL_MS / 1000 - 60);
    const row = server.db.prepare('SELECT expires_at FROM sessions WHERE user_id = ?').get(p.user.id) as { expires_at: number };
    expect(row.expires_at).toBeGreaterThan(soon + SESSION_TTL_MS / 2);
  });

  it('lists my sessions and refuses to end someone else’s', async () => {
    const me = await createPerson(server);
    const other = await createPerson(server);
    const theirs = (await api(server, '/api/me/sessions', { cookie: other.cookie })).json[0].id;
    expect((await api(server, `/api/me/sessions/${theirs}`, { method: 'DELETE', cookie: me.cookie })).status).toBe(404);
    expect((await api(server, '/api/me', { cookie: other.cookie })).status).toBe(200);
  });

  it('changing the password ends every other session and keeps this device signed in', async () => {
    const { email } = await account();
    const a = sessionCookieFrom((await api(server, '/api/auth/sign-in', { body: { email, password: PASSWORD } })).headers);
    const b = sessionCookieFrom((await api(server, '/api/auth/sign-in', { body: { email, password: PASSWORD } })).headers);
    const wrong = await api(server, '/api/me/password', { cookie: a, body: { currentPassword: 'nope nope nope', newPassword: 'a brand new passphrase' } });
    expect(wrong.status).toBe(400);
    expect(wrong.json.error.message).toMatch(/^currentPassword ?:/);
    const res = await api(server, '/api/me/password', { cookie: a, body: { currentPassword: PASSWORD, newPassword: 'a brand new passphrase' } });
    expect(res.status).toBe(204);
    const fresh = sessionCookieFrom(res.headers);
    expect((await api(server, '/api/me', { cookie: a })).status).toBe(401);
    expect((await api(server, '/api/me', { cookie: b })).status).toBe(401);
    expect((await api(server, '/api/me', { cookie: fresh })).status).toBe(200);
    expect((await api(server, '/api/auth/sign-in', { body: { email, password: 'a brand new passphrase' } })).status).toBe(200);
  });

  it('a removed member loses access to the COP at once', async () => {
    const manager = await createPerson(server, { isManager: true });
    const cop = createTestCop(server, manager.user);
    const member = await createPerson(server);
    joinCop(server, cop, member, 'member');
    expect((await api(server, `/api/cops/${cop.id}/members`, { cookie: member.cookie })).status).toBe(200);
    expect((await api(server, `/api/cops/${cop.id}/members/${member.user.id}`, { method: 'DELETE', cookie: manager.cookie })).status).toBe(204);
    expect((await api(server, `/api/cops/${cop.id}/members`, { cookie: member.cookie })).status).toBe(403);
    expect((await api(server, '/api/me', { cookie: member.cookie })).json.memberships).toEqual([]);
  });
});

describe('throttling', () => {
  it('answers 429 after 10 failures for one account, with Retry-After, even with the right password', async () => {
    // Behind a trusted proxy each attempt comes from another address: only the account counts.
    const other = await startTestServer({ TRUST_PROXY: 'true' });
    try {
      const p = await createPerson(other);
      for (let i = 0; i < 10; i++) {
        const res = await api(other, '/api/auth/sign-in', {
          body: { email: p.user.email, password: 'wrong password' },
          headers: { 'x-forwarded-for': `192.0.2.${i}` }
        });
        expect(res.status).toBe(401);
      }
      const blocked = await api(other, '/api/auth/sign-in', {
        body: { email: p.user.email.toUpperCase(), password: TEST_PASSWORD },
        headers: { 'x-forwarded-for': '192.0.2.200' }
      });
      expect(blocked.status).toBe(429);
      expect(blocked.json.error.code).toBe('too_many_requests');
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
      const someoneElse = await createPerson(other);
      const fine = await api(other, '/api/auth/sign-in', {
        body: { email: someoneElse.user.email, password: TEST_PASSWORD },
        headers: { 'x-forwarded-for': '192.0.2.201' }
      });
      expect(fine.status).toBe(200);
    } finally {
      await other.dispose();
    }
  });

  it('throttles one client address across many accounts (loopback is not exempt)', async () => {
    const other = await startTestServer();
    try {
      for (let i = 0; i < 10; i++) {
        expect((await api(other, '/api/auth/sign-in', { body: { email: `x${i}@example.ca`, password: 'wrong password' } })).status).toBe(401);
      }
      expect((await api(other, '/api/auth/sign-in', { body: { email: 'fresh@example.ca', password: 'wrong password' } })).status).toBe(429);
    } finally {
      await other.dispose();
    }
  });

  it('never throttles successful sign-ins', async () => {
    const other = await startTestServer();
    try {
      const p = await createPerson(other);
      for (let i = 0; i < 12; i++) {
        expect((await api(other, '/api/auth/sign-in', { body: { email: p.user.email, password: TEST_PASSWORD } })).status).toBe(200);
      }
    } finally {
      await other.dispose();
    }
  });
});

describe('origin and input', () => {
  it('refuses a state-changing request from another origin, accepts ours and scripts without Origin', async () => {
    const manager = await createPerson(server, { isManager: true });
    const body = { name: 'Origin COP', areaOfInterest: 'Security', language: 'en' };
    const evil = await api(server, '/api/cops', { body, cookie: manager.cookie, origin: 'https://evil.example' });
    expect(evil.status).toBe(403);
    expect(evil.json.error.code).toBe('bad_origin');
    const ours = await api(server, '/api/cops', { body, cookie: manager.cookie, origin: server.url.replace('127.0.0.1', 'localhost') });
    expect(ours.status).toBe(403); // PORT 0: the allowed origins name port 0, not the real one
    const script = await api(server, '/api/cops', { body, cookie: manager.cookie });
    expect(script.status).toBe(201);
  });

  it.each([
    [{ email: 'a@example.ca' }, /^password: /],
    [{ email: 42, password: 'x' }, /^email: must be text/],
    ['{not json', /not valid JSON/]
  ])('refuses a bad sign-in body %j with 400 naming the problem', async (body, message) => {
    const res = await api(server, '/api/auth/sign-in', { body });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('invalid_input');
    expect(res.json.error.message).toMatch(message);
  });

  it('names the field of a bad COP body and refuses bodies over 64 KiB with 413', async () => {
    const manager = await createPerson(server, { isManager: true });
    const bad = await api(server, '/api/cops', { body: { name: 'X', areaOfInterest: 'Y', language: 'de' }, cookie: manager.cookie });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toBe('language: must be "en" or "fr"');
    const empty = await api(server, '/api/cops', { body: { name: '  ', areaOfInterest: 'Y', language: 'en' }, cookie: manager.cookie });
    expect(empty.json.error.message).toBe('name: a name is required');
    const huge = await api(server, '/api/cops', { body: { name: 'x', areaOfInterest: 'y', language: 'en', description: 'z'.repeat(70_000) }, cookie: manager.cookie });
    expect(huge.status).toBe(413);
    expect(huge.json.error.code).toBe('too_large');
  });
});

describe('secrets', () => {
  it('never puts a password in a response or in the log', async () => {
    const secret = 'my very secret passphrase 1234';
    const user = await createUser(server.db, { email: 'secret@example.ca', name: 'S', language: 'en', password: secret });
    const res = await api(server, '/api/auth/sign-in', { body: { email: user.email, password: secret } });
    await api(server, '/api/auth/sign-in', { body: { email: user.email, password: secret + 'x' } });
    const me = await api(server, '/api/me', { cookie: sessionCookieFrom(res.headers) });
    for (const text of [res.text, me.text, ...logged]) {
      expect(text).not.toContain(secret);
      expect(text).not.toMatch(/scrypt\$/);
    }
    expect(logged.some((l) => l.includes('sign-in failed'))).toBe(true);
  });
});

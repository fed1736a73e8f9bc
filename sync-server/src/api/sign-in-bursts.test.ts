// Bursts of password checks sent at once (issue 20), against the real server: the throttle counts
// attempts still being checked, and the hash gate bounds the scrypt work a burst can start.
import { afterEach, describe, expect, it } from 'vitest';
import { startChildServer, type ChildServer } from '../test-support/child-server';
import { api, createPerson, startTestServer, TEST_PASSWORD, type TestServer } from '../test-support/test-server';
import { MAX_FAILURES } from '../http/sign-in-throttle';

const MiB = 1024 * 1024;
// One scrypt takes 0.3 s on an idle core and several seconds on a loaded one; a burst hashes up to 18.
const BURST_TIMEOUT_MS = 180_000;
let servers: (TestServer | ChildServer)[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => ('dispose' in s ? s.dispose() : s.stop())));
  servers = [];
});

async function testServer(env: Record<string, string> = {}) {
  const server = await startTestServer(env);
  servers.push(server);
  return server;
}

function signIn(server: { url: string }, email: string, password: string, address?: string) {
  return api(server as TestServer, '/api/auth/sign-in', {
    body: { email, password },
    headers: address ? { 'x-forwarded-for': address } : {}
  });
}

function statuses(results: { status: number }[]) {
  const count: Record<number, number> = {};
  for (const r of results) count[r.status] = (count[r.status] ?? 0) + 1;
  return count;
}

describe('sign-in bursts', () => {
  it('40 sign-ins for one account sent at once judge at most 10 passwords: the right one, 36th, gets 429', async () => {
    // A hash gate wide enough to hold the whole burst: only the throttle decides here.
    const server = await testServer({ SIGN_IN_HASH_PER_ADDRESS: '64', SIGN_IN_HASH_QUEUE: '64' });
    const person = await createPerson(server);
    const passwords = Array.from({ length: 40 }, (_, i) => (i === 35 ? TEST_PASSWORD : `wrong password ${i}`));
    const results = await Promise.all(passwords.map((password) => signIn(server, person.user.email, password)));

    expect(statuses(results)).toEqual({ 401: MAX_FAILURES, 429: 40 - MAX_FAILURES });
    expect(results[35]!.status).toBe(429);
    const refused = results.filter((r) => r.status === 429);
    for (const r of refused) {
      expect(r.json.error.code).toBe('too_many_requests');
      expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    // Refused while the first ten were still being checked: the message says so.
    expect(refused[0]!.json.error.message).toBe('Too many sign-in attempts at once. Try again in a moment.');
    // Ten failures are now on record: even the right password, sent alone, waits out the window.
    const after = await signIn(server, person.user.email, TEST_PASSWORD);
    expect(after.status).toBe(429);
    expect(after.json.error.message).toBe('Too many failed sign-in attempts. Try again later.');
    expect(Number(after.headers.get('retry-after'))).toBeGreaterThan(60);
  }, BURST_TIMEOUT_MS);

  it('a right password sent together with a few wrong ones still signs in, and its place is given back', async () => {
    const server = await testServer();
    const person = await createPerson(server);
    const passwords = ['wrong 1', TEST_PASSWORD, 'wrong 2'];
    const results = await Promise.all(passwords.map((password) => signIn(server, person.user.email, password)));
    expect(results.map((r) => r.status)).toEqual([401, 200, 401]);
    // Two failures counted, the success not: eight more wrong guesses are still judged.
    for (let i = 0; i < MAX_FAILURES - 2; i++) expect((await signIn(server, person.user.email, `wrong again ${i}`)).status).toBe(401);
    expect((await signIn(server, person.user.email, TEST_PASSWORD)).status).toBe(429);
  }, BURST_TIMEOUT_MS);

  it('60 sign-ins for unknown e-mails at once from 60 addresses hash 2 at a time, queue 16 and refuse the rest with 429', async () => {
    const server = await testServer({ TRUST_PROXY: 'true' });
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) => signIn(server, `nobody${i}@example.ca`, 'some guess', `198.51.100.${i}`))
    );
    const count = statuses(results);
    // The first two start hashing, sixteen wait; the others are refused before any hashing (a
    // place or two may free up before the last requests arrive on a busy machine).
    expect(count[401]).toBeGreaterThanOrEqual(2 + 16);
    expect(count[401]).toBeLessThanOrEqual(2 + 16 + 2);
    expect(count[401]! + count[429]!).toBe(60);
    expect(server.context.passwordHashing.peakRunning).toBe(2);
    const refused = results.find((r) => r.status === 429)!;
    expect(refused.json.error.message).toBe('The server is checking too many passwords at once. Try again in a few seconds.');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    // Refusals by the gate are not failures: each address may try again at once.
    expect((await signIn(server, 'nobody59@example.ca', 'some guess', '198.51.100.59')).status).toBe(401);
  }, BURST_TIMEOUT_MS);

  it('one address holds at most 4 places in the hash queue, so another address still gets in during its burst', async () => {
    const server = await testServer({ TRUST_PROXY: 'true' });
    const person = await createPerson(server);
    const burst = Array.from({ length: 8 }, (_, i) => signIn(server, `nobody${i}@example.ca`, 'some guess', '192.0.2.1'));
    const other = signIn(server, person.user.email, TEST_PASSWORD, '192.0.2.2');
    const results = await Promise.all(burst);
    expect(statuses(results)).toEqual({ 401: 4, 429: 4 });
    expect((await other).status).toBe(200);
  }, BURST_TIMEOUT_MS);

  it('the French refusal of a burst is in French', async () => {
    const server = await testServer({ SIGN_IN_HASH_PER_ADDRESS: '1' });
    const results = await Promise.all(
      [0, 1].map((i) =>
        api(server, '/api/auth/sign-in', { body: { email: `nobody${i}@example.ca`, password: 'x' }, headers: { 'accept-language': 'fr-CA' } })
      )
    );
    expect(results.find((r) => r.status === 429)!.json.error.message).toBe(
      'Le serveur vérifie trop de mots de passe à la fois. Réessayez dans quelques secondes.'
    );
  }, BURST_TIMEOUT_MS);

  it('a burst of 60 unknown-e-mail sign-ins raises the server’s peak memory by less than three scrypt buffers', async () => {
    const child = await startChildServer({ TRUST_PROXY: 'true' });
    servers.push(child);
    await signIn(child, 'warm-up@example.ca', 'x', '203.0.113.250'); // the decoy hash is made once
    child.resetPeak();
    const before = child.rss();
    const started = performance.now();
    const results = await Promise.all(
      Array.from({ length: 60 }, (_, i) => signIn(child, `nobody${i}@example.ca`, 'some guess', `203.0.113.${i}`))
    );
    const seconds = (performance.now() - started) / 1000;
    const growth = child.peakRss() - before;
    console.info(`60-sign-in burst: ${JSON.stringify(statuses(results))} in ${seconds.toFixed(1)} s, peak RSS +${Math.round(growth / MiB)} MiB`);
    // Each scrypt holds 128 MiB; two at once is 256 MiB. Unbounded, libuv's four threads made 512.
    expect(growth).toBeLessThan(3 * 128 * MiB);
  }, BURST_TIMEOUT_MS);
});

describe('password change throttle', () => {
  it('a stolen cookie cannot guess the current password: after 10 wrong ones even the right one gets 429', async () => {
    const server = await testServer();
    const person = await createPerson(server);
    const change = (currentPassword: string, cookie = person.cookie) =>
      api(server, '/api/me/password', { body: { currentPassword, newPassword: 'a brand new long password' }, cookie });

    for (let i = 0; i < MAX_FAILURES; i++) expect((await change(`wrong current ${i}`)).status).toBe(400);
    for (let i = 0; i < 5; i++) expect((await change(`wrong current again ${i}`)).status).toBe(429);
    const right = await change(TEST_PASSWORD);
    expect(right.status).toBe(429);
    expect(right.json.error.code).toBe('too_many_requests');
    expect(right.json.error.message).toBe('Too many failed password attempts. Try again later.');
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(60);

    // Counted per account too: another session of the same person is held back as well…
    const { token } = server.context.sessions.create(person.user.id);
    expect((await change(TEST_PASSWORD, `atelier_session=${token}`)).status).toBe(429);
    // …but the guesses did not lock the person out of signing in.
    expect((await signIn(server, person.user.email, TEST_PASSWORD)).status).toBe(200);
  }, BURST_TIMEOUT_MS);

  it('password-change guesses sent at once are counted before they are checked', async () => {
    const server = await testServer({ SIGN_IN_HASH_PER_ADDRESS: '64', SIGN_IN_HASH_QUEUE: '64' });
    const person = await createPerson(server);
    const guesses = Array.from({ length: 16 }, (_, i) => (i === 15 ? TEST_PASSWORD : `wrong current ${i}`));
    const results = await Promise.all(
      guesses.map((currentPassword) =>
        api(server, '/api/me/password', { body: { currentPassword, newPassword: 'a brand new long password' }, cookie: person.cookie })
      )
    );
    expect(statuses(results)).toEqual({ 400: MAX_FAILURES, 429: 16 - MAX_FAILURES });
    expect(results[15]!.status).toBe(429);
  }, BURST_TIMEOUT_MS);
});

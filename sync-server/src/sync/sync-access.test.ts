import { request } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { updateCop } from '../accounts/cops';
import { changeRole, removeMembership } from '../accounts/memberships';
import { connect, createCopWith, createPerson, eventually, removeDataDirs, sleep, startSyncServer, storedDoc, type SyncTestServer } from './sync-test-kit';

afterAll(removeDataDirs);

/** Opens a raw socket and records everything it receives until it closes. */
function rawSocket(server: SyncTestServer, path: string, headers: Record<string, string> = {}) {
  const socket = new WebSocket(`${server.wsUrl}/${path}`, { headers });
  const received: Buffer[] = [];
  socket.on('message', (data: Buffer) => received.push(data));
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() }))
  );
  socket.on('error', () => {
    // A refused upgrade surfaces as an error followed by close; the close is what tests look at.
  });
  return { socket, received, closed };
}

/** Sends an upgrade request for a raw path and returns the HTTP status the server answered with. */
function upgradeStatus(server: SyncTestServer, rawPath: string, cookie: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(server.url);
    // `path` goes on the wire as given; a URL string would be normalised first (.. removed).
    const req = request({
      hostname,
      port,
      path: rawPath,
      headers: {
        Connection: 'Upgrade',
        Upgrade: 'websocket',
        'Sec-WebSocket-Version': '13',
        'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
        Cookie: cookie
      }
    });
    req.on('response', (res) => resolve(res.statusCode ?? 0));
    req.on('upgrade', (res, socket) => {
      socket.destroy();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('who may open a document', () => {
  it('closes a socket without a session with 4401 before sending any byte', async () => {
    const server = await startSyncServer();
    const { copId } = createCopWith(server, {});
    const { received, closed } = rawSocket(server, `cop/${copId}`);
    expect((await closed).code).toBe(4401);
    expect(received).toHaveLength(0);
    await server.close();
  });

  it('closes a socket with a forged or ended session with 4401', async () => {
    const server = await startSyncServer();
    const { copId, people } = createCopWith(server, { ana: 'member' });
    const forged = rawSocket(server, `cop/${copId}`, { cookie: 'atelier_session=abcdefghijklmnopqrstuvwxyz234567' });
    expect((await forged.closed).code).toBe(4401);
    server.context.sessions.invalidate([people.ana!.sessionId]);
    const ended = rawSocket(server, `cop/${copId}`, { cookie: people.ana!.cookie });
    expect((await ended.closed).code).toBe(4401);
    expect([...forged.received, ...ended.received]).toHaveLength(0);
    await server.close();
  });

  it('closes the socket of someone who is not a member of that COP with 4403', async () => {
    const server = await startSyncServer();
    const { copId } = createCopWith(server, {});
    const stranger = createPerson(server);
    const { received, closed } = rawSocket(server, `cop/${copId}/notes/x`, { cookie: stranger.cookie });
    expect((await closed).code).toBe(4403);
    expect(received).toHaveLength(0);
    await server.close();
  });

  it('closes a socket opened from a foreign Origin with 4403, even with a valid session', async () => {
    const server = await startSyncServer();
    const { copId, people } = createCopWith(server, { ana: 'member' });
    const { received, closed } = rawSocket(server, `cop/${copId}`, { cookie: people.ana!.cookie, origin: 'https://evil.example.com' });
    expect((await closed).code).toBe(4403);
    expect(received).toHaveLength(0);
    await server.close();
  });

  it('lets a member in from an allowed Origin and the programme manager in without a membership', async () => {
    const server = await startSyncServer({ PUBLIC_ORIGIN: 'https://atelier.example.ca' });
    const { copId, manager, people } = createCopWith(server, { ana: 'member' });
    const fromApp = connect(server, `cop/${copId}`, people.ana!, { origin: 'https://atelier.example.ca' });
    const byManager = connect(server, `cop/${copId}`, manager);
    await Promise.all([fromApp.synced(), byManager.synced()]);
    expect(fromApp.closes).toEqual([]);
    fromApp.destroy();
    byManager.destroy();
    await server.close();
  });

  it.each([
    ['percent-encoding', '/sync/cop/abc%2Fdef'],
    ['a .. segment', '/sync/cop/abc/../def'],
    ['a . segment', '/sync/cop/abc/./def'],
    ['an empty segment', '/sync/cop/abc//def'],
    ['a trailing slash', '/sync/cop/abc/'],
    ['a name over 256 bytes', `/sync/cop/abc/${'x'.repeat(260)}`],
    ['a name outside cop/', '/sync/other/abc'],
    ['a dot inside a segment', '/sync/cop/abc/notes.txt']
  ])('refuses a document name with %s with HTTP 400', async (_what, path) => {
    const server = await startSyncServer();
    const ana = createPerson(server);
    expect(await upgradeStatus(server, path, ana.cookie)).toBe(400);
    await server.close();
  });
});

describe('access changes on open sockets', () => {
  it('closes the sockets of an ended session with 4401 within a second', async () => {
    const server = await startSyncServer();
    const { copId, people } = createCopWith(server, { ana: 'member' });
    const a = connect(server, `cop/${copId}`, people.ana!);
    const b = connect(server, `cop/${copId}/notes/a`, people.ana!);
    await Promise.all([a.synced(), b.synced()]);
    const started = Date.now();
    server.context.sessions.invalidate([people.ana!.sessionId]);
    await eventually(() => expect([a.closes[0]?.code, b.closes[0]?.code]).toEqual([4401, 4401]), 1000);
    expect(Date.now() - started).toBeLessThan(1000);
    // The stock client stops on 44xx: it does not come back.
    await sleep(300);
    expect(a.provider.wsconnected || a.provider.wsconnecting).toBe(false);
    a.destroy();
    b.destroy();
    await server.close();
  });

  it('closes the sockets of a session that runs out while they are open with 4401', async () => {
    const server = await startSyncServer();
    const { copId, people } = createCopWith(server, { ana: 'member', ben: 'member' });
    // Ana's session reaches its absolute end (90 days after sign-in) a moment from now.
    server.db.prepare('UPDATE sessions SET absolute_expires_at = ? WHERE id = ?').run(Date.now() + 800, people.ana!.sessionId);
    const a = connect(server, `cop/${copId}/notes/a`, people.ana!);
    const b = connect(server, `cop/${copId}/notes/a`, people.ben!);
    await Promise.all([a.synced(), b.synced()]);
    expect(a.closes).toEqual([]);
    await eventually(() => expect(a.closes[0]?.code).toBe(4401), 3_000);
    expect(b.closes).toEqual([]);
    a.destroy();
    b.destroy();
    await server.close();
  });

  it('keeps the sockets of a session that was extended meanwhile', async () => {
    const server = await startSyncServer();
    const { copId, people } = createCopWith(server, { ana: 'member' });
    server.db.prepare('UPDATE sessions SET absolute_expires_at = ? WHERE id = ?').run(Date.now() + 600, people.ana!.sessionId);
    const a = connect(server, `cop/${copId}/notes/a`, people.ana!);
    await a.synced();
    // Using the app meanwhile moved the end further (here: by hand, as validate() would).
    server.db.prepare('UPDATE sessions SET absolute_expires_at = ? WHERE id = ?').run(Date.now() + 60_000, people.ana!.sessionId);
    await sleep(1_200);
    expect(a.closes).toEqual([]);
    a.destroy();
    await server.close();
  });

  it('closes a removed member\'s sockets with 4403 within a second, and leaves others open', async () => {
    const server = await startSyncServer();
    const { copId, people } = createCopWith(server, { ana: 'member', ben: 'member' });
    const a = connect(server, `cop/${copId}`, people.ana!);
    const b = connect(server, `cop/${copId}`, people.ben!);
    await Promise.all([a.synced(), b.synced()]);
    removeMembership(server.context, copId, people.ana!.userId);
    await eventually(() => expect(a.closes[0]?.code).toBe(4403), 1000);
    expect(b.closes).toEqual([]);
    a.destroy();
    b.destroy();
    await server.close();
  });

  it('stops applying the updates of a member demoted to observer at once, keeping the socket open', async () => {
    const server = await startSyncServer();
    const { copId, people } = createCopWith(server, { ana: 'member', ben: 'member' });
    const name = `cop/${copId}/notes/demote`;
    const a = connect(server, name, people.ana!);
    const b = connect(server, name, people.ben!);
    await Promise.all([a.synced(), b.synced()]);
    a.doc.getText('t').insert(0, 'before;');
    await eventually(() => expect(b.doc.getText('t').toString()).toBe('before;'));
    changeRole(server.context, copId, people.ana!.userId, 'observer');
    a.doc.getText('t').insert(0, 'after;');
    b.doc.getText('t').insert(7, 'ben;');
    await eventually(() => expect(a.doc.getText('t').toString()).toContain('ben;'));
    await sleep(100);
    expect(b.doc.getText('t').toString()).toBe('before;ben;');
    expect(storedDoc(server, name).getText('t').toString()).toBe('before;ben;');
    expect(a.closes).toEqual([]);
    a.destroy();
    b.destroy();
    await server.close();
  });

  it('makes an archived COP read-only for its members on open sockets', async () => {
    const server = await startSyncServer();
    const { copId, people } = createCopWith(server, { ana: 'facilitator' });
    const name = `cop/${copId}`;
    const a = connect(server, name, people.ana!);
    await a.synced();
    updateCop(server.db, copId, { status: 'archived' });
    server.context.events.emit('cop-status-changed', { copId, status: 'archived' });
    a.doc.getText('t').insert(0, 'too late');
    await sleep(150);
    expect(storedDoc(server, name).getText('t').toString()).toBe('');
    a.destroy();
    await server.close();
  });
});

describe('open sockets per account', () => {
  it('never lets an account past SYNC_MAX_SOCKETS_PER_USER, even when its upgrades arrive at once, and gives a place back when a socket closes', async () => {
    const server = await startSyncServer({ SYNC_MAX_SOCKETS_PER_USER: '3' });
    const { copId, people } = createCopWith(server, { ana: 'member', ben: 'member' });
    const name = `cop/${copId}`;
    // Ten upgrades sent together: each is decided before any of them has opened.
    const burst = Array.from({ length: 10 }, () => rawSocket(server, name, { cookie: people.ana!.cookie }));
    await Promise.all(burst.map((s) => new Promise((resolve) => (s.socket.readyState === WebSocket.OPEN ? resolve(null) : s.socket.once('open', resolve)))));
    await sleep(200);
    const open = () => burst.filter((s) => s.socket.readyState === WebSocket.OPEN);
    expect(open()).toHaveLength(3);
    const refused = await Promise.all(burst.filter((s) => s.socket.readyState !== WebSocket.OPEN).map((s) => s.closed));
    expect(refused.map((r) => r.code)).toEqual(Array(7).fill(4429));
    // Another account is not affected.
    const ben = rawSocket(server, name, { cookie: people.ben!.cookie });
    await new Promise((resolve) => ben.socket.once('message', resolve));
    // Closing one of Ana's three lets exactly one more in.
    const [first] = open();
    first!.socket.close();
    await first!.closed;
    const again = [rawSocket(server, name, { cookie: people.ana!.cookie }), rawSocket(server, name, { cookie: people.ana!.cookie })];
    const outcomes = await Promise.all(
      again.map((s) => Promise.race([s.closed.then((c) => c.code), new Promise((resolve) => s.socket.once('message', () => resolve('open')))]))
    );
    expect(outcomes.sort()).toEqual([4429, 'open']);
    for (const s of [...burst, ...again, ben]) s.socket.terminate();
    await server.close();
  });
});

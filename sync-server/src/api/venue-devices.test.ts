// Venue hubs and venue passes at central, through the real API (docs/venue.md).
import { createPublicKey } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cop } from '../accounts/cops';
import { api, createPerson, createTestCop, joinCop, startTestServer, type Person, type TestServer } from '../test-support/test-server';
import { authenticateVenueDevice, deviceCredential } from '../venue/venue-devices';
import { verifyVenuePass } from '../venue/venue-pass';

let server: TestServer;
let manager: Person;
let facilitator: Person;
let member: Person;
let observer: Person;
let outsider: Person;
let cop: Cop;
let otherCop: Cop;

beforeAll(async () => {
  server = await startTestServer();
  manager = await createPerson(server, { isManager: true });
  facilitator = await createPerson(server, { name: 'Fatima Facilitator' });
  member = await createPerson(server, { name: 'Marc Member' });
  observer = await createPerson(server);
  outsider = await createPerson(server);
  cop = createTestCop(server, manager.user, 'Portfolio Management Circle');
  otherCop = createTestCop(server, manager.user, 'Other COP');
  joinCop(server, cop, facilitator, 'facilitator');
  joinCop(server, otherCop, facilitator, 'member');
  joinCop(server, cop, member, 'member');
  joinCop(server, otherCop, member, 'observer');
  joinCop(server, cop, observer, 'observer');
});
afterAll(() => server.dispose());

const register = (person: Person, cops: string[], name = 'Room laptop') =>
  api(server, '/api/venue/devices', { body: { name, cops }, cookie: person.cookie });

describe('venue devices', () => {
  it('a facilitator registers a hub for their COP and gets a secret central keeps only hashed', async () => {
    const res = await register(facilitator, [cop.id], 'Salle Laurier laptop');
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ name: 'Salle Laurier laptop', cops: [cop.id], createdBy: facilitator.user.id, revokedAt: null });
    expect(res.json.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = server.db.prepare('SELECT secret_hash FROM venue_devices WHERE id = ?').get(res.json.id) as { secret_hash: string };
    expect(stored.secret_hash).not.toContain(res.json.secret);
    expect(stored.secret_hash).toMatch(/^[0-9a-f]{64}$/);
    const auth = `Bearer ${deviceCredential(res.json.id, res.json.secret)}`;
    expect(authenticateVenueDevice(server.db, auth)?.id).toBe(res.json.id);
    expect(authenticateVenueDevice(server.db, `Bearer ${deviceCredential(res.json.id, 'A'.repeat(43))}`)).toBeUndefined();
    const listed = await api(server, `/api/cops/${cop.id}/venue-devices`, { cookie: facilitator.cookie });
    expect(listed.status).toBe(200);
    expect(listed.json.map((d: { id: string }) => d.id)).toContain(res.json.id);
    expect(JSON.stringify(listed.json)).not.toContain(res.json.secret);
  });

  it('a hub for several COPs is refused unless the person facilitates every one of them', async () => {
    const res = await register(facilitator, [cop.id, otherCop.id]);
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe('forbidden');
    expect(server.db.prepare('SELECT COUNT(*) AS n FROM venue_devices WHERE name = ?').get('Room laptop')).toEqual({ n: 0 });
    const byManager = await register(manager, [cop.id, otherCop.id], 'Programme laptop');
    expect(byManager.status).toBe(201);
    expect(byManager.json.cops.sort()).toEqual([cop.id, otherCop.id].sort());
  });

  it('members, observers and outsiders cannot register, list or revoke hubs', async () => {
    for (const person of [member, observer, outsider]) {
      expect((await register(person, [cop.id])).status).toBe(403);
      expect((await api(server, `/api/cops/${cop.id}/venue-devices`, { cookie: person.cookie })).status).toBe(403);
    }
    const { json: device } = await register(facilitator, [cop.id]);
    const revoke = await api(server, `/api/cops/${cop.id}/venue-devices/${device.id}`, { method: 'DELETE', cookie: member.cookie });
    expect(revoke.status).toBe(403);
    expect(authenticateVenueDevice(server.db, `Bearer ${deviceCredential(device.id, device.secret)}`)).toBeDefined();
  });

  it('a bad registration body is refused with the field named, in the person’s language', async () => {
    const cases: [unknown, RegExp][] = [
      [{ name: '', cops: [cop.id] }, /^name/],
      [{ name: 'x', cops: [] }, /^cops/],
      [{ name: 'x', cops: Array.from({ length: 21 }, (_, i) => `c${i}`) }, /^cops/],
      [{ name: 'x', cops: ['a'.repeat(65)] }, /^cops/],
      [{ name: 'x'.repeat(121), cops: [cop.id] }, /^name/],
      [{ name: 'x', cops: [cop.id], extra: 1 }, /extra/]
    ];
    for (const [body, field] of cases) {
      const res = await api(server, '/api/venue/devices', { body, cookie: facilitator.cookie });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json.error.code).toBe('invalid_input');
      expect(res.json.error.message).toMatch(field);
    }
    const francophone = await createPerson(server);
    server.db.prepare("UPDATE users SET language = 'fr' WHERE id = ?").run(francophone.user.id);
    const fr = await api(server, '/api/venue/devices', { body: { name: 'x', cops: [] }, cookie: francophone.cookie });
    expect(fr.json.error.message).toBe('cops : doit contenir au moins un élément');
    const unknown = await register(manager, ['nosuchcop']);
    expect(unknown.status).toBe(404);
  });

  it('a revoked hub can no longer authenticate, and its open sockets are told at once', async () => {
    const { json: device } = await register(facilitator, [cop.id]);
    const heard: string[] = [];
    const listener = ({ deviceId }: { deviceId: string }) => heard.push(deviceId);
    server.context.events.on('venue-device-revoked', listener);
    const res = await api(server, `/api/cops/${cop.id}/venue-devices/${device.id}`, { method: 'DELETE', cookie: facilitator.cookie });
    server.context.events.off('venue-device-revoked', listener);
    expect(res.status).toBe(204);
    expect(heard).toEqual([device.id]);
    expect(authenticateVenueDevice(server.db, `Bearer ${deviceCredential(device.id, device.secret)}`)).toBeUndefined();
    const listed = await api(server, `/api/cops/${cop.id}/venue-devices`, { cookie: facilitator.cookie });
    expect(listed.json.find((d: { id: string }) => d.id === device.id).revokedAt).toBeGreaterThan(0);
  });

  it('a hub cannot be revoked through a COP it does not serve', async () => {
    const { json: device } = await register(manager, [otherCop.id]);
    const res = await api(server, `/api/cops/${cop.id}/venue-devices/${device.id}`, { method: 'DELETE', cookie: facilitator.cookie });
    expect(res.status).toBe(404);
    expect(authenticateVenueDevice(server.db, `Bearer ${deviceCredential(device.id, device.secret)}`)).toBeDefined();
  });
});

describe('venue passes', () => {
  async function publicKey() {
    const res = await api(server, '/api/venue/public-key');
    expect(res.status).toBe(200);
    expect(res.json.algorithm).toBe('Ed25519');
    return createPublicKey({ key: Buffer.from(res.json.publicKey, 'base64url'), format: 'der', type: 'spki' });
  }

  it('a member’s pass names them and every COP they are in, with their standing, and verifies with the published key', async () => {
    const res = await api(server, '/api/venue/pass', { body: {}, cookie: member.cookie });
    expect(res.status).toBe(201);
    const check = verifyVenuePass(res.json.pass, await publicKey());
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.payload).toMatchObject({ sub: member.user.id, name: 'Marc Member' });
    expect(check.payload.cops).toEqual(
      expect.arrayContaining([
        { copId: cop.id, standing: 'member' },
        { copId: otherCop.id, standing: 'observer' }
      ])
    );
    expect(res.json.expiresAt).toBe(check.payload.exp * 1000);
    expect(check.payload.exp - check.payload.iat).toBe(14 * 24 * 3600);
  });

  it('every pass is signed with the one stored key, not a new key per request', async () => {
    const before = (await api(server, '/api/venue/public-key')).json.publicKey;
    const again = (await api(server, '/api/venue/public-key')).json.publicKey;
    expect(again).toBe(before);
    expect(server.db.prepare('SELECT COUNT(*) AS n FROM venue_signing_keys').get()).toEqual({ n: 1 });
  });

  it('a pass for a COP the person is not in is refused, and none is issued', async () => {
    const res = await api(server, '/api/venue/pass', { body: { cops: [cop.id] }, cookie: outsider.cookie });
    expect(res.status).toBe(403);
    const none = await api(server, '/api/venue/pass', { body: {}, cookie: outsider.cookie });
    expect(none.status).toBe(409);
    const francophone = await createPerson(server);
    server.db.prepare("UPDATE users SET language = 'fr' WHERE id = ?").run(francophone.user.id);
    const fr = await api(server, '/api/venue/pass', { body: {}, cookie: francophone.cookie });
    expect(fr.json.error.message).toMatch(/^Vous n’êtes membre d’aucune CdP/);
  });

  it('the programme manager’s pass must name its COPs, and then carries the manager standing', async () => {
    const without = await api(server, '/api/venue/pass', { body: {}, cookie: manager.cookie });
    expect(without.status).toBe(400);
    expect(without.json.error.message).toMatch(/^cops/);
    const res = await api(server, '/api/venue/pass', { body: { cops: [cop.id] }, cookie: manager.cookie });
    expect(res.status).toBe(201);
    const check = verifyVenuePass(res.json.pass, await publicKey());
    expect(check.ok && check.payload.cops).toEqual([{ copId: cop.id, standing: 'manager' }]);
  });

  it('a pass needs a session', async () => {
    const res = await api(server, '/api/venue/pass', { body: {} });
    expect(res.status).toBe(401);
  });
});

// Invitations by link, requests to join, and the COP directory, through the real API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cop } from '../accounts/cops';
import { api, createPerson, createTestCop, joinCop, sessionCookieFrom, startTestServer, type Person, type TestServer } from '../test-support/test-server';

let server: TestServer;
let manager: Person;
let facilitator: Person;
let cop: Cop;

beforeAll(async () => {
  server = await startTestServer();
  manager = await createPerson(server, { isManager: true });
  facilitator = await createPerson(server);
  cop = createTestCop(server, manager.user, 'Portfolio Management Circle');
  joinCop(server, cop, facilitator, 'facilitator');
});
afterAll(() => server.dispose());

async function invite(body: Record<string, unknown>) {
  const res = await api(server, `/api/cops/${cop.id}/invitations`, { body, cookie: facilitator.cookie });
  expect(res.status).toBe(201);
  return res.json as { token: string; url: string; expiresAt: number; maxUses: number | null };
}

describe('invitations', () => {
  it('yield a link that expires in 7 days by default and serves any number of people', async () => {
    const inv = await invite({ role: 'member', participation: 'broader' });
    expect(inv.url).toBe(`http://localhost:0/join/${inv.token}`);
    expect(inv.maxUses).toBeNull();
    expect(inv.expiresAt - Date.now()).toBeGreaterThan(6.9 * 24 * 3600 * 1000);
    const preview = await api(server, `/api/invitations/${inv.token}`);
    expect(preview.json).toMatchObject({ copId: cop.id, copName: 'Portfolio Management Circle', role: 'member', participation: 'broader' });
    for (let i = 0; i < 3; i++) {
      const res = await api(server, `/api/invitations/${inv.token}/accept`, {
        body: { name: `Newcomer ${i}`, email: `newcomer${i}@example.ca`, password: 'a long enough password' }
      });
      expect(res.status).toBe(200);
      expect(res.json.copId).toBe(cop.id);
      const me = await api(server, '/api/me', { cookie: sessionCookieFrom(res.headers) });
      expect(me.json.memberships).toEqual([{ copId: cop.id, role: 'member', participation: 'broader', experience: 'learning' }]);
      expect(me.json.user.language).toBe('en');
    }
  });

  it('an experienced person invited as such is not brought in as learning', async () => {
    const inv = await invite({ role: 'member', participation: 'core', experience: 'experienced' });
    expect(inv).toMatchObject({ experience: 'experienced' });
    expect((await api(server, `/api/invitations/${inv.token}`)).json).toMatchObject({ experience: 'experienced' });
    const listed = await api(server, `/api/cops/${cop.id}/invitations`, { cookie: facilitator.cookie });
    expect((listed.json as { token: string; experience: string }[]).find((i) => i.token === inv.token)?.experience).toBe('experienced');
    const res = await api(server, `/api/invitations/${inv.token}/accept`, {
      body: { name: 'Seasoned Hand', email: 'seasoned@example.ca', password: 'a long enough password' }
    });
    expect(res.status).toBe(200);
    const me = await api(server, '/api/me', { cookie: sessionCookieFrom(res.headers) });
    expect(me.json.memberships).toEqual([{ copId: cop.id, role: 'member', participation: 'core', experience: 'experienced' }]);
    // A signed-in person joining with their own account gets it too.
    const existing = await createPerson(server);
    const joined = await api(server, `/api/invitations/${inv.token}/accept`, { body: {}, cookie: existing.cookie });
    expect(joined.status).toBe(200);
    const theirs = await api(server, '/api/me', { cookie: existing.cookie });
    expect(theirs.json.memberships).toEqual([{ copId: cop.id, role: 'member', participation: 'core', experience: 'experienced' }]);
  });

  it('an invitation with an unknown experience is refused with a message naming the field', async () => {
    const res = await api(server, `/api/cops/${cop.id}/invitations`, { body: { role: 'member', experience: 'expert' }, cookie: facilitator.cookie });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('invalid_input');
    expect(res.json.error.message).toMatch(/experience/);
  });

  it('stop at their use limit', async () => {
    const inv = await invite({ role: 'observer', maxUses: 1 });
    const first = await api(server, `/api/invitations/${inv.token}/accept`, { body: { name: 'Once', email: 'once@example.ca', password: 'a long enough password' } });
    expect(first.status).toBe(200);
    const second = await api(server, `/api/invitations/${inv.token}/accept`, { body: { name: 'Twice', email: 'twice@example.ca', password: 'a long enough password' } });
    expect(second.status).toBe(404);
    expect((await api(server, `/api/invitations/${inv.token}`)).status).toBe(404);
    // The refused person got no account either.
    expect((await api(server, '/api/auth/sign-in', { body: { email: 'twice@example.ca', password: 'a long enough password' } })).status).toBe(401);
  });

  it('can be revoked, and expire', async () => {
    const revoked = await invite({ role: 'member' });
    expect((await api(server, `/api/cops/${cop.id}/invitations/${revoked.token}`, { method: 'DELETE', cookie: facilitator.cookie })).status).toBe(204);
    expect((await api(server, `/api/invitations/${revoked.token}`)).status).toBe(404);
    const listed = await api(server, `/api/cops/${cop.id}/invitations`, { cookie: facilitator.cookie });
    expect(listed.json.map((i: { token: string }) => i.token)).not.toContain(revoked.token);

    const expired = await invite({ role: 'member' });
    server.db.prepare('UPDATE invitations SET expires_at = ? WHERE token = ?').run(Date.now() - 1, expired.token);
    const res = await api(server, `/api/invitations/${expired.token}/accept`, { body: { name: 'Late', email: 'late@example.ca', password: 'a long enough password' } });
    expect(res.status).toBe(404);
  });

  it('let a signed-in person join with an empty body, and refuse a new account for a known email', async () => {
    const inv = await invite({ role: 'member' });
    const existing = await createPerson(server);
    const conflict = await api(server, `/api/invitations/${inv.token}/accept`, {
      body: { name: 'Again', email: existing.user.email.toUpperCase(), password: 'a long enough password' }
    });
    expect(conflict.status).toBe(409);
    const joined = await api(server, `/api/invitations/${inv.token}/accept`, { method: 'POST', cookie: existing.cookie });
    expect(joined.status).toBe(200);
    expect(joined.json).toMatchObject({ user: { id: existing.user.id }, copId: cop.id });
    const again = await api(server, `/api/invitations/${inv.token}/accept`, { body: {}, cookie: existing.cookie });
    expect(again.status).toBe(409);
  });

  it('validate the new account and name the field', async () => {
    const inv = await invite({ role: 'member' });
    const res = await api(server, `/api/invitations/${inv.token}/accept`, { body: { name: 'Short', email: 'short@example.ca', password: 'short' } });
    expect(res.status).toBe(400);
    expect(res.json.error.message).toBe('password: must be at least 10 characters');
    const bad = await api(server, `/api/cops/${cop.id}/invitations`, { body: { role: 'member', maxUses: 0 }, cookie: facilitator.cookie });
    expect(bad.json.error.message).toBe('maxUses: must be at least 1');
  });
});

describe('requests to join', () => {
  it('are approved into a membership or declined', async () => {
    const asker = await createPerson(server);
    const created = await api(server, `/api/cops/${cop.id}/join-requests`, { body: { message: 'I run intake at my city' }, cookie: asker.cookie });
    expect(created.status).toBe(201);
    expect((await api(server, `/api/cops/${cop.id}/join-requests`, { body: {}, cookie: asker.cookie })).status).toBe(409);
    const summary = await api(server, `/api/cops/${cop.id}`, { cookie: asker.cookie });
    expect(summary.json.hasPendingRequest).toBe(true);
    const pending = await api(server, `/api/cops/${cop.id}/join-requests`, { cookie: facilitator.cookie });
    expect(pending.json).toEqual([expect.objectContaining({ userId: asker.user.id, message: 'I run intake at my city' })]);
    const approved = await api(server, `/api/cops/${cop.id}/join-requests/${created.json.id}/approve`, { body: { role: 'member' }, cookie: facilitator.cookie });
    expect(approved.json).toMatchObject({ userId: asker.user.id, role: 'member', participation: 'broader' });

    const other = await createPerson(server);
    const req = await api(server, `/api/cops/${cop.id}/join-requests`, { body: {}, cookie: other.cookie });
    expect((await api(server, `/api/cops/${cop.id}/join-requests/${req.json.id}/decline`, { method: 'POST', cookie: facilitator.cookie })).status).toBe(204);
    expect((await api(server, `/api/cops/${cop.id}/members`, { cookie: other.cookie })).status).toBe(403);
  });
});

describe('the COP directory', () => {
  it('lists my COPs first, searches name and area without regard to accents or case, filters by language', async () => {
    const reader = await createPerson(server);
    const mk = async (name: string, areaOfInterest: string, language: string) =>
      (await api(server, '/api/cops', { body: { name, areaOfInterest, language }, cookie: manager.cookie })).json;
    const a = await mk('Alpha Circle', 'Data Governance', 'en');
    const z = await mk('Zêta — Gestion du changement', 'Gestion du changement', 'fr');
    await api(server, `/api/cops/${z.id}/members`, { body: { email: reader.user.email, role: 'member' }, cookie: manager.cookie });

    const all = (await api(server, '/api/cops', { cookie: reader.cookie })).json as { id: string; myRole: string | null }[];
    expect(all[0]).toMatchObject({ id: z.id, myRole: 'member' });
    expect(all.map((c) => c.id)).toContain(a.id);

    const search = (await api(server, '/api/cops?q=GESTION%20DU%20CHANGEMENT', { cookie: reader.cookie })).json;
    expect(search.map((c: { id: string }) => c.id)).toEqual([z.id]);
    const accents = (await api(server, '/api/cops?q=zeta', { cookie: reader.cookie })).json;
    expect(accents.map((c: { id: string }) => c.id)).toEqual([z.id]);
    const french = (await api(server, '/api/cops?language=fr', { cookie: reader.cookie })).json;
    expect(french.every((c: { language: string }) => c.language === 'fr')).toBe(true);
    expect((await api(server, '/api/cops?language=de', { cookie: reader.cookie })).status).toBe(400);
  });

  it('shows facilitators, member counts, and warns above 12 in the core group', async () => {
    const big = createTestCop(server, manager.user, 'Big COP');
    for (let i = 0; i < 13; i++) joinCop(server, big, await createPerson(server), 'member', 'core');
    joinCop(server, big, await createPerson(server, { name: 'Fran Facilitator' }), 'facilitator', 'broader');
    const res = await api(server, `/api/cops/${big.id}`, { cookie: manager.cookie });
    expect(res.json).toMatchObject({ memberCount: 14, coreCount: 13, coreGroupWarning: true, facilitators: [{ name: 'Fran Facilitator' }], myRole: 'manager' });
  });

  it('archives a COP: it leaves the default directory and stays readable', async () => {
    const old = createTestCop(server, manager.user, 'Old COP');
    const res = await api(server, `/api/cops/${old.id}`, { method: 'PATCH', body: { status: 'archived' }, cookie: manager.cookie });
    expect(res.json.status).toBe('archived');
    const active = (await api(server, '/api/cops', { cookie: manager.cookie })).json.map((c: { id: string }) => c.id);
    expect(active).not.toContain(old.id);
    const everything = (await api(server, '/api/cops?status=all', { cookie: manager.cookie })).json.map((c: { id: string }) => c.id);
    expect(everything).toContain(old.id);
  });
});

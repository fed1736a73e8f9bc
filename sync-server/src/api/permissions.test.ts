// Every endpoint × every role: each role can do exactly what it may and gets 403 (or 401 when
// signed out) for the rest. Each cell runs against fresh targets so cells cannot affect each other.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInvitation } from '../accounts/invitations';
import { requestToJoin } from '../accounts/join-requests';
import type { Cop } from '../accounts/cops';
import { api, createPerson, createTestCop, joinCop, startTestServer, type Person, type TestServer } from '../test-support/test-server';

type Role = 'anonymous' | 'outsider' | 'observer' | 'member' | 'facilitator' | 'manager';
const ROLES: Role[] = ['anonymous', 'outsider', 'observer', 'member', 'facilitator', 'manager'];

let server: TestServer;
let cop: Cop;
const people = {} as Record<Exclude<Role, 'anonymous'>, Person>;

beforeAll(async () => {
  server = await startTestServer();
  people.manager = await createPerson(server, { isManager: true });
  cop = createTestCop(server, people.manager.user);
  for (const role of ['facilitator', 'member', 'observer'] as const) {
    people[role] = await createPerson(server);
    joinCop(server, cop, people[role], role);
  }
  people.outsider = await createPerson(server);
});
afterAll(() => server.dispose());

interface Cell {
  method: string;
  path: string;
  body?: unknown;
}
interface Row {
  name: string;
  /** Builds the request with fresh targets, for the role about to try it. */
  setup: (role: Role) => Promise<Cell> | Cell;
  /** Status for each role that may do it; every other signed-in role expects 403. */
  allowed: Partial<Record<Role, number>>;
}

const freshMember = async () => {
  const target = await createPerson(server);
  joinCop(server, cop, target, 'member');
  return target;
};

const ROWS: Row[] = [
  { name: 'GET /api/me', setup: () => ({ method: 'GET', path: '/api/me' }), allowed: { outsider: 200, observer: 200, member: 200, facilitator: 200, manager: 200 } },
  { name: 'GET /api/me/sessions', setup: () => ({ method: 'GET', path: '/api/me/sessions' }), allowed: { outsider: 200, observer: 200, member: 200, facilitator: 200, manager: 200 } },
  {
    name: 'POST /api/cops',
    setup: () => ({ method: 'POST', path: '/api/cops', body: { name: 'New COP', areaOfInterest: 'Data', language: 'fr' } }),
    allowed: { manager: 201 }
  },
  { name: 'GET /api/cops', setup: () => ({ method: 'GET', path: '/api/cops' }), allowed: { outsider: 200, observer: 200, member: 200, facilitator: 200, manager: 200 } },
  { name: 'GET /api/cops/{id}', setup: () => ({ method: 'GET', path: `/api/cops/${cop.id}` }), allowed: { outsider: 200, observer: 200, member: 200, facilitator: 200, manager: 200 } },
  {
    name: 'PATCH /api/cops/{id}',
    setup: () => ({ method: 'PATCH', path: `/api/cops/${cop.id}`, body: { description: 'Updated' } }),
    allowed: { manager: 200 }
  },
  { name: 'GET members', setup: () => ({ method: 'GET', path: `/api/cops/${cop.id}/members` }), allowed: { observer: 200, member: 200, facilitator: 200, manager: 200 } },
  {
    name: 'POST members (add an existing account)',
    setup: async () => ({ method: 'POST', path: `/api/cops/${cop.id}/members`, body: { email: (await createPerson(server)).user.email, role: 'facilitator' } }),
    allowed: { manager: 201 }
  },
  {
    name: 'PATCH member role to observer',
    setup: async () => ({ method: 'PATCH', path: `/api/cops/${cop.id}/members/${(await freshMember()).user.id}`, body: { role: 'observer' } }),
    allowed: { facilitator: 200, manager: 200 }
  },
  {
    name: 'PATCH member role to facilitator',
    setup: async () => ({ method: 'PATCH', path: `/api/cops/${cop.id}/members/${(await freshMember()).user.id}`, body: { role: 'facilitator' } }),
    allowed: { manager: 200 }
  },
  {
    name: 'DELETE a member',
    setup: async () => ({ method: 'DELETE', path: `/api/cops/${cop.id}/members/${(await freshMember()).user.id}` }),
    allowed: { facilitator: 204, manager: 204 }
  },
  {
    name: 'DELETE a facilitator',
    setup: async () => {
      const target = await createPerson(server);
      joinCop(server, cop, target, 'facilitator');
      return { method: 'DELETE', path: `/api/cops/${cop.id}/members/${target.user.id}` };
    },
    allowed: { manager: 204 }
  },
  {
    name: 'POST invitation for a member',
    setup: () => ({ method: 'POST', path: `/api/cops/${cop.id}/invitations`, body: { role: 'member', participation: 'broader', maxUses: 3 } }),
    allowed: { facilitator: 201, manager: 201 }
  },
  {
    name: 'POST invitation for a facilitator',
    setup: () => ({ method: 'POST', path: `/api/cops/${cop.id}/invitations`, body: { role: 'facilitator' } }),
    allowed: { manager: 201 }
  },
  { name: 'GET invitations', setup: () => ({ method: 'GET', path: `/api/cops/${cop.id}/invitations` }), allowed: { facilitator: 200, manager: 200 } },
  {
    name: 'DELETE (revoke) an invitation',
    setup: () => {
      const inv = createInvitation(server.db, { copId: cop.id, role: 'member', createdBy: people.manager.user.id });
      return { method: 'DELETE', path: `/api/cops/${cop.id}/invitations/${inv.token}` };
    },
    allowed: { facilitator: 204, manager: 204 }
  },
  {
    name: 'POST a request to join',
    setup: () => ({ method: 'POST', path: `/api/cops/${cop.id}/join-requests`, body: { message: 'Hello' } }),
    // Members are already in: a conflict, not a permission problem. The manager is not a member.
    allowed: { outsider: 201, observer: 409, member: 409, facilitator: 409, manager: 201 }
  },
  { name: 'GET requests to join', setup: () => ({ method: 'GET', path: `/api/cops/${cop.id}/join-requests` }), allowed: { facilitator: 200, manager: 200 } },
  {
    name: 'approve a request to join',
    setup: async () => {
      const asker = await createPerson(server);
      const req = requestToJoin(server.db, cop.id, asker.user.id, '');
      return { method: 'POST', path: `/api/cops/${cop.id}/join-requests/${req.id}/approve`, body: {} };
    },
    allowed: { facilitator: 200, manager: 200 }
  },
  {
    name: 'decline a request to join',
    setup: async () => {
      const asker = await createPerson(server);
      const req = requestToJoin(server.db, cop.id, asker.user.id, '');
      return { method: 'POST', path: `/api/cops/${cop.id}/join-requests/${req.id}/decline` };
    },
    allowed: { facilitator: 204, manager: 204 }
  }
];

describe('API permissions by role', () => {
  for (const row of ROWS) {
    it.each(ROLES)(`${row.name} as %s`, async (role) => {
      const cell = await row.setup(role);
      const cookie = role === 'anonymous' ? undefined : people[role].cookie;
      const res = await api(server, cell.path, { method: cell.method, body: cell.body, cookie });
      const expected = row.allowed[role] ?? (role === 'anonymous' ? 401 : 403);
      expect(res.status, JSON.stringify(res.json)).toBe(expected);
      if (expected >= 400) {
        expect(res.json.error.code).toBe(expected === 401 ? 'not_signed_in' : expected === 409 ? 'conflict' : 'forbidden');
      }
    });
  }

  it('answers 404 for a COP that does not exist, whoever asks', async () => {
    const res = await api(server, '/api/cops/doesnotexist/members', { cookie: people.manager.cookie });
    expect(res.status).toBe(404);
    expect(res.json.error.code).toBe('not_found');
  });
});

describe('archived COPs', () => {
  const archive = async (target: Cop) => {
    const res = await api(server, `/api/cops/${target.id}`, { method: 'PATCH', cookie: people.manager.cookie, body: { status: 'archived' } });
    expect(res.status).toBe(200);
  };

  it('refuses an invitation made before the COP was archived, to a new account and to a signed-in person', async () => {
    const archived = createTestCop(server, people.manager.user, 'Soon archived');
    const invitation = createInvitation(server.db, { copId: archived.id, role: 'member', createdBy: people.manager.user.id });
    await archive(archived);
    expect((await api(server, `/api/invitations/${invitation.token}`)).status).toBe(404);
    const newcomer = await api(server, `/api/invitations/${invitation.token}/accept`, {
      body: { name: 'New Person', email: `new-${archived.id}@example.ca`, password: 'a long enough password' }
    });
    expect(newcomer.status).toBe(404);
    expect(newcomer.json.error.code).toBe('not_found');
    const signedIn = await createPerson(server);
    expect((await api(server, `/api/invitations/${invitation.token}/accept`, { cookie: signedIn.cookie, body: {} })).status).toBe(404);
    const members = await api(server, `/api/cops/${archived.id}/members`, { cookie: people.manager.cookie });
    expect(members.json.map((m: { userId: string }) => m.userId)).not.toContain(signedIn.user.id);
    expect(server.db.prepare('SELECT COUNT(*) AS n FROM users WHERE email = ?').get(`new-${archived.id}@example.ca`)).toEqual({ n: 0 });
  });

  it('refuses to approve a request to join made before the COP was archived', async () => {
    const archived = createTestCop(server, people.manager.user, 'Archived with a request');
    const asker = await createPerson(server);
    const request = requestToJoin(server.db, archived.id, asker.user.id, 'Please');
    await archive(archived);
    const res = await api(server, `/api/cops/${archived.id}/join-requests/${request.id}/approve`, { cookie: people.manager.cookie, body: {} });
    expect(res.status).toBe(409);
    expect(res.json.error.code).toBe('conflict');
    const members = await api(server, `/api/cops/${archived.id}/members`, { cookie: people.manager.cookie });
    expect(members.json.map((m: { userId: string }) => m.userId)).not.toContain(asker.user.id);
  });
});

describe('accounts from refused invitations', () => {
  it('leaves no account behind for the 19 of 20 people who accept a one-use link at once', async () => {
    // Its own server trusting X-Forwarded-For: each sign-in below comes from its own address, so
    // the address throttle cannot hide whether an account exists.
    const proxied = await startTestServer({ TRUST_PROXY: 'true' });
    try {
      const manager = await createPerson(proxied, { isManager: true });
      const target = createTestCop(proxied, manager.user, 'One seat');
      const invitation = createInvitation(proxied.db, { copId: target.id, role: 'member', maxUses: 1, createdBy: manager.user.id });
      const people = Array.from({ length: 20 }, (_, i) => ({ name: `Racer ${i}`, email: `racer${i}-${target.id}@example.ca`, password: `racer ${i} long password` }));
      const answers = await Promise.all(
        people.map((p, i) => api(proxied, `/api/invitations/${invitation.token}/accept`, { body: p, headers: { 'x-forwarded-for': `10.0.1.${i + 1}` } }))
      );
      const joined = answers.filter((a) => a.status === 200);
      expect(joined).toHaveLength(1);
      for (const refused of answers.filter((a) => a.status !== 200)) {
        expect([404, 429], JSON.stringify(refused.json)).toContain(refused.status);
      }
      const accounts = proxied.db.prepare(`SELECT email FROM users WHERE email LIKE ?`).all(`racer%-${target.id}@example.ca`) as { email: string }[];
      expect(accounts).toEqual([{ email: joined[0]!.json.user.email }]);
      const members = proxied.db.prepare('SELECT user_id FROM memberships WHERE cop_id = ?').all(target.id);
      expect(members).toEqual([{ user_id: joined[0]!.json.user.id }]);
      expect(proxied.db.prepare('SELECT uses FROM invitations WHERE token = ?').get(invitation.token)).toEqual({ uses: 1 });
      // One after another: twenty at once would meet the bound on concurrent password hashing (429).
      const signIns = [];
      for (const [i, p] of people.entries()) {
        signIns.push(await api(proxied, '/api/auth/sign-in', { body: { email: p.email, password: p.password }, headers: { 'x-forwarded-for': `10.0.2.${i + 1}` } }));
      }
      for (const [i, res] of signIns.entries()) {
        expect(res.status, people[i]!.email).toBe(people[i]!.email === joined[0]!.json.user.email ? 200 : 401);
      }
    } finally {
      await proxied.dispose();
    }
    // 40 scrypt hashes at OWASP cost on a shared machine.
  }, 120_000);
});

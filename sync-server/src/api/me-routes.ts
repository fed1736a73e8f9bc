/** The signed-in person: profile, memberships, password, and the list of their sessions. */
import type { DeviceSession, Me } from '@atelier/api-types';
import { Hono } from 'hono';
import { listMembershipsOf } from '../accounts/memberships';
import { checkCredentials, setPassword, updateProfile } from '../accounts/users';
import type { ServerContext } from '../context';
import { ApiError } from '../http/api-error';
import { ChangePasswordBody, UpdateMeBody } from '../http/body-schemas';
import { clientAddress } from '../http/client-address';
import { writeSessionCookie } from '../http/session-cookie';
import { requireUser, type ApiEnv } from '../http/session-guard';
import { parseBody } from '../http/validate';
import { apiMessages } from '../messages/api-messages';
import { fieldMessages } from '../messages/field-messages';

export function meRoutes(ctx: ServerContext) {
  const app = new Hono<ApiEnv>();

  app.get('/', (c) => {
    const { user } = requireUser(c);
    return c.json({ user, memberships: listMembershipsOf(ctx.db, user.id) } satisfies Me);
  });

  app.patch('/', async (c) => {
    const { user } = requireUser(c);
    const patch = await parseBody(c, UpdateMeBody);
    return c.json({ user: updateProfile(ctx.db, user.id, patch) });
  });

  app.post('/password', async (c) => {
    const { user, session } = requireUser(c);
    const body = await parseBody(c, ChangePasswordBody);
    if (!(await checkCredentials(ctx.db, user.email, body.currentPassword))) {
      throw new ApiError(400, 'invalid_input', apiMessages.fieldProblem({ field: 'currentPassword', problem: fieldMessages.notCurrentPassword() }));
    }
    await setPassword(ctx.db, user.id, body.newPassword);
    // Every session ends, this one too; the person stays signed in here with a new one.
    ctx.sessions.invalidateAllForUser(user.id);
    const fresh = ctx.sessions.create(user.id, { userAgent: session.userAgent, ip: clientAddress(c, ctx.config.trustProxy) });
    writeSessionCookie(c, fresh.token, ctx.secureCookies, fresh.session.expiresAt);
    return c.body(null, 204);
  });

  app.get('/sessions', (c) => {
    const { user, session: current } = requireUser(c);
    return c.json(
      ctx.sessions.listForUser(user.id).map((s) => ({
        id: s.id,
        userAgent: s.userAgent,
        createdAt: s.createdAt,
        lastSeenAt: s.lastSeenAt,
        expiresAt: s.expiresAt,
        current: s.id === current.id
      })) satisfies DeviceSession[]
    );
  });

  app.delete('/sessions/:id', (c) => {
    const { user } = requireUser(c);
    const target = ctx.sessions.listForUser(user.id).find((s) => s.id === c.req.param('id'));
    if (!target) throw new ApiError(404, 'not_found', apiMessages.noSuchSession());
    ctx.sessions.invalidate([target.id]);
    return c.body(null, 204);
  });

  return app;
}

/**
 * The signed-in person: profile, memberships, password, and the list of their sessions. A password
 * change checks the current password like a sign-in does: throttled per account and per session
 * (a stolen cookie must not become a way to guess the password), hashing through the hash gate.
 */
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
import { SignInThrottle } from '../http/sign-in-throttle';
import { parseBody } from '../http/validate';
import { apiMessages } from '../messages/api-messages';
import { fieldMessages } from '../messages/field-messages';

export function meRoutes(ctx: ServerContext) {
  const app = new Hono<ApiEnv>();
  // Apart from the sign-in throttle: failed current passwords do not lock the account's sign-in.
  const passwordThrottle = new SignInThrottle();

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
    const reservation = passwordThrottle.reserve([`account:${user.id}`, `session:${session.id}`]);
    if (!reservation.ok) {
      throw new ApiError(429, 'too_many_requests', reservation.inFlight ? apiMessages.signInsInFlight() : apiMessages.tooManyPasswordChecks(), {
        'Retry-After': String(reservation.retryAfterSeconds)
      });
    }
    const address = clientAddress(c, ctx.config.trustProxy);
    let changed: boolean;
    try {
      // Both hashes (the current password's check and the new one's) hold one place in the gate.
      changed = await ctx.passwordHashing.run(address, async () => {
        if (!(await checkCredentials(ctx.db, user.email, body.currentPassword))) return false;
        await setPassword(ctx.db, user.id, body.newPassword);
        return true;
      });
    } catch (error) {
      reservation.attempt.release();
      throw error;
    }
    if (!changed) {
      reservation.attempt.fail();
      throw new ApiError(400, 'invalid_input', apiMessages.fieldProblem({ field: 'currentPassword', problem: fieldMessages.notCurrentPassword() }));
    }
    reservation.attempt.release();
    // Every session ends, this one too; the person stays signed in here with a new one.
    ctx.sessions.invalidateAllForUser(user.id);
    const fresh = ctx.sessions.create(user.id, { userAgent: session.userAgent, ip: address });
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

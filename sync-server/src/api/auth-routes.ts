/**
 * Sign-in and sign-out. Sign-in answers the same generic message for an unknown email and a wrong
 * password, takes the same time for both, and is throttled on failures (per account and address,
 * attempts still being checked counted as failures); its hashing waits in the shared hash gate.
 */
import { Hono } from 'hono';
import { checkCredentials, emailKey } from '../accounts/users';
import type { ServerContext } from '../context';
import { ApiError } from '../http/api-error';
import { SignInBody } from '../http/body-schemas';
import { clientAddress } from '../http/client-address';
import { clearSessionCookie, writeSessionCookie } from '../http/session-cookie';
import type { ApiEnv } from '../http/session-guard';
import { SignInThrottle } from '../http/sign-in-throttle';
import { parseBody } from '../http/validate';
import { log } from '../log';
import { apiMessages } from '../messages/api-messages';

export function authRoutes(ctx: ServerContext) {
  const throttle = new SignInThrottle();
  const app = new Hono<ApiEnv>();

  app.post('/sign-in', async (c) => {
    const body = await parseBody(c, SignInBody);
    const address = clientAddress(c, ctx.config.trustProxy);
    const keys = [`account:${emailKey(body.email)}`, `address:${address}`];
    // Reserved before hashing, so attempts sent together are counted before any of them ends.
    const reservation = throttle.reserve(keys);
    if (!reservation.ok) {
      throw new ApiError(429, 'too_many_requests', reservation.inFlight ? apiMessages.signInsInFlight() : apiMessages.tooManySignIns(), {
        'Retry-After': String(reservation.retryAfterSeconds)
      });
    }
    let user;
    try {
      user = await ctx.passwordHashing.run(address, () => checkCredentials(ctx.db, body.email, body.password));
    } catch (error) {
      reservation.attempt.release(); // refused by the hash gate (or failed): no password was judged
      throw error;
    }
    if (!user) {
      reservation.attempt.fail();
      log.info('sign-in failed', { address });
      throw new ApiError(401, 'not_signed_in', apiMessages.wrongCredentials());
    }
    reservation.attempt.release();
    // A fresh session at every sign-in: a token planted before sign-in is never promoted.
    const previous = c.get('session');
    if (previous) ctx.sessions.invalidate([previous.id]);
    const { token, session } = ctx.sessions.create(user.id, { userAgent: c.req.header('user-agent'), ip: address });
    writeSessionCookie(c, token, ctx.secureCookies, session.expiresAt);
    return c.json({ user });
  });

  app.post('/sign-out', (c) => {
    const session = c.get('session');
    if (session) ctx.sessions.invalidate([session.id]);
    clearSessionCookie(c, ctx.secureCookies);
    return c.body(null, 204);
  });

  return app;
}

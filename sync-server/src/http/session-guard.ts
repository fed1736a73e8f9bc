/**
 * API middleware: the Origin rule for every /api request, and the signed-in user for handlers
 * that need one (401 `not_signed_in` otherwise).
 */
import type { HttpBindings } from '@hono/node-server';
import type { Context, MiddlewareHandler } from 'hono';
import type { Session } from '../accounts/sessions';
import { findUserById, type User } from '../accounts/users';
import type { ServerContext } from '../context';
import { ApiError } from './api-error';
import { isAllowedOrigin } from './origin-policy';
import { readSessionToken, writeSessionCookie } from './session-cookie';
import { apiMessages } from '../messages/api-messages';

/** Variables set by `loadSession`; on Node, `c.env.incoming` is the raw request stream. */
export type ApiEnv = { Variables: { session: Session | null; user: User | null }; Bindings: Partial<HttpBindings> };

export function originGuard(ctx: ServerContext): MiddlewareHandler {
  return async (c, next) => {
    if (!isAllowedOrigin(c.req.header('origin'), ctx.config.publicOrigins)) {
      throw new ApiError(403, 'bad_origin', apiMessages.badOrigin());
    }
    await next();
  };
}

/** Resolves the session cookie (if any) into `c.var.session` and `c.var.user`. */
export function loadSession(ctx: ServerContext): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const token = readSessionToken(c);
    const session = ctx.sessions.validate(token);
    const user = session ? findUserById(ctx.db, session.userId) ?? null : null;
    c.set('session', user ? session : null);
    c.set('user', user);
    await next();
    if (session?.renewed && token && c.get('session')?.id === session.id) {
      writeSessionCookie(c, token, ctx.secureCookies, session.expiresAt);
    }
  };
}

export function requireUser(c: Context<ApiEnv>): { user: User; session: Session } {
  const user = c.get('user');
  const session = c.get('session');
  if (!user || !session) throw new ApiError(401, 'not_signed_in', apiMessages.signInToContinue());
  return { user, session };
}

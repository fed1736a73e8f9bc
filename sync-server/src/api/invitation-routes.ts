/**
 * Invitations by link: facilitators (and the manager) create, list and revoke them for a COP;
 * anyone holding a valid link can see what it is for and accept it, creating an account or, when
 * signed in, joining with the account they have.
 */
import type { Invitation as ApiInvitation } from '@atelier/api-types';
import { Hono, type Context } from 'hono';
import { getCop } from '../accounts/cops';
import {
  createInvitation,
  listUsableInvitations,
  redeemInvitation,
  redeemInvitationAsNewAccount,
  revokeInvitation,
  usableInvitation,
  type Invitation
} from '../accounts/invitations';
import { hashPassword } from '../accounts/password';
import { canManageMembers } from '../accounts/roles';
import { findUserByEmail } from '../accounts/users';
import type { ServerContext } from '../context';
import { ApiError } from '../http/api-error';
import { AcceptInvitationBody, CreateInvitationBody } from '../http/body-schemas';
import { clientAddress } from '../http/client-address';
import { writeSessionCookie } from '../http/session-cookie';
import { requireUser, type ApiEnv } from '../http/session-guard';
import { parseBody } from '../http/validate';
import { requireCopStanding } from './cop-permissions';
import { apiMessages } from '../messages/api-messages';

/**
 * The page that accepts an invitation lives at /join/{token} on the origin the facilitator uses
 * (a same-origin GET sends no Origin header, so the request's own URL counts too).
 */
function withUrl(ctx: ServerContext, c: Context, invitation: Invitation) {
  const candidates = [c.req.header('origin'), new URL(c.req.url).origin];
  const base = candidates.find((o) => o && ctx.config.publicOrigins.includes(o)) ?? ctx.config.publicOrigins[0];
  return { ...invitation, url: `${base}/join/${invitation.token}` } satisfies ApiInvitation;
}

export function copInvitationRoutes(ctx: ServerContext) {
  const app = new Hono<ApiEnv>();

  app.post('/:copId/invitations', async (c) => {
    const { user } = requireUser(c);
    const { cop, standing } = requireCopStanding(ctx.db, user, c.req.param('copId'), canManageMembers, 'invite people');
    const body = await parseBody(c, CreateInvitationBody);
    if (body.role === 'facilitator' && standing !== 'manager') {
      throw new ApiError(403, 'forbidden', apiMessages.onlyManagerAppointsFacilitators());
    }
    if (cop.status === 'archived') throw new ApiError(409, 'conflict', apiMessages.copArchived());
    const invitation = createInvitation(ctx.db, { ...body, copId: cop.id, createdBy: user.id });
    return c.json(withUrl(ctx, c, invitation), 201);
  });

  app.get('/:copId/invitations', (c) => {
    const { user } = requireUser(c);
    const { cop } = requireCopStanding(ctx.db, user, c.req.param('copId'), canManageMembers, 'see invitations');
    return c.json(listUsableInvitations(ctx.db, cop.id).map((i) => withUrl(ctx, c, i)));
  });

  app.delete('/:copId/invitations/:token', (c) => {
    const { user } = requireUser(c);
    const { cop } = requireCopStanding(ctx.db, user, c.req.param('copId'), canManageMembers, 'revoke invitations');
    revokeInvitation(ctx.db, cop.id, c.req.param('token'));
    return c.body(null, 204);
  });

  return app;
}

export function invitationRoutes(ctx: ServerContext) {
  const app = new Hono<ApiEnv>();

  app.get('/:token', (c) => {
    const invitation = usableInvitation(ctx.db, c.req.param('token'));
    const cop = getCop(ctx.db, invitation.copId);
    return c.json({
      copId: cop.id,
      copName: cop.name,
      copLanguage: cop.language,
      areaOfInterest: cop.areaOfInterest,
      role: invitation.role,
      participation: invitation.participation,
      experience: invitation.experience,
      expiresAt: invitation.expiresAt
    });
  });

  app.post('/:token/accept', async (c) => {
    const token = c.req.param('token');
    const raw = (await c.req.raw.clone().text()).trim();
    const signedIn = c.get('user');
    const emptyBody = raw === '' || /^\{\s*\}$/.test(raw);
    if (signedIn && emptyBody) {
      const { copId } = redeemInvitation(ctx, token, signedIn.id);
      return c.json({ user: signedIn, copId });
    }
    // Cheap refusals first (no hashing for a dead link or a known email); decided again below.
    const invitation = usableInvitation(ctx.db, token);
    const body = await parseBody(c, AcceptInvitationBody);
    if (findUserByEmail(ctx.db, body.email)) {
      throw new ApiError(409, 'conflict', apiMessages.emailTakenSignIn());
    }
    const cop = getCop(ctx.db, invitation.copId);
    const address = clientAddress(c, ctx.config.trustProxy);
    const passwordHash = await ctx.passwordHashing.run(address, () => hashPassword(body.password));
    const { user } = redeemInvitationAsNewAccount(ctx, token, { name: body.name, email: body.email, language: body.language ?? cop.language }, passwordHash);
    const previous = c.get('session');
    if (previous) ctx.sessions.invalidate([previous.id]);
    const { token: sessionToken, session } = ctx.sessions.create(user.id, {
      userAgent: c.req.header('user-agent'),
      ip: address
    });
    writeSessionCookie(c, sessionToken, ctx.secureCookies, session.expiresAt);
    return c.json({ user, copId: cop.id });
  });

  return app;
}

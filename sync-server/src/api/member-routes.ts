/**
 * A COP's members. The programme manager appoints facilitators; facilitators change the roles of
 * members and observers and remove them; anyone may leave. Changes reach open sockets at once
 * through the access events that the membership functions emit.
 */
import type { Member } from '@atelier/api-types';
import { Hono } from 'hono';
import { addMembership, findMember, listMembers, removeMembership, updateMembership } from '../accounts/memberships';
import { canManageMembers, canReadCop } from '../accounts/roles';
import { findUserByEmail } from '../accounts/users';
import type { ServerContext } from '../context';
import { ApiError } from '../http/api-error';
import { AddMemberBody, UpdateMemberBody } from '../http/body-schemas';
import { requireUser, type ApiEnv } from '../http/session-guard';
import { parseBody } from '../http/validate';
import { requireCopStanding, requireManager } from './cop-permissions';
import { apiMessages } from '../messages/api-messages';

export function memberRoutes(ctx: ServerContext) {
  const app = new Hono<ApiEnv>();

  app.get('/:copId/members', (c) => {
    const { user } = requireUser(c);
    const { cop } = requireCopStanding(ctx.db, user, c.req.param('copId'), canReadCop, "see this COP's members");
    return c.json(listMembers(ctx.db, cop.id) satisfies Member[]);
  });

  app.post('/:copId/members', async (c) => {
    const { user } = requireUser(c);
    const { cop } = requireCopStanding(ctx.db, user, c.req.param('copId'), canManageMembers, 'add members');
    requireManager(user, 'add an existing account to a COP (facilitators invite by link)');
    const body = await parseBody(c, AddMemberBody);
    const target = findUserByEmail(ctx.db, body.email);
    if (!target) throw new ApiError(404, 'not_found', apiMessages.noAccountWithEmail());
    return c.json(addMembership(ctx, { copId: cop.id, userId: target.id, role: body.role, participation: body.participation, experience: body.experience }), 201);
  });

  app.patch('/:copId/members/:userId', async (c) => {
    const { user } = requireUser(c);
    const { cop, standing } = requireCopStanding(ctx.db, user, c.req.param('copId'), canManageMembers, "change members' roles");
    const body = await parseBody(c, UpdateMemberBody);
    const target = findMember(ctx.db, cop.id, c.req.param('userId'));
    if (!target) throw new ApiError(404, 'not_found', apiMessages.notMember());
    if (standing === 'facilitator') {
      const touchesFacilitator = body.role === 'facilitator' || (target.role === 'facilitator' && target.userId !== user.id);
      if (touchesFacilitator) throw new ApiError(403, 'forbidden', apiMessages.onlyManagerChangesFacilitators());
    }
    return c.json(updateMembership(ctx, cop.id, target.userId, body));
  });

  app.delete('/:copId/members/:userId', (c) => {
    const { user } = requireUser(c);
    const userId = c.req.param('userId');
    const leaving = userId === user.id;
    const { cop, standing } = requireCopStanding(
      ctx.db,
      user,
      c.req.param('copId'),
      (s) => canManageMembers(s) || (leaving && canReadCop(s)),
      'remove members'
    );
    const target = findMember(ctx.db, cop.id, userId);
    if (!target) throw new ApiError(404, 'not_found', apiMessages.notMember());
    if (standing === 'facilitator' && target.role === 'facilitator' && !leaving) {
      throw new ApiError(403, 'forbidden', apiMessages.onlyManagerRemovesFacilitator());
    }
    removeMembership(ctx, cop.id, userId);
    return c.body(null, 204);
  });

  return app;
}

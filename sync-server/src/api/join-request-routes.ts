/** Requests to join a COP from the directory, decided by its facilitators or the manager. */
import type { JoinRequest } from '@atelier/api-types';
import { Hono } from 'hono';
import { approveRequest, declineRequest, listPendingRequests, requestToJoin } from '../accounts/join-requests';
import { canManageMembers } from '../accounts/roles';
import type { ServerContext } from '../context';
import { ApiError } from '../http/api-error';
import { ApproveRequestBody, JoinRequestBody } from '../http/body-schemas';
import { requireUser, type ApiEnv } from '../http/session-guard';
import { parseBody } from '../http/validate';
import { requireCopStanding } from './cop-permissions';
import { apiMessages } from '../messages/api-messages';

export function joinRequestRoutes(ctx: ServerContext) {
  const app = new Hono<ApiEnv>();

  app.post('/:copId/join-requests', async (c) => {
    const { user } = requireUser(c);
    const { cop } = requireCopStanding(ctx.db, user, c.req.param('copId'), () => true, 'ask to join');
    if (cop.status === 'archived') throw new ApiError(409, 'conflict', apiMessages.copArchived());
    const body = await parseBody(c, JoinRequestBody);
    return c.json(requestToJoin(ctx.db, cop.id, user.id, body.message ?? ''), 201);
  });

  app.get('/:copId/join-requests', (c) => {
    const { user } = requireUser(c);
    const { cop } = requireCopStanding(ctx.db, user, c.req.param('copId'), canManageMembers, 'see requests to join');
    return c.json(listPendingRequests(ctx.db, cop.id) satisfies JoinRequest[]);
  });

  app.post('/:copId/join-requests/:id/approve', async (c) => {
    const { user } = requireUser(c);
    const { cop, standing } = requireCopStanding(ctx.db, user, c.req.param('copId'), canManageMembers, 'approve requests');
    const body = await parseBody(c, ApproveRequestBody);
    if (body.role === 'facilitator' && standing !== 'manager') {
      throw new ApiError(403, 'forbidden', apiMessages.onlyManagerAppointsFacilitators());
    }
    return c.json(approveRequest(ctx, cop.id, c.req.param('id'), user.id, body));
  });

  app.post('/:copId/join-requests/:id/decline', (c) => {
    const { user } = requireUser(c);
    const { cop } = requireCopStanding(ctx.db, user, c.req.param('copId'), canManageMembers, 'decline requests');
    declineRequest(ctx.db, cop.id, c.req.param('id'), user.id);
    return c.body(null, 204);
  });

  return app;
}

/**
 * The JSON API under /api (documented in docs/api.md): the Origin rule, the session, then the
 * routes of each area. Unknown endpoints are a JSON 404.
 */
import { Hono } from 'hono';
import type { ServerContext } from '../context';
import { ApiError } from '../http/api-error';
import { loadSession, originGuard, type ApiEnv } from '../http/session-guard';
import { attendanceRoutes } from './attendance-routes';
import { authRoutes } from './auth-routes';
import { copRoutes } from './cop-routes';
import { fileRoutes } from './file-routes';
import { eventRoutes } from './event-routes';
import { exportRoutes } from './export-routes';
import { protocolRoutes } from './protocol-routes';
import { publicResourceRoutes, resourceRoutes } from './resource-routes';
import { SqliteDocumentStore } from '../sync/sqlite-document-store';
import { copInvitationRoutes, invitationRoutes } from './invitation-routes';
import { limitRoutes } from './limit-routes';
import { joinRequestRoutes } from './join-request-routes';
import { memberRoutes } from './member-routes';
import { meRoutes } from './me-routes';
import { copVenueDeviceRoutes, venueRoutes } from './venue-routes';
import { ownProfileRoutes } from './own-profile-routes';
import type { ServerChanges } from '../sync/server-changes';
import { jsonBodyLimit } from '../http/validate';
import { apiMessages } from '../messages/api-messages';

/** `changes`: how routes change a stored document themselves (the sync service's rooms). */
export function apiRoutes(ctx: ServerContext, changes?: ServerChanges) {
  const api = new Hono<ApiEnv>();
  api.use('*', originGuard(ctx));
  api.use('*', loadSession(ctx));
  // Every body is bounded while it streams in; a library upload streams to disk under its own cap.
  api.use('*', jsonBodyLimit((c) => c.req.method === 'PUT' && /^\/api\/cops\/[^/]+\/files\/[^/]+$/.test(c.req.path)));
  api.use('*', async (c, next) => {
    await next();
    c.header('Cache-Control', 'no-store');
  });
  api.route('/auth', authRoutes(ctx));
  api.route('/me', meRoutes(ctx));
  api.route('/cops', copRoutes(ctx));
  api.route('/cops', memberRoutes(ctx));
  api.route('/cops', copInvitationRoutes(ctx));
  api.route('/cops', joinRequestRoutes(ctx));
  api.route('/cops', fileRoutes(ctx));
  api.route('/cops', copVenueDeviceRoutes(ctx));
  api.route('/cops', ownProfileRoutes(ctx, changes));
  if (changes) api.route('/cops', attendanceRoutes(ctx, changes));
  // Server actions read documents as stored (what the server acknowledged), never from a client.
  const documents = new SqliteDocumentStore(ctx.db);
  api.route('/cops', protocolRoutes(ctx, documents));
  api.route('/cops', exportRoutes(ctx, documents));
  api.route('/resources', resourceRoutes(ctx));
  api.route('/public', publicResourceRoutes(ctx));
  api.route('/events', eventRoutes(ctx));
  api.route('/invitations', invitationRoutes(ctx));
  api.route('/venue', venueRoutes(ctx));
  api.route('/limits', limitRoutes(ctx));
  api.all('*', () => {
    throw new ApiError(404, 'not_found', apiMessages.noSuchEndpoint());
  });
  return api;
}

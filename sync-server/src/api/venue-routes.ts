/**
 * Venue hubs at central (docs/venue.md): registering a hub as a venue device for some COPs,
 * listing and revoking a COP's hubs, issuing a person's venue pass, and publishing the public
 * key hubs verify passes with.
 */
import { Hono } from 'hono';
import { standingInCop } from '../accounts/access';
import { findCop } from '../accounts/cops';
import { listMembershipsOf } from '../accounts/memberships';
import { canManageMembers, canReadCop } from '../accounts/roles';
import type { ServerContext } from '../context';
import { ApiError } from '../http/api-error';
import { CreateVenueDeviceBody, VenuePassBody } from '../http/body-schemas';
import { requireUser, type ApiEnv } from '../http/session-guard';
import { parseBody } from '../http/validate';
import { venueMessages } from '../messages/venue-messages';
import { apiMessages } from '../messages/api-messages';
import { venueSigningKey } from '../venue/signing-key';
import { createVenueDevice, listVenueDevicesOfCop, revokeVenueDevice } from '../venue/venue-devices';
import { MAX_PASS_COPS, signVenuePass, type PassStanding } from '../venue/venue-pass';
import { requireCopStanding } from './cop-permissions';

/** `/api/venue/…` */
export function venueRoutes(ctx: ServerContext) {
  const app = new Hono<ApiEnv>();

  app.get('/public-key', (c) => {
    const key = venueSigningKey(ctx.db);
    return c.json({ keyId: key.keyId, algorithm: 'Ed25519', publicKey: key.publicKeyDer.toString('base64url') });
  });

  app.post('/devices', async (c) => {
    const { user } = requireUser(c);
    const body = await parseBody(c, CreateVenueDeviceBody);
    const cops = [...new Set(body.cops)];
    // Every listed COP must exist and be run by this person: a hub carries all their documents.
    for (const copId of cops) requireCopStanding(ctx.db, user, copId, canManageMembers, 'prepare a venue hub for this COP');
    const { device, secret } = createVenueDevice(ctx.db, { name: body.name, cops, createdBy: user.id });
    return c.json({ ...device, secret }, 201);
  });

  app.post('/pass', async (c) => {
    const { user } = requireUser(c);
    const body = await parseBody(c, VenuePassBody);
    let copIds: string[];
    if (body.cops) copIds = [...new Set(body.cops)];
    else if (user.isManager) throw new ApiError(400, 'invalid_input', venueMessages.managerPassNamesCops({ max: MAX_PASS_COPS }));
    else copIds = listMembershipsOf(ctx.db, user.id).map((m) => m.copId).slice(0, MAX_PASS_COPS);
    if (copIds.length === 0) throw new ApiError(409, 'conflict', venueMessages.noCopsForPass());
    const cops = copIds.map((copId) => {
      if (!findCop(ctx.db, copId)) throw new ApiError(404, 'not_found', apiMessages.noSuchCop());
      const standing = standingInCop(ctx.db, user.id, copId);
      if (!canReadCop(standing)) requireCopStanding(ctx.db, user, copId, canReadCop, 'see this COP');
      return { copId, standing: standing as PassStanding };
    });
    const { pass, payload } = signVenuePass(venueSigningKey(ctx.db), { userId: user.id, name: user.name, cops });
    return c.json({ pass, expiresAt: payload.exp * 1000 }, 201);
  });

  return app;
}

/** `/api/cops/:copId/venue-devices…` */
export function copVenueDeviceRoutes(ctx: ServerContext) {
  const app = new Hono<ApiEnv>();

  app.get('/:copId/venue-devices', (c) => {
    const { user } = requireUser(c);
    const { cop } = requireCopStanding(ctx.db, user, c.req.param('copId'), canManageMembers, 'see venue hubs');
    return c.json(listVenueDevicesOfCop(ctx.db, cop.id));
  });

  app.delete('/:copId/venue-devices/:deviceId', (c) => {
    const { user } = requireUser(c);
    const { cop } = requireCopStanding(ctx.db, user, c.req.param('copId'), canManageMembers, 'revoke venue hubs');
    if (!revokeVenueDevice(ctx, cop.id, c.req.param('deviceId'))) throw new ApiError(404, 'not_found', venueMessages.noSuchVenueDevice());
    return c.body(null, 204);
  });

  return app;
}

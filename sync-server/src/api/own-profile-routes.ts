/**
 * `PATCH /api/cops/{copId}/me/profile`: every member edits their own roster profile, observers
 * too. Observers' socket updates are dropped (they cannot write the workspace), so the server
 * makes this one change itself: it applies the person's own roster fields to the stored
 * workspace document through its room (`ServerChanges`), which stores it and relays it to the
 * open sockets like any update. Only the caller's own entry (`{userId}:{field}`) is written.
 */
import type { OwnRosterProfile } from '@atelier/api-types';
import { readProfile, updateProfile, workspaceDocName } from '@atelier/workspace';
import { Hono } from 'hono';
import { findMember } from '../accounts/memberships';
import { canReadCop } from '../accounts/roles';
import type { ServerContext } from '../context';
import { ApiError } from '../http/api-error';
import { OwnProfileBody } from '../http/body-schemas';
import { requireUser, type ApiEnv } from '../http/session-guard';
import { parseBody } from '../http/validate';
import { apiMessages } from '../messages/api-messages';
import { ServerChangeRefused } from '../sync/room-manager';
import type { ServerChanges } from '../sync/server-changes';
import { requireCopStanding } from './cop-permissions';

/**
 * What one profile change can add to the document at most: the fields' bounds (200 + 1000 + 300
 * characters, up to 3 bytes each in UTF-8) plus keys and Yjs struct overhead.
 */
const MAX_PROFILE_CHANGE_BYTES = 8 * 1024;

export function ownProfileRoutes(ctx: ServerContext, changes: ServerChanges | undefined) {
  const app = new Hono<ApiEnv>();

  app.patch('/:copId/me/profile', async (c) => {
    const { user } = requireUser(c);
    const { cop } = requireCopStanding(ctx.db, user, c.req.param('copId'), canReadCop, 'see this COP');
    // The roster lists members; the programme manager who is not one has no entry to edit.
    if (!findMember(ctx.db, cop.id, user.id)) throw new ApiError(403, 'forbidden', apiMessages.onlyMembersHaveProfile());
    if (cop.status === 'archived') throw new ApiError(409, 'conflict', apiMessages.copArchived());
    const patch = await parseBody(c, OwnProfileBody);
    if (!changes) throw new ApiError(503, 'unavailable', apiMessages.serverClosing());
    try {
      const profile = await changes.applyServerChange(
        workspaceDocName(cop.id),
        cop.id,
        (doc) => {
          updateProfile(doc, user.id, patch);
          return readProfile(doc, user.id);
        },
        MAX_PROFILE_CHANGE_BYTES
      );
      return c.json({ profile: profile satisfies OwnRosterProfile });
    } catch (err) {
      if (err instanceof ServerChangeRefused) {
        if (err.reason === 'document-too-large') throw new ApiError(413, 'too_large', apiMessages.workspaceTooLarge());
        throw new ApiError(503, 'unavailable', apiMessages.serverClosing());
      }
      throw err;
    }
  });

  return app;
}

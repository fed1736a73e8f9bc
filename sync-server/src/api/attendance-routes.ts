/**
 * `PUT /api/cops/:copId/meetings/:meetingId/attendance/me` — a person marks their own attendance
 * of a meeting. Members do it in the workspace document over their socket; observers cannot write
 * the document, so this route does it for anyone in the COP (observers included) as a change the
 * server makes to the stored workspace through the sync service: stored durably, then relayed to
 * every open socket. Only one's own mark: the key is always `{meetingId}:{me}`.
 */
import { markAttendance, meetingsMap, workspaceDocName } from '@atelier/workspace';
import { Hono } from 'hono';
import { canReadCop } from '../accounts/roles';
import type { ServerContext } from '../context';
import { ApiError } from '../http/api-error';
import { MyAttendanceBody } from '../http/body-schemas';
import { requireUser, type ApiEnv } from '../http/session-guard';
import { parseBody } from '../http/validate';
import { apiMessages } from '../messages/api-messages';
import { ServerChangeRefused } from '../sync/room-manager';
import type { ServerChanges } from '../sync/server-changes';
import { requireCopStanding } from './cop-permissions';

/** Entity ids are short random strings; anything longer cannot name a meeting. */
const MAX_MEETING_ID_LENGTH = 100;

/** One attendance mark: a key and a status, well under a kilobyte once encoded. */
const MAX_ATTENDANCE_CHANGE_BYTES = 1024;

export function attendanceRoutes(ctx: ServerContext, changes: ServerChanges) {
  const app = new Hono<ApiEnv>();

  app.put('/:copId/meetings/:meetingId/attendance/me', async (c) => {
    const { user } = requireUser(c);
    const { cop } = requireCopStanding(ctx.db, user, c.req.param('copId'), canReadCop, 'mark attendance in this COP');
    if (cop.status === 'archived') throw new ApiError(409, 'conflict', apiMessages.copArchived());
    const body = await parseBody(c, MyAttendanceBody);
    const meetingId = c.req.param('meetingId');
    if (meetingId.length > MAX_MEETING_ID_LENGTH) throw new ApiError(404, 'not_found', apiMessages.noSuchMeeting());
    let marked: boolean;
    try {
      marked = await changes.applyServerChange(
        workspaceDocName(cop.id),
        cop.id,
        (doc) => {
          if (!meetingsMap(doc).has(meetingId)) return false;
          markAttendance(doc, meetingId, user.id, body.status);
          return true;
        },
        MAX_ATTENDANCE_CHANGE_BYTES
      );
    } catch (err) {
      if (err instanceof ServerChangeRefused) {
        if (err.reason === 'document-too-large') throw new ApiError(413, 'too_large', apiMessages.workspaceTooLarge());
        throw new ApiError(503, 'unavailable', apiMessages.serverClosing());
      }
      throw err;
    }
    if (!marked) throw new ApiError(404, 'not_found', apiMessages.noSuchMeeting());
    return c.json({ meetingId, userId: user.id, status: body.status });
  });

  return app;
}

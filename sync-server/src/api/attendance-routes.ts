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
import type { DocumentChanges } from '../sync/document-changes';
import { requireCopStanding } from './cop-permissions';

/** Entity ids are short random strings; anything longer cannot name a meeting. */
const MAX_MEETING_ID_LENGTH = 100;

export function attendanceRoutes(ctx: ServerContext, documents: DocumentChanges) {
  const app = new Hono<ApiEnv>();

  app.put('/:copId/meetings/:meetingId/attendance/me', async (c) => {
    const { user } = requireUser(c);
    const { cop } = requireCopStanding(ctx.db, user, c.req.param('copId'), canReadCop, 'mark attendance in this COP');
    if (cop.status === 'archived') throw new ApiError(409, 'conflict', apiMessages.copArchived());
    const body = await parseBody(c, MyAttendanceBody);
    const meetingId = c.req.param('meetingId');
    if (meetingId.length > MAX_MEETING_ID_LENGTH) throw new ApiError(404, 'not_found', apiMessages.noSuchMeeting());
    const marked = await documents.change(workspaceDocName(cop.id), cop.id, (doc) => {
      if (!meetingsMap(doc).has(meetingId)) return false;
      markAttendance(doc, meetingId, user.id, body.status);
      return true;
    });
    if (!marked) throw new ApiError(404, 'not_found', apiMessages.noSuchMeeting());
    return c.json({ meetingId, userId: user.id, status: body.status });
  });

  return app;
}

/**
 * Exports of what a COP holds, rendered on the server from the stored documents: a meeting's
 * minutes (Markdown or DOCX) and the whole-COP records zip (facilitators and the programme
 * manager). They are the COP's records, so the server's labels are in the COP's language
 * (`?language=` when given overrides it), and times are in each meeting's own zone, named.
 */
import { Hono } from 'hono';
import { listMembers } from '../accounts/memberships';
import { canManageMembers, canReadCop } from '../accounts/roles';
import type { ServerContext } from '../context';
import { buildOffThread } from '../exports/build-export';
import { copRecordsJob } from '../exports/cop-records';
import { download, DOCX_TYPE, fileNameFor } from '../exports/download';
import { copExportLanguage } from '../exports/export-language';
import { meetingDay, meetingMinutes } from '../exports/meeting-minutes';
import { ApiError } from '../http/api-error';
import { apiMessages } from '../messages/api-messages';
import { requireUser, type ApiEnv } from '../http/session-guard';
import { readWorkspace } from '../publishing/render-protocol';
import type { DocumentStore } from '../sync/document-store';
import { requireCopStanding } from './cop-permissions';

export function exportRoutes(ctx: ServerContext, store: DocumentStore) {
  const app = new Hono<ApiEnv>();

  app.get('/:copId/meetings/:meetingId/minutes/:format{(md|docx)}', async (c) => {
    const { user } = requireUser(c);
    const { cop } = requireCopStanding(ctx.db, user, c.req.param('copId'), canReadCop, "export this COP's minutes");
    const lang = copExportLanguage(c.req.query('language'), cop);
    const names = new Map(listMembers(ctx.db, cop.id).map((m) => [m.userId, m.name]));
    const minutes = meetingMinutes(await readWorkspace(store, cop.id), c.req.param('meetingId'), (id) => names.get(id) ?? id, lang);
    if (!minutes) throw new ApiError(404, 'not_found', apiMessages.noSuchMeeting());
    const name = `${meetingDay(minutes.meeting)}-${minutes.meeting.title}`;
    if (c.req.param('format') === 'md') return download(c, minutes.markdown, 'text/markdown; charset=utf-8', fileNameFor(name, 'md'));
    const docx = await buildOffThread(ctx, { kind: 'docx', title: minutes.meeting.title, subtitle: [cop.name], sections: [{ body: minutes.json }] });
    return download(c, docx, DOCX_TYPE, fileNameFor(name, 'docx'));
  });

  app.get('/:copId/records.zip', async (c) => {
    const { user } = requireUser(c);
    const { cop } = requireCopStanding(ctx.db, user, c.req.param('copId'), canManageMembers, "export this COP's records");
    const job = await copRecordsJob(ctx.db, store, cop, copExportLanguage(c.req.query('language'), cop));
    const zip = await buildOffThread(ctx, job);
    return download(c, zip, 'application/zip', fileNameFor(`${cop.name}-records-${new Date().toISOString().slice(0, 10)}`, 'zip'));
  });

  return app;
}

/**
 * Exports of what a COP holds, rendered on the server from the stored documents: a meeting's
 * minutes (Markdown or DOCX, in the COP's language unless asked otherwise) and the whole-COP
 * records zip (facilitators and the programme manager).
 */
import { Hono } from 'hono';
import { listMembers } from '../accounts/memberships';
import { canManageMembers, canReadCop } from '../accounts/roles';
import type { ServerContext } from '../context';
import { copRecordsZip } from '../exports/cop-records';
import { download, DOCX_TYPE, fileNameFor } from '../exports/download';
import { toDocx } from '../exports/docx-export';
import { meetingMinutes, MINUTES_LABELS } from '../exports/meeting-minutes';
import { ApiError } from '../http/api-error';
import { requireUser, type ApiEnv } from '../http/session-guard';
import { readWorkspace } from '../publishing/render-protocol';
import type { DocumentStore } from '../sync/document-store';
import { requireCopStanding } from './cop-permissions';

export function exportRoutes(ctx: ServerContext, store: DocumentStore) {
  const app = new Hono<ApiEnv>();

  app.get('/:copId/meetings/:meetingId/minutes/:format{(md|docx)}', async (c) => {
    const { user } = requireUser(c);
    const { cop } = requireCopStanding(ctx.db, user, c.req.param('copId'), canReadCop, "export this COP's minutes");
    const lang = c.req.query('language') === 'fr' ? 'fr' : c.req.query('language') === 'en' ? 'en' : cop.language;
    const names = new Map(listMembers(ctx.db, cop.id).map((m) => [m.userId, m.name]));
    const minutes = meetingMinutes(await readWorkspace(store, cop.id), c.req.param('meetingId'), (id) => names.get(id) ?? id, MINUTES_LABELS[lang]);
    if (!minutes) throw new ApiError(404, 'not_found', 'No such meeting');
    const name = `${minutes.meeting.startsAt.slice(0, 10)}-${minutes.meeting.title}`;
    if (c.req.param('format') === 'md') return download(c, minutes.markdown, 'text/markdown; charset=utf-8', fileNameFor(name, 'md'));
    const docx = await toDocx({ title: minutes.meeting.title, subtitle: [cop.name], sections: [{ body: minutes.json }] });
    return download(c, docx, DOCX_TYPE, fileNameFor(name, 'docx'));
  });

  app.get('/:copId/records.zip', async (c) => {
    const { user } = requireUser(c);
    const { cop } = requireCopStanding(ctx.db, user, c.req.param('copId'), canManageMembers, "export this COP's records");
    const zip = await copRecordsZip(ctx.db, store, cop);
    return download(c, zip, 'application/zip', fileNameFor(`${cop.name}-records-${new Date().toISOString().slice(0, 10)}`, 'zip'));
  });

  return app;
}

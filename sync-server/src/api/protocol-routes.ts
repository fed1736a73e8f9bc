/**
 * A COP's protocols on their way to the Resource Centre: lifecycle status and timeline, the
 * steps members and facilitators take, publishing, and exports of the current draft.
 */
import { translationStatus } from '@atelier/workspace';
import { Hono } from 'hono';
import * as v from 'valibot';
import { canReadCop } from '../accounts/roles';
import type { ServerContext } from '../context';
import { download, DOCX_TYPE, fileNameFor } from '../exports/download';
import { toDocx } from '../exports/docx-export';
import { ApiError } from '../http/api-error';
import { requireUser, type ApiEnv } from '../http/session-guard';
import { parseBody } from '../http/validate';
import { PROTOCOL_ACTIONS, protocolState, timeline, transition, TransitionError } from '../publishing/lifecycle';
import { publishProtocol } from '../publishing/publish-protocol';
import { protocolWithCounterpart, readWorkspace, renderProtocol } from '../publishing/render-protocol';
import { findItemForProtocols } from '../publishing/resource-centre';
import type { DocumentStore } from '../sync/document-store';
import { requireCopStanding } from './cop-permissions';

const TransitionBody = v.object({
  action: v.picklist(
    PROTOCOL_ACTIONS.filter((a) => a !== 'publish' && a !== 'unpublish'),
    'must be one of propose_review, withdraw, request_changes, approve, start_revision'
  ),
  comment: v.optional(v.pipe(v.string('must be text'), v.maxLength(2000, 'must be at most 2000 characters')))
});

const PublishBody = v.object({
  summary: v.pipe(v.string('must be text'), v.trim(), v.minLength(1, 'a summary is required'), v.maxLength(2000, 'must be at most 2000 characters')),
  counterpartSummary: v.optional(v.pipe(v.string('must be text'), v.maxLength(2000, 'must be at most 2000 characters'))),
  changeSummary: v.optional(v.pipe(v.string('must be text'), v.maxLength(2000, 'must be at most 2000 characters'))),
  authors: v.optional(v.pipe(v.array(v.string('must be user ids'), 'must be a list of user ids'), v.maxLength(50, 'at most 50 authors'))),
  public: v.optional(v.boolean('must be true or false'))
});

export function protocolRoutes(ctx: ServerContext, store: DocumentStore) {
  const app = new Hono<ApiEnv>();

  const load = async (copId: string, protocolId: string) => {
    const workspace = await readWorkspace(store, copId);
    const { protocol, counterpart } = protocolWithCounterpart(workspace, protocolId);
    if (!protocol) throw new ApiError(404, 'not_found', 'No such protocol in this COP');
    return { protocol, counterpart };
  };

  const status = async (copId: string, protocolId: string) => {
    const { protocol, counterpart } = await load(copId, protocolId);
    const item = findItemForProtocols(ctx.db, [protocol.id, ...(counterpart ? [counterpart.id] : [])]);
    const translation = translationStatus(protocol, counterpart);
    return {
      protocolId: protocol.id,
      language: protocol.language,
      state: protocolState(ctx.db, protocol.id),
      timeline: timeline(ctx.db, protocol.id),
      counterpart: counterpart
        ? {
            protocolId: counterpart.id,
            language: counterpart.language,
            title: counterpart.title,
            state: protocolState(ctx.db, counterpart.id),
            behind: translation.counterpartBehind
          }
        : null,
      behind: translation.behind,
      translationPending: translation.pending,
      resourceItemId: item?.id ?? null
    };
  };

  app.get('/:copId/protocols/:protocolId/status', async (c) => {
    const { user } = requireUser(c);
    const { cop } = requireCopStanding(ctx.db, user, c.req.param('copId'), canReadCop, "see this COP's protocols");
    return c.json(await status(cop.id, c.req.param('protocolId')));
  });

  app.post('/:copId/protocols/:protocolId/transitions', async (c) => {
    const { user } = requireUser(c);
    const { cop, standing } = requireCopStanding(ctx.db, user, c.req.param('copId'), canReadCop, "work on this COP's protocols");
    const body = await parseBody(c, TransitionBody);
    const { protocol } = await load(cop.id, c.req.param('protocolId'));
    try {
      ctx.db.transaction(() => transition(ctx.db, { protocolId: protocol.id, copId: cop.id, action: body.action, standing, actorId: user.id, comment: body.comment })).immediate();
    } catch (err) {
      if (err instanceof TransitionError) throw new ApiError(409, 'conflict', err.message);
      throw err;
    }
    return c.json(await status(cop.id, protocol.id));
  });

  app.post('/:copId/protocols/:protocolId/publish', async (c) => {
    const { user } = requireUser(c);
    const { cop, standing } = requireCopStanding(ctx.db, user, c.req.param('copId'), canReadCop, 'publish protocols');
    const body = await parseBody(c, PublishBody);
    if (cop.status === 'archived') throw new ApiError(409, 'conflict', 'This COP is archived');
    try {
      const version = await publishProtocol(ctx.db, store, {
        copId: cop.id,
        protocolId: c.req.param('protocolId'),
        standing,
        actorId: user.id,
        summary: body.summary,
        counterpartSummary: body.counterpartSummary,
        changeSummary: body.changeSummary,
        authorIds: body.authors,
        isPublic: standing === 'manager' ? body.public : undefined
      });
      return c.json(version, 201);
    } catch (err) {
      if (err instanceof TransitionError) throw new ApiError(409, 'conflict', err.message);
      throw err;
    }
  });

  app.get('/:copId/protocols/:protocolId/export/:format{(md|docx)}', async (c) => {
    const { user } = requireUser(c);
    const { cop } = requireCopStanding(ctx.db, user, c.req.param('copId'), canReadCop, "export this COP's protocols");
    const { protocol } = await load(cop.id, c.req.param('protocolId'));
    const rendered = await renderProtocol(store, cop.id, protocol);
    if (c.req.param('format') === 'md') {
      return download(c, `# ${protocol.title}\n\n${rendered.markdown}`, 'text/markdown; charset=utf-8', fileNameFor(protocol.title, 'md'));
    }
    const docx = await toDocx({ title: protocol.title, subtitle: [cop.name], sections: [{ body: rendered.json }] });
    return download(c, docx, DOCX_TYPE, fileNameFor(protocol.title, 'docx'));
  });

  return app;
}

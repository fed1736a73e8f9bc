/**
 * A COP's protocols on their way to the Resource Centre: lifecycle status and timeline, the
 * steps members and facilitators take, publishing, and exports of the current draft. Every route
 * reaches the protocol through the stored workspace of the COP in its path (`requireCopProtocol`)
 * and its lifecycle by that COP and id together.
 */
import { documentDocName, translationStatus } from '@atelier/workspace';
import { Hono } from 'hono';
import * as v from 'valibot';
import { canReadCop } from '../accounts/roles';
import type { ServerContext } from '../context';
import { download, DOCX_TYPE, fileNameFor } from '../exports/download';
import { buildOffThread, storedParts } from '../exports/build-export';
import { markdownDocument } from '../exports/markdown-document';
import { ApiError } from '../http/api-error';
import { apiMessages } from '../messages/api-messages';
import { fieldMessage as say, fieldMessages as m } from '../messages/field-messages';
import { requireUser, type ApiEnv } from '../http/session-guard';
import { parseBody } from '../http/validate';
import { editedSinceApproval, readApprovalPin } from '../publishing/approval-pin';
import { refOf, requireCopProtocol } from '../publishing/cop-protocol';
import { PROTOCOL_ACTIONS, protocolState, timeline, TransitionError } from '../publishing/lifecycle';
import { AuthorNotInCopError } from '../publishing/publication-authors';
import { publishProtocol } from '../publishing/publish-protocol';
import { renderProtocol } from '../publishing/render-protocol';
import { findItemForProtocols } from '../publishing/resource-centre';
import { takeStep } from '../publishing/take-step';
import type { DocumentStore } from '../sync/document-store';
import { requireCopStanding } from './cop-permissions';

const STEPS = PROTOCOL_ACTIONS.filter((a) => a !== 'publish' && a !== 'unpublish');
const longText = v.pipe(v.string(say(m.mustBeText())), v.maxLength(2000, say(m.atMostChars({ max: 2000 }))));

const TransitionBody = v.object({
  action: v.picklist(STEPS, say(m.mustBeOneOf({ choices: STEPS.join(', ') }))),
  comment: v.optional(longText)
});

const PublishBody = v.object({
  summary: v.pipe(
    v.string(say(m.mustBeText())),
    v.trim(),
    v.minLength(1, say(m.isRequired({ what: m.aSummary() }))),
    v.maxLength(2000, say(m.atMostChars({ max: 2000 })))
  ),
  counterpartSummary: v.optional(longText),
  changeSummary: v.optional(longText),
  authors: v.optional(
    v.pipe(
      v.array(v.pipe(v.string(say(m.mustBeIdList())), v.maxLength(64, say(m.mustBeIdList()))), say(m.mustBeIdList())),
      v.maxLength(50, say(m.atMostItems({ max: 50 })))
    )
  ),
  public: v.optional(v.boolean(say(m.mustBeBoolean())))
});

export function protocolRoutes(ctx: ServerContext, store: DocumentStore) {
  const app = new Hono<ApiEnv>();

  const status = async (copId: string, protocolId: string) => {
    const { protocol, counterpart } = await requireCopProtocol(store, copId, protocolId);
    const ref = refOf(copId, protocol);
    const item = findItemForProtocols(ctx.db, copId, [protocol.id, ...(counterpart ? [counterpart.id] : [])]);
    const translation = translationStatus(protocol, counterpart);
    const state = protocolState(ctx.db, ref);
    const pin = state === 'approved' || state === 'published' ? readApprovalPin(ctx.db, ref) : undefined;
    const current = pin && (await renderProtocol(store, copId, protocol));
    return {
      protocolId: protocol.id,
      language: protocol.language,
      state,
      timeline: timeline(ctx.db, ref),
      // What publishing publishes: the title and text as approved, and whether they changed since.
      approval: pin && current ? { at: pin.at, by: pin.by, byName: pin.byName, title: pin.title, editedSince: editedSinceApproval(pin, { title: protocol.title, json: current.json }) } : null,
      counterpart: counterpart
        ? {
            protocolId: counterpart.id,
            language: counterpart.language,
            title: counterpart.title,
            state: protocolState(ctx.db, refOf(copId, counterpart)),
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
    const { protocol } = await requireCopProtocol(store, cop.id, c.req.param('protocolId'));
    try {
      // Approving pins the title and text the server holds now: that is what was reviewed.
      await takeStep(ctx.db, store, { copId: cop.id, protocol, action: body.action, standing, actorId: user.id, comment: body.comment });
    } catch (err) {
      if (err instanceof TransitionError) throw new ApiError(409, 'conflict', err.text);
      throw err;
    }
    return c.json(await status(cop.id, protocol.id));
  });

  app.post('/:copId/protocols/:protocolId/publish', async (c) => {
    const { user } = requireUser(c);
    const { cop, standing } = requireCopStanding(ctx.db, user, c.req.param('copId'), canReadCop, 'publish protocols');
    const body = await parseBody(c, PublishBody);
    if (cop.status === 'archived') throw new ApiError(409, 'conflict', apiMessages.copArchived());
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
      if (err instanceof TransitionError) throw new ApiError(409, 'conflict', err.text);
      if (err instanceof AuthorNotInCopError) throw new ApiError(400, 'invalid_input', err.text);
      throw err;
    }
  });

  app.get('/:copId/protocols/:protocolId/export/:format{(md|docx)}', async (c) => {
    const { user } = requireUser(c);
    const { cop } = requireCopStanding(ctx.db, user, c.req.param('copId'), canReadCop, "export this COP's protocols");
    const { protocol } = await requireCopProtocol(store, cop.id, c.req.param('protocolId'));
    if (c.req.param('format') === 'md') {
      const rendered = await renderProtocol(store, cop.id, protocol);
      return download(c, markdownDocument(protocol.title, rendered.markdown), 'text/markdown; charset=utf-8', fileNameFor(protocol.title, 'md'));
    }
    // Merging, rendering and packing happen on an export worker; this thread only reads bytes.
    const parts = await storedParts(store, documentDocName(cop.id, protocol.kind, protocol.id), cop.id);
    const docx = await buildOffThread(ctx, { kind: 'document-docx', title: protocol.title, subtitle: [cop.name], parts });
    return download(c, docx, DOCX_TYPE, fileNameFor(protocol.title, 'docx'));
  });

  return app;
}

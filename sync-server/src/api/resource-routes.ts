/**
 * The Resource Centre: search and read published protocols (every signed-in person of the
 * programme), export a version, and — for the programme manager — make an item public or take it
 * down. Items marked public are also readable without an account under /api/public/resources.
 */
import { Hono, type Context } from 'hono';
import * as v from 'valibot';
import type { ServerContext } from '../context';
import { download, DOCX_TYPE, fileNameFor } from '../exports/download';
import { buildOffThread } from '../exports/build-export';
import { markdownDocument } from '../exports/markdown-document';
import { markdownInline, markdownParagraphs } from '@atelier/rich-text';
import { ApiError } from '../http/api-error';
import { fieldMessage as say, fieldMessages } from '../messages/field-messages';
import { apiMessages } from '../messages/api-messages';
import { requireUser, type ApiEnv } from '../http/session-guard';
import { parseBody } from '../http/validate';
import { protocolState, transition } from '../publishing/lifecycle';
import { byline, publicVersion, publicVersionEntry, type Credit } from '../publishing/public-view';
import { getVersion, itemSummary, listVersions, searchResources, setPublic, unpublishItem, type Lang, type ResourceVersion } from '../publishing/resource-centre';
import { requireManager } from './cop-permissions';

const date = (key: string, raw: string | undefined) => {
  if (!raw) return undefined;
  const t = Date.parse(raw);
  if (Number.isNaN(t)) throw new ApiError(400, 'invalid_input', apiMessages.fieldProblem({ field: key, problem: fieldMessages.mustBeDate() }));
  return t;
};

function readItem(ctx: ServerContext, id: string, publicOnly: boolean) {
  const item = itemSummary(ctx.db, id);
  if (!item || !item.published || (publicOnly && !item.isPublic)) throw new ApiError(404, 'not_found', apiMessages.noSuchResourceItem());
  return item;
}

function readVersion(ctx: ServerContext, id: string, n: string): ResourceVersion {
  const version = /^\d+$/.test(n) ? getVersion(ctx.db, id, Number(n)) : undefined;
  if (!version) throw new ApiError(404, 'not_found', apiMessages.noSuchVersion());
  return version;
}

async function exportVersion(ctx: ServerContext, c: Context, version: ResourceVersion, credit: Credit, format: string, wanted: string | undefined) {
  const language: Lang = wanted === 'fr' || (!version.en && version.fr) ? 'fr' : 'en';
  const content = version[language] ?? version.en ?? version.fr!;
  const line = byline(version, credit);
  if (format === 'md') {
    return download(c, markdownDocument(content.title, `_${markdownInline(line)}_`, markdownParagraphs(content.summary), content.markdown), 'text/markdown; charset=utf-8', fileNameFor(`${content.title}-v${version.version}`, 'md'));
  }
  const docx = await buildOffThread(ctx, { kind: 'docx', title: content.title, subtitle: [line, content.summary], sections: [{ body: content.json }] });
  return download(c, docx, DOCX_TYPE, fileNameFor(`${content.title}-v${version.version}`, 'docx'));
}

export function resourceRoutes(ctx: ServerContext) {
  const app = new Hono<ApiEnv>();

  app.get('/', (c) => {
    requireUser(c);
    const language = c.req.query('language');
    if (language && language !== 'en' && language !== 'fr') throw new ApiError(400, 'invalid_input', apiMessages.fieldProblem({ field: 'language', problem: fieldMessages.mustBeEnOrFr() }));
    return c.json(
      searchResources(ctx.db, {
        q: c.req.query('q')?.slice(0, 200),
        copId: c.req.query('cop') || undefined,
        area: c.req.query('area') || undefined,
        language: language as Lang | undefined,
        from: date('from', c.req.query('from')),
        to: date('to', c.req.query('to'))
      })
    );
  });

  app.get('/:id', (c) => {
    requireUser(c);
    const item = readItem(ctx, c.req.param('id'), false);
    return c.json({ ...item, versions: listVersions(ctx.db, item.id), latest: getVersion(ctx.db, item.id, item.latestVersion) });
  });

  app.get('/:id/versions/:n', (c) => {
    requireUser(c);
    readItem(ctx, c.req.param('id'), false);
    return c.json(readVersion(ctx, c.req.param('id'), c.req.param('n')));
  });

  app.get('/:id/versions/:n/export/:format{(md|docx)}', async (c) => {
    requireUser(c);
    readItem(ctx, c.req.param('id'), false);
    return exportVersion(ctx, c, readVersion(ctx, c.req.param('id'), c.req.param('n')), { audience: 'programme' }, c.req.param('format'), c.req.query('language'));
  });

  app.patch('/:id', async (c) => {
    const { user } = requireUser(c);
    requireManager(user, 'change who can see Resource Centre items');
    const body = await parseBody(c, v.object({ public: v.boolean(say(fieldMessages.mustBeBoolean())) }));
    const item = readItem(ctx, c.req.param('id'), false);
    setPublic(ctx.db, item.id, body.public);
    return c.json(itemSummary(ctx.db, item.id));
  });

  app.post('/:id/unpublish', async (c) => {
    const { user } = requireUser(c);
    requireManager(user, 'unpublish Resource Centre items');
    const body = await parseBody(c, v.object({ comment: v.optional(v.pipe(v.string(say(fieldMessages.mustBeText())), v.maxLength(2000, say(fieldMessages.atMostChars({ max: 2000 }))))) }));
    ctx.db.transaction(() => {
      const taken = unpublishItem(ctx.db, c.req.param('id'));
      if (!taken) throw new ApiError(404, 'not_found', apiMessages.noSuchPublishedItem());
      for (const protocolId of taken.protocolIds) {
        if (protocolState(ctx.db, { copId: taken.copId, protocolId }) === 'published') {
          transition(ctx.db, { protocolId, copId: taken.copId, action: 'unpublish', standing: 'manager', actorId: user.id, comment: body.comment });
        }
      }
    }).immediate();
    return c.body(null, 204);
  });

  return app;
}

/** What anyone may read without an account: items the programme manager marked public, without people (`public-view.ts`). */
export function publicResourceRoutes(ctx: ServerContext) {
  const app = new Hono<ApiEnv>();
  app.get('/resources', (c) => c.json(searchResources(ctx.db, { q: c.req.query('q')?.slice(0, 200), publicOnly: true })));
  app.get('/resources/:id', (c) => {
    const item = readItem(ctx, c.req.param('id'), true);
    const latest = publicVersion(getVersion(ctx.db, item.id, item.latestVersion)!);
    return c.json({ ...item, versions: listVersions(ctx.db, item.id).map(publicVersionEntry), latest });
  });
  app.get('/resources/:id/versions/:n', (c) => {
    readItem(ctx, c.req.param('id'), true);
    return c.json(publicVersion(readVersion(ctx, c.req.param('id'), c.req.param('n'))));
  });
  app.get('/resources/:id/versions/:n/export/:format{(md|docx)}', async (c) => {
    const item = readItem(ctx, c.req.param('id'), true);
    const version = readVersion(ctx, item.id, c.req.param('n'));
    return exportVersion(ctx, c, version, { audience: 'public', copName: item.copName }, c.req.param('format'), c.req.query('language'));
  });
  return app;
}

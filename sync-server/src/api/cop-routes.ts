/** COPs: the directory, one COP, and creating or editing them (programme manager). */
import type { Cop } from '@atelier/api-types';
import { Hono } from 'hono';
import { copSummary, createCop, listCopSummaries, updateCop } from '../accounts/cops';
import { canReadCop, canSeeCopStorage } from '../accounts/roles';
import type { ServerContext } from '../context';
import { ApiError } from '../http/api-error';
import { CreateCopBody, UpdateCopBody } from '../http/body-schemas';
import { requireUser, type ApiEnv } from '../http/session-guard';
import { parseBody } from '../http/validate';
import { requireCopStanding, requireManager } from './cop-permissions';
import { apiMessages } from '../messages/api-messages';
import { fieldMessages } from '../messages/field-messages';

export function copRoutes(ctx: ServerContext) {
  const app = new Hono<ApiEnv>();

  app.post('/', async (c) => {
    const { user } = requireUser(c);
    requireManager(user, 'create a COP');
    const body = await parseBody(c, CreateCopBody);
    const cop = createCop(ctx.db, { ...body, createdBy: user.id });
    return c.json(copSummary(ctx.db, cop.id, user), 201);
  });

  app.get('/', (c) => {
    const { user } = requireUser(c);
    const language = c.req.query('language');
    const status = c.req.query('status');
    if (language && language !== 'en' && language !== 'fr') throw new ApiError(400, 'invalid_input', apiMessages.fieldProblem({ field: 'language', problem: fieldMessages.mustBeEnOrFr() }));
    if (status && !['active', 'archived', 'all'].includes(status)) {
      throw new ApiError(400, 'invalid_input', apiMessages.fieldProblem({ field: 'status', problem: fieldMessages.mustBeOneOf({ choices: 'active, archived, all' }) }));
    }
    return c.json(
      listCopSummaries(ctx.db, user, {
        q: c.req.query('q')?.slice(0, 200),
        language: language as 'en' | 'fr' | undefined,
        status: status as 'active' | 'archived' | 'all' | undefined
      })
    );
  });

  app.get('/:copId', (c) => {
    const { user } = requireUser(c);
    // The directory entry of any COP is visible to every signed-in person of the programme.
    const { standing } = requireCopStanding(ctx.db, user, c.req.param('copId'), () => true, 'see this COP');
    const cop: Cop = copSummary(ctx.db, c.req.param('copId'), user);
    if (canSeeCopStorage(standing)) cop.storage = ctx.storage.use(cop.id);
    return c.json(cop);
  });

  app.patch('/:copId', async (c) => {
    const { user } = requireUser(c);
    requireCopStanding(ctx.db, user, c.req.param('copId'), canReadCop, 'edit this COP');
    requireManager(user, 'edit a COP');
    const body = await parseBody(c, UpdateCopBody);
    const before = copSummary(ctx.db, c.req.param('copId'), user);
    updateCop(ctx.db, before.id, body);
    if (body.status && body.status !== before.status) {
      ctx.events.emit('cop-status-changed', { copId: before.id, status: body.status });
    }
    return c.json(copSummary(ctx.db, before.id, user));
  });

  return app;
}

/**
 * The limits this server is configured with, so devices check a file before queueing it (offline
 * too, from their kept copy) against the server's real limit rather than the default.
 */
import type { Limits } from '@atelier/api-types';
import { Hono } from 'hono';
import type { ServerContext } from '../context';
import { requireUser, type ApiEnv } from '../http/session-guard';

export function limitRoutes(ctx: ServerContext) {
  const app = new Hono<ApiEnv>();

  app.get('/', (c) => {
    requireUser(c);
    return c.json({ maxUploadBytes: ctx.config.maxUploadBytes } satisfies Limits);
  });

  return app;
}

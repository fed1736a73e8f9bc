/**
 * Serves the built SPA: hashed assets cached forever, everything else revalidated (so a new
 * service worker is found at once), and the shell page for any app route the client router owns.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono, MiddlewareHandler } from 'hono';

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

/** Paths the SPA never owns: an unknown one of these is a real 404, not the shell page. */
const NOT_APP_ROUTE = /^\/(api|sync|healthz)(\/|$)|\.[a-z0-9]+$/i;

export function mountStaticApp(app: Hono, webRoot: string) {
  const shell = join(webRoot, 'index.html');
  const cacheHeaders: MiddlewareHandler = async (c, next) => {
    await next();
    if (c.res.status === 200 || c.res.status === 206 || c.res.status === 304) {
      c.header('Cache-Control', c.req.path.startsWith('/_app/immutable/') ? IMMUTABLE : REVALIDATE);
    }
  };
  app.use('*', cacheHeaders);
  app.get('*', serveStatic({ root: webRoot, precompressed: true }));
  app.get('*', async (c, next) => {
    if (NOT_APP_ROUTE.test(c.req.path) || !existsSync(shell)) return next();
    return serveStatic({ path: shell, precompressed: true })(c, next);
  });
}

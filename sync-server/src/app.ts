/**
 * Wires the HTTP application: security headers, health check, the JSON API, and the static app.
 * Behaviour lives in the modules mounted here; this file only decides the order.
 */
import { Hono } from 'hono';
import type { ServerContext } from './context';
import { schemaVersion } from './db/migrations';
import { isStorageBusy } from './db/storage-busy';
import { apiRoutes } from './api/index';
import { onApiError } from './http/api-error';
import { securityHeaders } from './http/security-headers';
import { mountStaticApp } from './http/static-app';
import type { SyncService } from './sync/sync-endpoint';
import { detectLanguage } from './http/request-language';

export const VERSION = '0.1.0';

/** `health`: more fields for /healthz (a venue hub adds its mode, upstream and unconfirmed count). */
export function createApp(deps: ServerContext, sync?: Pick<SyncService, 'mount' | 'manager'>, health?: () => Record<string, unknown>) {
  const app = new Hono();
  app.onError((err, c) => {
    if (isStorageBusy(err)) deps.storageBusy.gaveUp();
    return onApiError(err, c);
  });
  app.use('*', detectLanguage());
  app.use('*', securityHeaders(deps.config.webRoot));

  app.get('/healthz', (c) =>
    c.json({ status: 'ok', version: VERSION, schema: schemaVersion(deps.db), ...health?.() }, 200, { 'Cache-Control': 'no-store' })
  );

  app.route('/api', apiRoutes(deps, sync?.manager));
  sync?.mount(app);

  mountStaticApp(app, deps.config.webRoot);
  return app;
}

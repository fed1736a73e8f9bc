/**
 * Starts Atelier's one Node process: HTTP (app + API) and, on the same port, the sync
 * websockets. `startServer` is what main.ts and every server test call.
 */
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { createApp } from './app';
import { createContext, type ServerContext } from './context';
import type { AtelierConfig } from './config';
import { openDatabase, type SqliteDatabase } from './db/database';
import { log } from './log';
import { createSyncService, type Admission, type SyncService } from './sync/sync-endpoint';
import { readFileSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';

export interface RunningServer {
  /** Base URL, e.g. http://127.0.0.1:3000 */
  url: string;
  port: number;
  db: SqliteDatabase;
  context: ServerContext;
  /** The sync websockets and the documents in memory (tests look at its rooms). */
  sync: SyncService;
  /** Stops accepting, flushes storage, closes sockets (1001), closes the database. */
  close(): Promise<void>;
}

/** What a venue hub changes (venue/start-hub.ts): who is admitted, and more of /healthz. */
export interface ServerMode {
  admit?: (context: ServerContext) => Admission;
  health?: () => Record<string, unknown>;
  /** Called once the server is listening; its result is awaited on close. */
  started?: (server: RunningServer) => { stop(): Promise<void> };
}

export async function startServer(config: AtelierConfig, mode: ServerMode = {}): Promise<RunningServer> {
  const db = openDatabase(config.dataDir);
  const context = createContext(config, db);
  const sync = createSyncService(context, undefined, mode.admit?.(context));
  const app = createApp(context, sync, mode.health);

  const tls = config.venueTls && { cert: readFileSync(config.venueTls.certFile), key: readFileSync(config.venueTls.keyFile) };
  const server: ServerType = await new Promise((resolve, reject) => {
    const s = serve(
      { fetch: app.fetch, hostname: config.host, port: config.port, ...(tls ? { createServer: createHttpsServer, serverOptions: tls } : {}) },
      () => resolve(s)
    );
    s.once('error', reject);
  });
  sync.attach(server);
  const port = (server.address() as AddressInfo).port;
  const shownHost = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `${tls ? 'https' : 'http'}://${shownHost}:${port}`;
  let extra: { stop(): Promise<void> } | undefined;

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      await extra?.stop();
      const stopped = new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive HTTP connections would hold close() open; they carry no unsaved state.
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      // Sync sockets hold the server open until they close: store everything, then close them (1001).
      await sync.close();
      // Everything is stored by now; do not let a connection the HTTP server still counts hold
      // the exit (seen once after sync sockets closed: its close callback never came).
      await Promise.race([stopped, new Promise((resolve) => setTimeout(resolve, 2_000))]);
      await context.exports.close();
      db.close();
      log.info('stopped');
    })());

  const running: RunningServer = { url, port, db, context, sync, close };
  extra = mode.started?.(running);
  return running;
}

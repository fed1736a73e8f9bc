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
import { createSyncService, type SyncService } from './sync/sync-endpoint';

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

export async function startServer(config: AtelierConfig): Promise<RunningServer> {
  const db = openDatabase(config.dataDir);
  const context = createContext(config, db);
  const sync = createSyncService(context);
  const app = createApp(context, sync);

  const server: ServerType = await new Promise((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, () => resolve(s));
    s.once('error', reject);
  });
  sync.attach(server);
  const port = (server.address() as AddressInfo).port;
  const shownHost = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${shownHost}:${port}`;

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
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

  return { url, port, db, context, sync, close };
}

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

export interface RunningServer {
  /** Base URL, e.g. http://127.0.0.1:3000 */
  url: string;
  port: number;
  db: SqliteDatabase;
  context: ServerContext;
  /** Stops accepting, flushes storage, closes sockets (1001), closes the database. */
  close(): Promise<void>;
}

export async function startServer(config: AtelierConfig): Promise<RunningServer> {
  const db = openDatabase(config.dataDir);
  const context = createContext(config, db);
  const app = createApp(context);

  const server: ServerType = await new Promise((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: config.host, port: config.port }, () => resolve(s));
    s.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = config.host.includes(':') ? `[${config.host}]` : config.host;
  const url = `http://${shownHost}:${port}`;

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Keep-alive HTTP connections would hold close() open; they carry no unsaved state.
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      });
      db.close();
      log.info('stopped');
    })());

  return { url, port, db, context, close };
}

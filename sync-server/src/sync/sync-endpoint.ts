/**
 * The `/sync/{docName}` websocket endpoint over @hono/node-ws: checks the name on the raw request
 * path (400), then decides access from the database (session cookie, Origin, membership, role).
 * A refused socket is accepted only to be closed at once with 4401/4403 — the stock y-websocket
 * client (and a browser) cannot see an HTTP status on a failed upgrade and would retry forever;
 * it stops on 44xx close codes. No byte of the document is sent to it.
 */
import type { IncomingMessage } from 'node:http';
import type { ServerType } from '@hono/node-server';
import { createNodeWebSocket } from '@hono/node-ws';
import { DocNameError, parseDocName, runsMeetings, type DocName } from '@atelier/workspace';
import type { Context, Hono } from 'hono';
import type { WebSocket, WebSocketServer } from 'ws';
import { authorizeDocument } from '../accounts/access';
import type { ServerContext } from '../context';
import { errorBody } from '../http/api-error';
import { isAllowedOrigin } from '../http/origin-policy';
import { sessionTokenFromCookieHeader } from '../http/session-cookie';
import { AccountSockets } from './account-sockets';
import { closeWhenSessionExpires, watchAccess } from './access-watch';
import type { DocumentStore } from './document-store';
import { isListedDocument } from './document-listing';
import { CloseCode } from './protocol';
import { RoomManager } from './room-manager';
import { SqliteWriterStore } from './sqlite-writer-store';
import { closeSocket, SyncConnection, type Peer } from './sync-connection';

export const SYNC_PATH_PREFIX = '/sync/';

/** A venue pass cannot be extended like a session: its socket closes when it expires (≤ 14 days). */
function closeAtPassExpiry(conn: SyncConnection, validUntil: number) {
  const timer = setTimeout(() => conn.close(CloseCode.venuePassExpired), Math.max(0, validUntil - Date.now()));
  timer.unref();
  conn.onDispose(() => clearTimeout(timer));
}

/** How long shutdown waits for clients to answer the 1001 close before dropping them. */
const CLOSE_GRACE_MS = 1_000;

export interface SyncService {
  readonly manager: RoomManager;
  /** Adds the `/sync/*` route to the app (before any catch-all route). */
  mount(app: Hono): void;
  /** Hooks websocket upgrades of the running Node server. */
  attach(server: ServerType): void;
  /** Stops accepting, stores everything, closes sockets with 1001. */
  close(): Promise<void>;
}

/** The document name of a raw request target like `/sync/cop/abc/notes?x=1`; throws DocNameError. */
export function docNameFromRawPath(rawTarget: string): DocName {
  const path = rawTarget.split('?', 1)[0]!;
  if (!path.startsWith(SYNC_PATH_PREFIX)) throw new DocNameError('not a sync path');
  const name = path.slice(SYNC_PATH_PREFIX.length);
  // Checked raw: a percent-encoded name could decode to another COP's document.
  if (name.includes('%')) throw new DocNameError('percent-encoding is not allowed in document names');
  return parseDocName(name);
}

export type Decision = { ok: true; peer: Peer; validUntil: number } | { ok: false; close: { code: number; reason: string } };

/**
 * Who a socket is, decided before upgrading. Central decides from the session cookie; a venue
 * hub from the venue pass (venue/venue-admission.ts). The count of sockets per person is kept here.
 */
export type Admission = (c: Context, doc: DocName) => Decision;

export function createSyncService(ctx: ServerContext, store: DocumentStore = new SqliteWriterStore(ctx.db), admit?: Admission): SyncService {
  const settings = ctx.config.sync;
  const manager = new RoomManager(store, settings, ctx.storage);
  const accountSockets = new AccountSockets(settings.maxSocketsPerUser);
  const unwatch = watchAccess(ctx, manager.connections);
  const pingTimer = setInterval(() => manager.pingAll(), settings.pingIntervalMs);
  pingTimer.unref();
  let wss: WebSocketServer | undefined;
  let injectWebSocket: ((server: ServerType) => void) | undefined;
  let closing: Promise<void> | undefined;

  const decide = (c: Context, doc: DocName): Decision => {
    if (admit) {
      const decision = admit(c, doc);
      if (decision.ok && !accountSockets.hasRoom(decision.peer.userId)) return { ok: false, close: CloseCode.tooManyConnections };
      return decision;
    }
    if (!isAllowedOrigin(c.req.header('origin'), ctx.config.publicOrigins)) {
      return { ok: false, close: CloseCode.forbidden };
    }
    const token = sessionTokenFromCookieHeader(c.req.header('cookie'));
    const decision = authorizeDocument(ctx.db, ctx.sessions, token, doc.copId);
    if (!decision.ok) return { ok: false, close: decision.status === 401 ? CloseCode.notAuthenticated : CloseCode.forbidden };
    if (!accountSockets.hasRoom(decision.userId)) return { ok: false, close: CloseCode.tooManyConnections };
    return {
      ok: true,
      peer: { userId: decision.userId, sessionId: decision.session.id, copId: doc.copId, docName: doc.name, canWrite: decision.canWrite, runsMeetings: runsMeetings(decision.standing) },
      validUntil: Math.min(decision.session.expiresAt, decision.session.absoluteExpiresAt)
    };
  };

  return {
    manager,
    mount(app) {
      const nodeWs = createNodeWebSocket({ app });
      wss = nodeWs.wss;
      // ws defaults to 100 MiB; a larger frame is refused by ws itself with close code 1009.
      wss.options.maxPayload = settings.maxFrameBytes;
      injectWebSocket = nodeWs.injectWebSocket;
      app.get(`${SYNC_PATH_PREFIX}*`, async (c) => {
        const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
        let doc: DocName;
        try {
          doc = docNameFromRawPath(incoming?.url ?? new URL(c.req.url).pathname);
        } catch (err) {
          if (err instanceof DocNameError) return c.json(errorBody('invalid_input', err.message), 400);
          throw err;
        }
        if (c.req.header('upgrade')?.toLowerCase() !== 'websocket') {
          return c.json(errorBody('upgrade_required', 'This address is a websocket'), 426);
        }
        if (closing) return c.json(errorBody('unavailable', 'The server is shutting down'), 503);
        const decision = decide(c, doc);
        return nodeWs.upgradeWebSocket(c, {
          onOpen(_event, ws) {
            const socket = ws.raw as WebSocket;
            // Refused sockets are cut if they do not answer the close: a flood of them holds nothing.
            if (!decision.ok) return closeSocket(socket, decision.close);
            if (closing) return closeSocket(socket, CloseCode.goingAway);
            // Counted again here: upgrades decided at the same time all saw the same count.
            const release = accountSockets.take(decision.peer.userId);
            if (!release) return closeSocket(socket, CloseCode.tooManyConnections);
            socket.once('close', release);
            const conn = new SyncConnection(socket, decision.peer, settings);
            // A socket being closed no longer counts, as before its close handshake ends.
            conn.onDispose(release);
            if (admit) closeAtPassExpiry(conn, decision.validUntil);
            else closeWhenSessionExpires(ctx, conn, decision.validUntil);
            void manager.attach(conn, ctx.config.freeFormDocuments ? undefined : () => isListedDocument(manager, store, doc, settings.unlistedWaitMs));
          }
        });
      });
    },
    attach(server) {
      if (!injectWebSocket) throw new Error('mount the sync service on the app before attaching it to the server');
      injectWebSocket(server);
    },
    close() {
      return (closing ??= (async () => {
        clearInterval(pingTimer);
        unwatch();
        await manager.close();
        await store.close?.();
        const sockets = [...(wss?.clients ?? [])];
        for (const socket of sockets) socket.close(CloseCode.goingAway.code, CloseCode.goingAway.reason);
        await Promise.race([
          Promise.all(sockets.map((s) => (s.readyState === s.CLOSED ? undefined : new Promise((r) => s.once('close', r))))),
          new Promise((r) => setTimeout(r, CLOSE_GRACE_MS).unref())
        ]);
        for (const socket of sockets) if (socket.readyState !== socket.CLOSED) socket.terminate();
      })());
    }
  };
}

/**
 * Makes access changes take effect on sockets that are already open, the moment the database
 * changes (the account code emits the events): an ended session closes its sockets with 4401, a
 * removed member's with 4403, and a change of role or COP status re-decides `canWrite` at once.
 * A session that simply runs out (30 days unused, or 90 days after sign-in) closes its sockets
 * with 4401 when it does (`closeWhenSessionExpires`).
 */
import { copIsArchived, standingInCop } from '../accounts/access';
import { runsMeetings } from '@atelier/workspace';
import { canReadCop, canWriteCop } from '../accounts/roles';
import type { ServerContext } from '../context';
import { CloseCode } from './protocol';
import type { SyncConnection } from './sync-connection';

/** setTimeout fires at once beyond 2^31-1 ms (~24.8 days); longer waits are taken in steps. */
const LONGEST_TIMER_MS = 2 ** 31 - 1;

/**
 * Closes `conn` with 4401 once its session is no longer valid. At the expiry known at the upgrade
 * it looks again, since using the app over HTTP extends a session: still valid → wait for the new
 * expiry.
 */
export function closeWhenSessionExpires(ctx: Pick<ServerContext, 'sessions'>, conn: SyncConnection, validUntil: number) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = (until: number) => {
    timer = setTimeout(check, Math.min(LONGEST_TIMER_MS, Math.max(0, until - Date.now())));
    timer.unref();
  };
  const check = () => {
    if (conn.closed) return;
    const until = ctx.sessions.validUntil(conn.sessionId);
    if (until === null) conn.close(CloseCode.notAuthenticated);
    else arm(until);
  };
  arm(validUntil);
  conn.onDispose(() => clearTimeout(timer));
}

export function watchAccess(ctx: Pick<ServerContext, 'db' | 'events'>, connections: ReadonlySet<SyncConnection>): () => void {
  const redecide = (conn: SyncConnection) => {
    const standing = standingInCop(ctx.db, conn.userId, conn.copId);
    if (!canReadCop(standing)) return conn.close(CloseCode.forbidden);
    conn.canWrite = canWriteCop(standing) && !copIsArchived(ctx.db, conn.copId);
    conn.runsMeetings = runsMeetings(standing);
  };

  const onSessionsEnded = ({ sessionIds }: { sessionIds: string[] }) => {
    const ended = new Set(sessionIds);
    for (const conn of connections) if (ended.has(conn.sessionId)) conn.close(CloseCode.notAuthenticated);
  };
  const onMembershipChanged = ({ copId, userId }: { copId: string; userId: string }) => {
    for (const conn of connections) if (conn.copId === copId && conn.userId === userId) redecide(conn);
  };
  const onCopStatusChanged = ({ copId }: { copId: string }) => {
    for (const conn of connections) if (conn.copId === copId) redecide(conn);
  };

  ctx.events.on('sessions-ended', onSessionsEnded);
  ctx.events.on('membership-changed', onMembershipChanged);
  ctx.events.on('cop-status-changed', onCopStatusChanged);
  return () => {
    ctx.events.off('sessions-ended', onSessionsEnded);
    ctx.events.off('membership-changed', onMembershipChanged);
    ctx.events.off('cop-status-changed', onCopStatusChanged);
  };
}

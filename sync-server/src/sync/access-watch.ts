/**
 * Makes access changes take effect on sockets that are already open, the moment the database
 * changes (the account code emits the events): an ended session closes its sockets with 4401, a
 * removed member's with 4403, and a change of role or COP status re-decides `canWrite` at once.
 */
import { copIsArchived, standingInCop } from '../accounts/access';
import { canReadCop, canWriteCop } from '../accounts/roles';
import type { ServerContext } from '../context';
import { CloseCode } from './protocol';
import type { SyncConnection } from './sync-connection';

export function watchAccess(ctx: Pick<ServerContext, 'db' | 'events'>, connections: ReadonlySet<SyncConnection>): () => void {
  const redecide = (conn: SyncConnection) => {
    const standing = standingInCop(ctx.db, conn.userId, conn.copId);
    if (!canReadCop(standing)) return conn.close(CloseCode.forbidden);
    conn.canWrite = canWriteCop(standing) && !copIsArchived(ctx.db, conn.copId);
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

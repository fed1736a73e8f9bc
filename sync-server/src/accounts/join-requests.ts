/**
 * Requests to join a COP from the directory, approved or declined by its facilitators (or the
 * programme manager). Approving adds the membership in the same transaction.
 */
import type { ServerContext } from '../context';
import type { SqliteDatabase } from '../db/database';
import { ConflictError, NotFoundError } from './errors';
import { newId } from './ids';
import { copIsArchived } from './cops';
import { addMembership, findMember, type Member } from './memberships';
import type { MembershipRole, Participation } from './roles';
import { apiMessages } from '../messages/api-messages';

export interface JoinRequest {
  id: string;
  copId: string;
  userId: string;
  name: string;
  email: string;
  message: string;
  createdAt: number;
}

export function requestToJoin(db: SqliteDatabase, copId: string, userId: string, message: string) {
  if (findMember(db, copId, userId)) throw new ConflictError(apiMessages.youAreAlreadyMember());
  const id = newId();
  try {
    db.prepare(`INSERT INTO join_requests (id, cop_id, user_id, message, status, created_at) VALUES (?, ?, ?, ?, 'pending', ?)`).run(
      id,
      copId,
      userId,
      message.trim(),
      Date.now()
    );
  } catch (err) {
    if (err instanceof Error && 'code' in err && err.code === 'SQLITE_CONSTRAINT_UNIQUE') {
      throw new ConflictError(apiMessages.alreadyAskedToJoin());
    }
    throw err;
  }
  return { id, copId, status: 'pending' as const };
}

export function listPendingRequests(db: SqliteDatabase, copId: string): JoinRequest[] {
  return db
    .prepare(
      `SELECT r.id, r.cop_id AS copId, r.user_id AS userId, u.name, u.email, r.message, r.created_at AS createdAt
       FROM join_requests r JOIN users u ON u.id = r.user_id
       WHERE r.cop_id = ? AND r.status = 'pending' ORDER BY r.created_at`
    )
    .all(copId) as JoinRequest[];
}

function pendingRequest(db: SqliteDatabase, copId: string, id: string) {
  const row = db.prepare(`SELECT user_id FROM join_requests WHERE id = ? AND cop_id = ? AND status = 'pending'`).get(id, copId) as
    | { user_id: string }
    | undefined;
  if (!row) throw new NotFoundError(apiMessages.noSuchPendingRequest());
  return row;
}

export function approveRequest(
  ctx: Pick<ServerContext, 'db' | 'events'>,
  copId: string,
  id: string,
  decidedBy: string,
  grant: { role?: MembershipRole; participation?: Participation }
): Member {
  return ctx.db.transaction(() => {
    const { user_id } = pendingRequest(ctx.db, copId, id);
    // Decided in the transaction that adds the membership: archiving ends every pending request.
    if (copIsArchived(ctx.db, copId)) throw new ConflictError(apiMessages.copArchived());
    ctx.db.prepare(`UPDATE join_requests SET status = 'approved', decided_by = ?, decided_at = ? WHERE id = ?`).run(decidedBy, Date.now(), id);
    return addMembership(ctx, { copId, userId: user_id, role: grant.role ?? 'member', participation: grant.participation ?? 'broader' });
  }).immediate();
}

export function declineRequest(db: SqliteDatabase, copId: string, id: string, decidedBy: string): void {
  pendingRequest(db, copId, id);
  db.prepare(`UPDATE join_requests SET status = 'declined', decided_by = ?, decided_at = ? WHERE id = ?`).run(decidedBy, Date.now(), id);
}

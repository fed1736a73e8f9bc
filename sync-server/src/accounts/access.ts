/**
 * Who may open and write a COP's documents, decided from the database alone (never from a Y.Doc,
 * which any client can edit). Used by the API and by the sync server at the websocket upgrade.
 */
import type { SqliteDatabase } from '../db/database';
import { canReadCop, canWriteCop, type CopStanding, type MembershipRole } from './roles';
import type { Session, SessionStore } from './sessions';

export function isManager(db: SqliteDatabase, userId: string): boolean {
  const row = db.prepare('SELECT is_manager FROM users WHERE id = ?').get(userId) as { is_manager: number } | undefined;
  return row?.is_manager === 1;
}

export function standingInCop(db: SqliteDatabase, userId: string, copId: string): CopStanding {
  if (isManager(db, userId)) {
    const exists = db.prepare('SELECT 1 FROM cops WHERE id = ?').get(copId);
    return exists ? 'manager' : 'none';
  }
  const row = db
    .prepare(
      `SELECT m.role FROM memberships m JOIN cops c ON c.id = m.cop_id WHERE m.cop_id = ? AND m.user_id = ?`
    )
    .get(copId, userId) as { role: MembershipRole } | undefined;
  return row?.role ?? 'none';
}

/** Archived COPs stay readable by their members, but nobody writes to them any more. */
export function copIsArchived(db: SqliteDatabase, copId: string): boolean {
  const row = db.prepare('SELECT status FROM cops WHERE id = ?').get(copId) as { status: string } | undefined;
  return row?.status === 'archived';
}

export type SyncDecision =
  | { ok: true; session: Session; userId: string; standing: CopStanding; canWrite: boolean }
  | { ok: false; status: 401 | 403; reason: 'no_session' | 'not_member' };

/** The decision for one websocket: a live session of a member (or the manager) of that COP. */
export function authorizeDocument(
  db: SqliteDatabase,
  sessions: SessionStore,
  token: string | undefined,
  copId: string
): SyncDecision {
  const session = sessions.validate(token);
  if (!session) return { ok: false, status: 401, reason: 'no_session' };
  const standing = standingInCop(db, session.userId, copId);
  if (!canReadCop(standing)) return { ok: false, status: 403, reason: 'not_member' };
  const canWrite = canWriteCop(standing) && !copIsArchived(db, copId);
  return { ok: true, session, userId: session.userId, standing, canWrite };
}

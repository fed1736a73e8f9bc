/**
 * Who belongs to which COP, with what role, participation (core/broader) and experience
 * (experienced/learning). Every change is announced on `ctx.events` so open sockets follow it.
 */
import type { Member } from '@atelier/api-types';
import type { ServerContext } from '../context';
import type { SqliteDatabase } from '../db/database';
import { ConflictError, NotFoundError } from './errors';
import type { Experience, MembershipRole, Participation } from './roles';
import { apiMessages } from '../messages/api-messages';

/** As the API shows it: one definition, shared with the web client. */
export type { Member };

interface MemberRow {
  user_id: string;
  name: string;
  email: string;
  role: MembershipRole;
  participation: Participation;
  experience: Experience;
  joined_at: number;
}

const toMember = (r: MemberRow): Member => ({
  userId: r.user_id,
  name: r.name,
  email: r.email,
  role: r.role,
  participation: r.participation,
  experience: r.experience,
  joinedAt: r.joined_at
});

const SELECT_MEMBER = `SELECT m.user_id, u.name, u.email, m.role, m.participation, m.experience, m.joined_at
  FROM memberships m JOIN users u ON u.id = m.user_id`;

export function listMembers(db: SqliteDatabase, copId: string): Member[] {
  const rows = db
    .prepare(`${SELECT_MEMBER} WHERE m.cop_id = ? ORDER BY CASE m.role WHEN 'facilitator' THEN 0 WHEN 'member' THEN 1 ELSE 2 END, u.name COLLATE NOCASE`)
    .all(copId) as MemberRow[];
  return rows.map(toMember);
}

export function findMember(db: SqliteDatabase, copId: string, userId: string): Member | undefined {
  const row = db.prepare(`${SELECT_MEMBER} WHERE m.cop_id = ? AND m.user_id = ?`).get(copId, userId) as MemberRow | undefined;
  return row && toMember(row);
}

export function listMembershipsOf(db: SqliteDatabase, userId: string) {
  return db
    .prepare('SELECT cop_id AS copId, role, participation, experience FROM memberships WHERE user_id = ? ORDER BY joined_at')
    .all(userId) as { copId: string; role: MembershipRole; participation: Participation; experience: Experience }[];
}

export interface NewMembership {
  copId: string;
  userId: string;
  role: MembershipRole;
  participation?: Participation;
  experience?: Experience;
}

export function addMembership(ctx: Pick<ServerContext, 'db' | 'events'>, input: NewMembership): Member {
  if (findMember(ctx.db, input.copId, input.userId)) throw new ConflictError(apiMessages.alreadyMember());
  ctx.db
    .prepare('INSERT INTO memberships (cop_id, user_id, role, participation, experience, joined_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(input.copId, input.userId, input.role, input.participation ?? 'core', input.experience ?? 'learning', Date.now());
  ctx.events.emit('membership-changed', { copId: input.copId, userId: input.userId, role: input.role });
  return findMember(ctx.db, input.copId, input.userId)!;
}

export function updateMembership(
  ctx: Pick<ServerContext, 'db' | 'events'>,
  copId: string,
  userId: string,
  patch: { role?: MembershipRole; participation?: Participation; experience?: Experience }
): Member {
  const current = findMember(ctx.db, copId, userId);
  if (!current) throw new NotFoundError(apiMessages.notMember());
  const next = {
    role: patch.role ?? current.role,
    participation: patch.participation ?? current.participation,
    experience: patch.experience ?? current.experience
  };
  ctx.db
    .prepare('UPDATE memberships SET role = ?, participation = ?, experience = ? WHERE cop_id = ? AND user_id = ?')
    .run(next.role, next.participation, next.experience, copId, userId);
  if (next.role !== current.role) ctx.events.emit('membership-changed', { copId, userId, role: next.role });
  return { ...current, ...next };
}

export function changeRole(ctx: Pick<ServerContext, 'db' | 'events'>, copId: string, userId: string, role: MembershipRole): Member {
  return updateMembership(ctx, copId, userId, { role });
}

export function removeMembership(ctx: Pick<ServerContext, 'db' | 'events'>, copId: string, userId: string): void {
  const result = ctx.db.prepare('DELETE FROM memberships WHERE cop_id = ? AND user_id = ?').run(copId, userId);
  if (result.changes === 0) throw new NotFoundError(apiMessages.notMember());
  ctx.events.emit('membership-changed', { copId, userId, role: null });
}

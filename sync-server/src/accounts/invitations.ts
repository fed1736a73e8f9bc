/**
 * Invitations by link (and QR code): a token for one COP, role, participation and experience, that expires
 * (7 days by default), may be limited to N uses, and can be revoked. Accepting consumes one use
 * inside the same transaction that adds the membership, so a limit is never exceeded.
 */
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import type { ServerContext } from '../context';
import type { SqliteDatabase } from '../db/database';
import { ConflictError, NotFoundError } from './errors';
import { copIsArchived } from './cops';
import { addMembership, findMember, type Member } from './memberships';
import type { Experience, MembershipRole, Participation } from './roles';
import { findUserByEmail, insertUser, type NewUser, type User } from './users';
import { apiMessages } from '../messages/api-messages';

export const DEFAULT_INVITATION_DAYS = 7;
export const MAX_INVITATION_DAYS = 90;
const DAY = 24 * 60 * 60 * 1000;

export interface Invitation {
  token: string;
  copId: string;
  role: MembershipRole;
  participation: Participation;
  /** What the people it brings in are: their membership starts with it. */
  experience: Experience;
  maxUses: number | null;
  uses: number;
  expiresAt: number;
  revoked: boolean;
  createdAt: number;
}

interface InvitationRow {
  token: string;
  cop_id: string;
  role: MembershipRole;
  participation: Participation;
  experience: Experience;
  max_uses: number | null;
  uses: number;
  expires_at: number;
  revoked_at: number | null;
  created_at: number;
}

const toInvitation = (r: InvitationRow): Invitation => ({
  token: r.token,
  copId: r.cop_id,
  role: r.role,
  participation: r.participation,
  experience: r.experience,
  maxUses: r.max_uses,
  uses: r.uses,
  expiresAt: r.expires_at,
  revoked: r.revoked_at !== null,
  createdAt: r.created_at
});

export function createInvitation(
  db: SqliteDatabase,
  input: {
    copId: string;
    role: MembershipRole;
    participation?: Participation;
    experience?: Experience;
    maxUses?: number;
    expiresInDays?: number;
    createdBy: string;
  }
): Invitation {
  const bytes = new Uint8Array(20);
  crypto.getRandomValues(bytes);
  const token = encodeBase32LowerCaseNoPadding(bytes);
  const now = Date.now();
  const expiresAt = now + (input.expiresInDays ?? DEFAULT_INVITATION_DAYS) * DAY;
  db.prepare(
    `INSERT INTO invitations (token, cop_id, role, participation, experience, max_uses, uses, expires_at, created_by, created_at)
     VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?)`
  ).run(token, input.copId, input.role, input.participation ?? 'core', input.experience ?? 'learning', input.maxUses ?? null, expiresAt, input.createdBy, now);
  return findInvitation(db, token)!;
}

function findInvitation(db: SqliteDatabase, token: string): Invitation | undefined {
  const row = db.prepare('SELECT * FROM invitations WHERE token = ?').get(token) as InvitationRow | undefined;
  return row && toInvitation(row);
}

const isUsable = (i: Invitation, now: number) =>
  !i.revoked && i.expiresAt > now && (i.maxUses === null || i.uses < i.maxUses);

/**
 * An invitation that can still be accepted; NotFoundError for unknown, expired, used up or
 * revoked, and for one whose COP was archived since (archiving ends every invitation).
 */
export function usableInvitation(db: SqliteDatabase, token: string): Invitation {
  const invitation = /^[a-z2-7]{32}$/.test(token) ? findInvitation(db, token) : undefined;
  if (!invitation || !isUsable(invitation, Date.now())) {
    throw new NotFoundError(apiMessages.invitationNotValid());
  }
  if (copIsArchived(db, invitation.copId)) throw new NotFoundError(apiMessages.invitationCopArchived());
  return invitation;
}

export function listUsableInvitations(db: SqliteDatabase, copId: string): Invitation[] {
  const rows = db.prepare('SELECT * FROM invitations WHERE cop_id = ? ORDER BY created_at DESC').all(copId) as InvitationRow[];
  const now = Date.now();
  return rows.map(toInvitation).filter((i) => isUsable(i, now));
}

export function revokeInvitation(db: SqliteDatabase, copId: string, token: string): void {
  const result = db
    .prepare('UPDATE invitations SET revoked_at = ? WHERE token = ? AND cop_id = ? AND revoked_at IS NULL')
    .run(Date.now(), token, copId);
  if (result.changes === 0) throw new NotFoundError(apiMessages.noSuchInvitation());
}

/**
 * A new person accepting: creates the account, counts one use and adds the membership in one
 * IMMEDIATE transaction, or does none of it (used up, revoked, expired, archived, email taken).
 * The password is hashed before (scrypt is asynchronous and slow; a transaction cannot wait).
 */
export function redeemInvitationAsNewAccount(
  ctx: Pick<ServerContext, 'db' | 'events'>,
  token: string,
  account: Omit<NewUser, 'password' | 'isManager'>,
  passwordHash: string
): { user: User; copId: string; member: Member } {
  return ctx.db.transaction(() => {
    const invitation = usableInvitation(ctx.db, token);
    if (findUserByEmail(ctx.db, account.email)) throw new ConflictError(apiMessages.emailTakenSignIn());
    const user = insertUser(ctx.db, account, passwordHash);
    const { member } = redeemInvitation(ctx, token, user.id);
    return { user, copId: invitation.copId, member };
  }).immediate();
}

/** Adds the user to the invitation's COP and counts one use, atomically. */
export function redeemInvitation(
  ctx: Pick<ServerContext, 'db' | 'events'>,
  token: string,
  userId: string
): { copId: string; member: Member } {
  return ctx.db.transaction(() => {
    const invitation = usableInvitation(ctx.db, token);
    if (findMember(ctx.db, invitation.copId, userId)) throw new ConflictError(apiMessages.youAreAlreadyMember());
    ctx.db.prepare('UPDATE invitations SET uses = uses + 1 WHERE token = ?').run(token);
    const member = addMembership(ctx, { copId: invitation.copId, userId, role: invitation.role,
      participation: invitation.participation,
      experience: invitation.experience
    });
    return { copId: invitation.copId, member };
  }).immediate();
}

/**
 * Sessions: created at sign-in (a fresh token each time), validated on every request with a
 * sliding expiry (30 days, renewed when less than half is left) under an absolute limit, and
 * invalidated at sign-out, from "my sessions", and when the password changes.
 */
import type { SqliteDatabase } from '../db/database';
import { isStorageBusy } from '../db/storage-busy';
import type { AccessEvents } from './access-events';
import { generateSessionToken, isWellFormedToken, sessionIdFromToken } from './session-token';

const DAY = 24 * 60 * 60 * 1000;
/** Idle lifetime: a month without use signs you out. */
export const SESSION_TTL_MS = 30 * DAY;
/** However active, a session ends after 90 days and the person signs in again. */
export const SESSION_ABSOLUTE_MS = 90 * DAY;
/** last_seen_at is written at most this often, so reads do not turn into writes. */
const LAST_SEEN_RESOLUTION_MS = 60 * 1000;

export interface Session {
  id: string;
  userId: string;
  createdAt: number;
  expiresAt: number;
  absoluteExpiresAt: number;
  lastSeenAt: number;
  userAgent: string;
  ip: string;
  /** Set by `validate` when it just extended the expiry: the cookie should be re-sent. */
  renewed?: boolean;
}

interface SessionRow {
  id: string;
  user_id: string;
  created_at: number;
  expires_at: number;
  absolute_expires_at: number;
  last_seen_at: number;
  user_agent: string;
  ip: string;
}

const fromRow = (r: SessionRow): Session => ({
  id: r.id,
  userId: r.user_id,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  absoluteExpiresAt: r.absolute_expires_at,
  lastSeenAt: r.last_seen_at,
  userAgent: r.user_agent,
  ip: r.ip
});

export class SessionStore {
  constructor(
    private readonly db: SqliteDatabase,
    private readonly events: AccessEvents,
    private readonly now: () => number = Date.now
  ) {}

  create(userId: string, meta: { userAgent?: string; ip?: string } = {}): { token: string; session: Session } {
    const token = generateSessionToken();
    const t = this.now();
    const session: Session = {
      id: sessionIdFromToken(token),
      userId,
      createdAt: t,
      expiresAt: t + SESSION_TTL_MS,
      absoluteExpiresAt: t + SESSION_ABSOLUTE_MS,
      lastSeenAt: t,
      userAgent: (meta.userAgent ?? '').slice(0, 300),
      ip: meta.ip ?? ''
    };
    this.db
      .prepare(
        `INSERT INTO sessions (id, user_id, created_at, expires_at, absolute_expires_at, last_seen_at, user_agent, ip)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
      )
      .run(session.id, userId, t, session.expiresAt, session.absoluteExpiresAt, t, session.userAgent, session.ip);
    return { token, session };
  }

  /** The live session for a cookie token, extended if due; null for unknown, forged or expired. */
  validate(token: string | undefined): Session | null {
    if (!token || !isWellFormedToken(token)) return null;
    const id = sessionIdFromToken(token);
    const row = this.db.prepare('SELECT * FROM sessions WHERE id = ?').get(id) as SessionRow | undefined;
    if (!row) return null;
    const session = fromRow(row);
    const t = this.now();
    if (t >= session.expiresAt || t >= session.absoluteExpiresAt) {
      try {
        this.invalidate([session.id]);
      } catch (err) {
        // Locked by another process: the session is refused all the same; its row goes next time.
        if (!isStorageBusy(err)) throw err;
      }
      return null;
    }
    const storedExpiry = session.expiresAt;
    const renew = session.expiresAt - t < SESSION_TTL_MS / 2;
    if (renew) {
      session.expiresAt = Math.min(t + SESSION_TTL_MS, session.absoluteExpiresAt);
      session.renewed = true;
    }
    if (renew || t - session.lastSeenAt > LAST_SEEN_RESOLUTION_MS) {
      session.lastSeenAt = t;
      try {
        this.db.prepare('UPDATE sessions SET expires_at = ?, last_seen_at = ? WHERE id = ?').run(session.expiresAt, t, id);
      } catch (err) {
        // The database is locked by another process: the session is valid all the same, and the
        // renewal is due again on the next request. Reading must not fail for want of a write.
        if (!isStorageBusy(err)) throw err;
        session.expiresAt = storedExpiry;
        session.renewed = false;
      }
    }
    return session;
  }

  /**
   * Until when a session stays valid without further use (its current expiry, capped by the
   * absolute one); null if it is gone or already expired. Reads only: nothing is extended.
   */
  validUntil(sessionId: string): number | null {
    const row = this.db.prepare('SELECT expires_at, absolute_expires_at FROM sessions WHERE id = ?').get(sessionId) as
      | { expires_at: number; absolute_expires_at: number }
      | undefined;
    if (!row) return null;
    const until = Math.min(row.expires_at, row.absolute_expires_at);
    return until > this.now() ? until : null;
  }

  listForUser(userId: string): Session[] {
    const rows = this.db
      .prepare('SELECT * FROM sessions WHERE user_id = ? AND expires_at > ? ORDER BY last_seen_at DESC')
      .all(userId, this.now()) as SessionRow[];
    return rows.map(fromRow);
  }

  invalidate(sessionIds: string[]) {
    if (sessionIds.length === 0) return;
    const del = this.db.prepare('DELETE FROM sessions WHERE id = ?');
    this.db.transaction(() => sessionIds.forEach((id) => del.run(id))).immediate();
    this.events.emit('sessions-ended', { sessionIds });
  }

  /** Ends every session of a user, optionally keeping one (the one that changed the password). */
  invalidateAllForUser(userId: string, keepSessionId?: string) {
    const ids = (this.db.prepare('SELECT id FROM sessions WHERE user_id = ?').all(userId) as { id: string }[])
      .map((r) => r.id)
      .filter((id) => id !== keepSessionId);
    this.invalidate(ids);
  }

  /** Removes expired rows; called now and then, never needed for correctness. */
  sweepExpired() {
    this.db.prepare('DELETE FROM sessions WHERE expires_at <= ? OR absolute_expires_at <= ?').run(this.now(), this.now());
  }
}

// Accounts, sessions, COPs, memberships, invitations and requests to join.
import type { Migration } from '../migrations';

export const accounts: Migration = {
  version: 1,
  name: 'accounts',
  up(db) {
    db.exec(`
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        email TEXT NOT NULL,
        email_key TEXT NOT NULL UNIQUE,           -- lower-cased, trimmed: emails compare case-insensitively
        name TEXT NOT NULL,
        language TEXT NOT NULL CHECK (language IN ('en', 'fr')),
        password_hash TEXT NOT NULL,
        is_manager INTEGER NOT NULL DEFAULT 0,
        created_at INTEGER NOT NULL,
        password_changed_at INTEGER NOT NULL
      );

      CREATE TABLE sessions (
        id TEXT PRIMARY KEY,                      -- hex SHA-256 of the token; the token is never stored
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,              -- sliding
        absolute_expires_at INTEGER NOT NULL,     -- never extended
        last_seen_at INTEGER NOT NULL,
        user_agent TEXT NOT NULL DEFAULT '',
        ip TEXT NOT NULL DEFAULT ''
      );
      CREATE INDEX sessions_user ON sessions(user_id);

      CREATE TABLE cops (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        area_of_interest TEXT NOT NULL,
        language TEXT NOT NULL CHECK (language IN ('en', 'fr')),
        description TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'archived')),
        created_by TEXT REFERENCES users(id) ON DELETE SET NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );

      CREATE TABLE memberships (
        cop_id TEXT NOT NULL REFERENCES cops(id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('facilitator', 'member', 'observer')),
        participation TEXT NOT NULL DEFAULT 'core' CHECK (participation IN ('core', 'broader')),
        experience TEXT NOT NULL DEFAULT 'learning' CHECK (experience IN ('experienced', 'learning')),
        joined_at INTEGER NOT NULL,
        PRIMARY KEY (cop_id, user_id)
      );
      CREATE INDEX memberships_user ON memberships(user_id);

      CREATE TABLE invitations (
        token TEXT PRIMARY KEY,
        cop_id TEXT NOT NULL REFERENCES cops(id) ON DELETE CASCADE,
        role TEXT NOT NULL CHECK (role IN ('facilitator', 'member', 'observer')),
        participation TEXT NOT NULL CHECK (participation IN ('core', 'broader')),
        max_uses INTEGER,                         -- NULL: any number until it expires
        uses INTEGER NOT NULL DEFAULT 0,
        expires_at INTEGER NOT NULL,
        revoked_at INTEGER,
        created_by TEXT REFERENCES users(id) ON DELETE SET NULL,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX invitations_cop ON invitations(cop_id);

      CREATE TABLE join_requests (
        id TEXT PRIMARY KEY,
        cop_id TEXT NOT NULL REFERENCES cops(id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        message TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'declined')),
        created_at INTEGER NOT NULL,
        decided_by TEXT REFERENCES users(id) ON DELETE SET NULL,
        decided_at INTEGER
      );
      CREATE UNIQUE INDEX join_requests_pending ON join_requests(cop_id, user_id) WHERE status = 'pending';
    `);
  }
};

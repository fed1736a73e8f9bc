import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runMigrations } from '../migrations';
import { MIGRATIONS } from './index';

describe('migration 8 (invitation experience)', () => {
  it('an invitation made before the upgrade still works and brings people in as learning; an unknown experience is refused', () => {
    const db = new Database(':memory:');
    runMigrations(db, MIGRATIONS.filter((m) => m.version < 8));
    const now = Date.now();
    db.prepare("INSERT INTO cops (id, name, area_of_interest, language, created_at, updated_at) VALUES ('c1', 'COP', 'Area', 'en', ?, ?)").run(now, now);
    db.prepare("INSERT INTO invitations (token, cop_id, role, participation, expires_at, created_at) VALUES ('old', 'c1', 'member', 'core', ?, ?)").run(now + 1e6, now);
    expect(runMigrations(db, MIGRATIONS.filter((m) => m.version <= 8))).toBe(1);
    expect(db.prepare("SELECT experience FROM invitations WHERE token = 'old'").get()).toEqual({ experience: 'learning' });
    expect(() =>
      db.prepare("INSERT INTO invitations (token, cop_id, role, participation, experience, expires_at, created_at) VALUES ('bad', 'c1', 'member', 'core', 'expert', 1, 1)").run()
    ).toThrow(/CHECK constraint/);
    db.close();
  });
});

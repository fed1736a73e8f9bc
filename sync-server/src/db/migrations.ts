/**
 * Schema migrations, applied in order at start-up inside one transaction each. A migration is
 * never edited once it has shipped: add a new one. `schema_migrations` records what ran.
 */
import type Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations/index';

export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

export class MigrationError extends Error {
  override name = 'MigrationError';
}

export function runMigrations(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  const applied = new Set(
    (db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version)
  );
  const latestKnown = Math.max(0, ...migrations.map((m) => m.version));
  const latestApplied = Math.max(0, ...applied);
  if (latestApplied > latestKnown) {
    throw new MigrationError(
      `the database is at schema version ${latestApplied}, newer than this Atelier (${latestKnown}); upgrade Atelier`
    );
  }
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  let count = 0;
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    if (applied.has(migration.version)) continue;
    db.transaction(() => {
      migration.up(db);
      record.run(migration.version, migration.name, new Date().toISOString());
    }).immediate();
    count++;
  }
  return count;
}

export function schemaVersion(db: Database.Database): number {
  const row = db.prepare('SELECT MAX(version) AS v FROM schema_migrations').get() as { v: number | null };
  return row.v ?? 0;
}

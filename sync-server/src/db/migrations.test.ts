import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from './database';
import { MigrationError, runMigrations, schemaVersion, type Migration } from './migrations';

const tempDir = () => mkdtempSync(join(tmpdir(), 'atelier-db-'));

describe('openDatabase', () => {
  it('opens SQLite in DATA_DIR with WAL on and migrations applied', () => {
    const dir = join(tempDir(), 'nested', 'data');
    const db = openDatabase(dir);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.name).toBe(join(dir, 'atelier.sqlite'));
    db.close();
  });
});

describe('runMigrations', () => {
  const steps: Migration[] = [
    { version: 1, name: 'things', up: (db) => db.exec('CREATE TABLE things (id INTEGER PRIMARY KEY)') },
    { version: 2, name: 'thing names', up: (db) => db.exec('ALTER TABLE things ADD COLUMN name TEXT') }
  ];

  it('applies each migration once, in order, and records the version', () => {
    const db = new Database(':memory:');
    expect(runMigrations(db, steps)).toBe(2);
    expect(runMigrations(db, steps)).toBe(0);
    expect(schemaVersion(db)).toBe(2);
    db.prepare('INSERT INTO things (name) VALUES (?)').run('ok');
  });

  it('rolls back a failing migration and leaves the earlier ones in place', () => {
    const db = new Database(':memory:');
    const broken: Migration = {
      version: 3,
      name: 'broken',
      up: (d) => {
        d.exec('CREATE TABLE half (id INTEGER)');
        throw new Error('boom');
      }
    };
    expect(() => runMigrations(db, [...steps, broken])).toThrow('boom');
    expect(schemaVersion(db)).toBe(2);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'half'").get()).toBeUndefined();
  });

  it('refuses a database from a newer Atelier', () => {
    const db = new Database(':memory:');
    runMigrations(db, steps);
    expect(() => runMigrations(db, steps.slice(0, 1))).toThrow(MigrationError);
  });
});

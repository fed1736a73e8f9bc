/**
 * Opens the embedded SQLite database in DATA_DIR: WAL for concurrent readers during writes,
 * synchronous=FULL because an acknowledged edit must survive a power cut, then migrations.
 *
 * Every transaction is started with `.immediate()` (BEGIN IMMEDIATE): the sync writer thread
 * commits on its own connection at any moment, and a deferred transaction that reads and then
 * writes fails with "database is locked" when a commit lands in between (its snapshot is stale;
 * the busy timeout does not help). IMMEDIATE takes the write lock first and waits for it.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { runMigrations } from './migrations';

export type SqliteDatabase = Database.Database;

export const DATABASE_FILE = 'atelier.sqlite';

export function openDatabase(dataDir: string): SqliteDatabase {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, DATABASE_FILE));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // Another process (the admin command) may hold the write lock briefly. The CLI and start-up
  // migrations may wait; the running server shortens this (db/storage-busy.ts), because the wait
  // spins on the event loop.
  db.pragma('busy_timeout = 5000');
  runMigrations(db);
  return db;
}

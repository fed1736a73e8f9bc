import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { AccessEvents } from '../accounts/access-events';
import { createCop } from '../accounts/cops';
import { newId } from '../accounts/ids';
import { createInvitation, redeemInvitation } from '../accounts/invitations';
import { openDatabase, type SqliteDatabase } from '../db/database';
import { SqliteWriterStore } from './sqlite-writer-store';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function addUser(db: SqliteDatabase): string {
  const id = newId();
  db.prepare(
    `INSERT INTO users (id, email, email_key, name, language, password_hash, is_manager, created_at, password_changed_at)
     VALUES (?, ?, ?, 'Someone', 'en', 'not-a-hash', 0, ?, ?)`
  ).run(id, `${id}@example.ca`, `${id}@example.ca`, Date.now(), Date.now());
  return id;
}

describe('the SQLite writer thread beside the main connection', () => {
  it('never makes a main-thread transaction that reads then writes fail while it commits', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'atelier-writer-'));
    dirs.push(dir);
    const db = openDatabase(dir);
    const ctx = { db, events: new AccessEvents() };
    const cop = createCop(db, { name: 'Busy COP', areaOfInterest: 'Locks', language: 'en', createdBy: addUser(db) });
    const store = new SqliteWriterStore(db);
    const name = `cop/${cop.id}/notes/busy`;
    await store.load(name, cop.id);
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    for (let i = 0; i < 2_000; i++) doc.getArray('a').push([i]);

    // The writer thread commits update after update while the main thread redeems invitations
    // (read the invitation, then write the membership and the use count, in one transaction).
    let writing = true;
    const writer = (async () => {
      for (let i = 0; writing; i = (i + 1) % updates.length) await store.append([{ name, updates: [updates[i]!] }]);
    })();
    const invitation = createInvitation(db, { copId: cop.id, role: 'member', maxUses: 1_000, createdBy: addUser(db) });
    const failures: string[] = [];
    for (let i = 0; i < 300; i++) {
      try {
        redeemInvitation(ctx, invitation.token, addUser(db));
      } catch (err) {
        failures.push(String(err));
      }
      // Let the writer's replies in, so commits keep interleaving with the main thread.
      await new Promise((resolve) => setImmediate(resolve));
    }
    writing = false;
    await writer;
    expect(failures).toEqual([]);
    expect((db.prepare('SELECT uses FROM invitations WHERE token = ?').get(invitation.token) as { uses: number }).uses).toBe(300);
    await store.close();
    db.close();
  });
});

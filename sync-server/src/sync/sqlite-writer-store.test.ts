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
import { DocumentStoreError } from './document-store';
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

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'atelier-writer-'));
  dirs.push(dir);
  const db = openDatabase(dir);
  const cop = createCop(db, { name: 'Writer COP', areaOfInterest: 'Storage', language: 'en', createdBy: addUser(db) });
  return { db, cop, store: new SqliteWriterStore(db) };
}

/** `count` updates of about `size` bytes each, made by one Y.Doc. */
function updatesOf(count: number, size: number): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  for (let i = 0; i < count; i++) doc.getText('t').insert(0, String(i % 10).repeat(size));
  return updates;
}

describe('the SQLite writer thread', () => {
  it('stores batches and compactions larger than its shared buffer, in order, byte for byte', async () => {
    const { db, cop, store } = setup();
    const names = ['a', 'b', 'c'].map((n) => `cop/${cop.id}/notes/${n}`);
    for (const name of names) await store.load(name, cop.id);
    // About 1.2 MB in one commit: the 256 KiB buffer grows (twice) for it.
    const batch = names.map((name) => ({ name, updates: updatesOf(200, 2_000) }));
    await store.append(batch);
    for (const { name, updates } of batch) {
      const stored = await store.load(name, cop.id);
      expect(stored.updates.map((u) => Buffer.from(u).toString('hex'))).toEqual(updates.map((u) => Buffer.from(u).toString('hex')));
    }
    // Then a small one, which the grown buffer serves as well.
    const small = updatesOf(3, 10);
    await store.append([{ name: names[0]!, updates: small }]);
    expect((await store.load(names[0]!, cop.id)).updates).toHaveLength(203);

    const doc = new Y.Doc();
    for (const update of batch[1]!.updates) Y.applyUpdate(doc, update);
    const state = Y.encodeStateAsUpdate(doc);
    expect(state.byteLength).toBeGreaterThan(256 * 1024);
    await store.compact(names[1]!, state);
    const compacted = await store.load(names[1]!, cop.id);
    expect(compacted.updates).toEqual([]);
    expect(Buffer.from(compacted.state!).equals(Buffer.from(state))).toBe(true);
    await store.close();
    db.close();
  });

  it('turns a failed commit into a DocumentStoreError, stores none of that batch, and carries on', async () => {
    const { db, cop, store } = setup();
    const good = `cop/${cop.id}/notes/good`;
    const refused = `cop/${cop.id}/notes/refused`;
    await store.load(good, cop.id);
    await store.load(refused, cop.id);
    // The database itself refuses one document's updates, as a full disk or a broken file would.
    db.exec(`CREATE TRIGGER refuse BEFORE INSERT ON sync_updates WHEN NEW.doc_name = '${refused}' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`);
    const [first, second] = updatesOf(2, 5);
    const failure = await store.append([{ name: good, updates: [first!] }, { name: refused, updates: [second!] }]).catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(DocumentStoreError);
    expect(String(failure)).toContain('refused by the test');
    expect((await store.load(good, cop.id)).updates).toEqual([]);
    await store.append([{ name: good, updates: [first!] }]);
    expect((await store.load(good, cop.id)).updates).toHaveLength(1);
    await store.close();
    db.close();
  });
});

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

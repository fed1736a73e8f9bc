/**
 * The SQLite document store (the default, and the only one so far): `sync_documents` holds each
 * document's compacted state, `sync_updates` the updates appended since, in rowid order. The
 * database runs in WAL mode with synchronous=FULL, so a committed append survives a power cut.
 */
import type { SqliteDatabase } from '../db/database';
import type { AppendEntry, DocumentStore, StoredDocument } from './document-store';

export class SqliteDocumentStore implements DocumentStore {
  readonly #register;
  readonly #selectState;
  readonly #selectUpdates;
  readonly #insertUpdate;
  readonly #writeState;
  readonly #deleteUpdates;
  readonly #isRegistered;
  readonly #listNames;
  readonly #appendBatch;
  readonly #compact;

  constructor(db: SqliteDatabase) {
    this.#isRegistered = db.prepare('SELECT 1 FROM sync_documents WHERE name = ?').pluck(true);
    this.#register = db.prepare(
      'INSERT OR IGNORE INTO sync_documents (name, cop_id, created_at) VALUES (?, ?, ?)'
    );
    this.#selectState = db.prepare('SELECT state, state_bytes FROM sync_documents WHERE name = ?');
    this.#selectUpdates = db.prepare('SELECT data FROM sync_updates WHERE doc_name = ? ORDER BY id').raw(true);
    this.#insertUpdate = db.prepare('INSERT INTO sync_updates (doc_name, data) VALUES (?, ?)');
    this.#writeState = db.prepare(
      'UPDATE sync_documents SET state = ?, state_bytes = ?, compacted_at = ? WHERE name = ?'
    );
    this.#deleteUpdates = db.prepare('DELETE FROM sync_updates WHERE doc_name = ?');
    this.#listNames = db.prepare('SELECT name FROM sync_documents WHERE cop_id = ? ORDER BY name').pluck(true);
    this.#appendBatch = db.transaction((batch: readonly AppendEntry[]) => {
      for (const entry of batch) {
        for (const update of entry.updates) this.#insertUpdate.run(entry.name, update);
      }
    });
    this.#compact = db.transaction((name: string, state: Uint8Array) => {
      this.#writeState.run(state, state.byteLength, Date.now(), name);
      this.#deleteUpdates.run(name);
    });
  }

  async load(name: string, copId: string): Promise<StoredDocument> {
    // A read first: opening a stored document must not need the write lock (another process may
    // hold it for seconds; see db/storage-busy.ts). Only a new document is registered.
    if (!this.#isRegistered.get(name)) this.#register.run(name, copId, Date.now());
    const row = this.#selectState.get(name) as { state: Buffer | null; state_bytes: number };
    const updates = (this.#selectUpdates.all(name) as [Buffer][]).map(([data]) => toBytes(data));
    const bytes = row.state_bytes + updates.reduce((sum, u) => sum + u.byteLength, 0);
    return { state: row.state ? toBytes(row.state) : null, updates, bytes };
  }

  async append(batch: readonly AppendEntry[]): Promise<void> {
    this.#appendBatch.immediate(batch);
  }

  async compact(name: string, state: Uint8Array): Promise<void> {
    this.#compact.immediate(name, state);
  }

  async list(copId: string): Promise<string[]> {
    return this.#listNames.all(copId) as string[];
  }
}

/** better-sqlite3 returns Buffers; Yjs wants plain Uint8Arrays (a Buffer is one, without copying). */
const toBytes = (data: Buffer): Uint8Array => new Uint8Array(data.buffer, data.byteOffset, data.byteLength);

/**
 * The SQLite store with every write (appends and compactions) committed on a worker thread. With
 * synchronous=FULL every commit waits for the disk (an fsync of the WAL, 0.4-5 ms); on the main
 * thread that wait would stall every socket and HTTP request. On the worker, the event loop goes
 * on receiving, and all updates that arrive during one commit go into the next (group commit):
 * fewer fsyncs under load. The worker takes its messages in order, so a compaction never races an
 * append. Reads stay on the main connection (WAL lets them run beside the writer).
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { SqliteDatabase } from '../db/database';
import type { AppendEntry, DocumentStore, StoredDocument } from './document-store';
import { DocumentStoreError } from './document-store';
import { SqliteDocumentStore } from './sqlite-document-store';

// Plain JavaScript evaluated in the worker, so it runs the same under tsx, vitest and node.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('busy_timeout = 5000');
const insert = db.prepare('INSERT INTO sync_updates (doc_name, data) VALUES (?, ?)');
const writeState = db.prepare('UPDATE sync_documents SET state = ?, state_bytes = ?, compacted_at = ? WHERE name = ?');
const deleteUpdates = db.prepare('DELETE FROM sync_updates WHERE doc_name = ?');
const compact = db.transaction(({ name, state }) => {
  const bytes = Buffer.from(state);
  writeState.run(bytes, bytes.byteLength, Date.now(), name);
  deleteUpdates.run(name);
});
// One batch = document names, how many updates each, every update's length, and all the bytes
// in one transferred buffer (see packBatch).
const append = db.transaction(({ names, counts, lengths, bytes }) => {
  const data = Buffer.from(bytes);
  let update = 0;
  let offset = 0;
  for (let doc = 0; doc < names.length; doc++) {
    for (let end = update + counts[doc]; update < end; update++) {
      insert.run(names[doc], data.subarray(offset, offset + lengths[update]));
      offset += lengths[update];
    }
  }
});
parentPort.on('message', ({ id, batch, compaction }) => {
  try {
    if (batch) append.immediate(batch);
    else compact.immediate(compaction);
    parentPort.postMessage(id);
  } catch (err) {
    parentPort.postMessage({ id, error: String(err && err.message || err) });
  }
});
`;

export class SqliteWriterStore implements DocumentStore {
  readonly #main: SqliteDocumentStore;
  readonly #worker: Worker;
  readonly #waiting = new Map<number, { resolve: () => void; reject: (err: Error) => void }>();
  #nextId = 1;

  constructor(db: SqliteDatabase) {
    this.#main = new SqliteDocumentStore(db);
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    this.#worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { driver, file: db.name } });
    this.#worker.unref();
    this.#worker.on('message', (reply: number | { id: number; error: string }) => {
      const id = typeof reply === 'number' ? reply : reply.id;
      const waiter = this.#waiting.get(id);
      this.#waiting.delete(id);
      if (typeof reply === 'number') waiter?.resolve();
      else waiter?.reject(new DocumentStoreError(reply.error));
    });
    this.#worker.on('error', (err) => {
      for (const waiter of this.#waiting.values()) waiter.reject(new DocumentStoreError(`writer stopped: ${err.message}`));
      this.#waiting.clear();
    });
  }

  load(name: string, copId: string): Promise<StoredDocument> {
    return this.#main.load(name, copId);
  }

  append(batch: readonly AppendEntry[]): Promise<void> {
    const packed = packBatch(batch);
    return this.#post({ batch: packed }, packed.bytes);
  }

  compact(name: string, state: Uint8Array): Promise<void> {
    // A copy the worker owns: `state` may be a view into a buffer the caller keeps.
    const owned = state.slice().buffer;
    return this.#post({ compaction: { name, state: owned } }, owned);
  }

  #post(message: object, transfer: ArrayBuffer): Promise<void> {
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      this.#worker.postMessage({ id, ...message }, [transfer]);
    });
  }

  list(copId: string): Promise<string[]> {
    return this.#main.list(copId);
  }

  /** Stops the writer thread; call after the last append resolved. */
  async close(): Promise<void> {
    await this.#worker.terminate();
  }
}

/**
 * A batch as the worker takes it: the updates copied end to end into one buffer that is moved
 * (transferred) to the worker, not cloned. Cloning an array of small Uint8Arrays costs more than
 * the SQLite commit itself.
 */
function packBatch(batch: readonly AppendEntry[]) {
  let total = 0;
  let count = 0;
  for (const entry of batch) {
    count += entry.updates.length;
    for (const update of entry.updates) total += update.byteLength;
  }
  const bytes = new Uint8Array(total);
  const lengths = new Uint32Array(count);
  let offset = 0;
  let index = 0;
  for (const entry of batch) {
    for (const update of entry.updates) {
      bytes.set(update, offset);
      offset += update.byteLength;
      lengths[index++] = update.byteLength;
    }
  }
  return { names: batch.map((e) => e.name), counts: batch.map((e) => e.updates.length), lengths, bytes: bytes.buffer };
}

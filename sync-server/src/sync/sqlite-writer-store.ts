/**
 * The SQLite store with appends committed on a worker thread. With synchronous=FULL every commit
 * waits for the disk (an fsync of the WAL, 1-5 ms here); on the main thread that wait would stall
 * every socket and HTTP request. On the worker, the event loop goes on receiving, and all updates
 * that arrive during one commit go into the next (group commit): fewer fsyncs under load. Reads
 * and compactions stay on the main connection (WAL lets them run beside the writer).
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
const append = db.transaction((batch) => {
  for (const entry of batch) for (const update of entry.updates) insert.run(entry.name, update);
});
parentPort.on('message', ({ id, batch }) => {
  try {
    append(batch);
    parentPort.postMessage({ id, ok: true });
  } catch (err) {
    parentPort.postMessage({ id, ok: false, error: String(err && err.message || err) });
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
    this.#worker.on('message', ({ id, ok, error }: { id: number; ok: boolean; error?: string }) => {
      const waiter = this.#waiting.get(id);
      this.#waiting.delete(id);
      if (ok) waiter?.resolve();
      else waiter?.reject(new DocumentStoreError(error ?? 'append failed'));
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
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      // The main-thread buffers are copied into the message (structured clone), never shared.
      this.#worker.postMessage({ id, batch });
    });
  }

  compact(name: string, state: Uint8Array): Promise<void> {
    return this.#main.compact(name, state);
  }

  list(copId: string): Promise<string[]> {
    return this.#main.list(copId);
  }

  /** Stops the writer thread; call after the last append resolved. */
  async close(): Promise<void> {
    await this.#worker.terminate();
  }
}

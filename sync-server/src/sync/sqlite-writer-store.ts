/**
 * The SQLite store with every write (appends and compactions) committed on a worker thread. With
 * synchronous=FULL every commit waits for the disk (an fsync of the WAL, 0.4-5 ms); on the main
 * thread that wait would stall every socket and HTTP request. On the worker, the event loop goes
 * on receiving, and all updates that arrive during one commit go into the next (group commit):
 * fewer fsyncs under load. Requests run one at a time and in order, so a compaction never races
 * an append. Reads stay on the main connection (WAL lets them run beside the writer).
 *
 * The two threads talk through shared memory, not messages: the main thread writes a request
 * into a shared buffer, bumps a counter and wakes the worker (Atomics.notify); the worker, parked
 * in Atomics.wait, commits and bumps the "done" counter, which resolves the main thread's
 * Atomics.waitAsync. A postMessage round trip (structured clone, a MessageEvent on each side)
 * cost ~190 µs of CPU per commit here, this ~60 µs. Messages are used only for what is rare: a
 * larger shared buffer when a request outgrows the current one, and the text of an error.
 */
import { createRequire } from 'node:module';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { SqliteDatabase } from '../db/database';
import type { AppendEntry, DocumentStore, StoredDocument } from './document-store';
import { DocumentStoreError } from './document-store';
import { SqliteDocumentStore } from './sqlite-document-store';

/** Slots of the shared control array. */
const REQUESTED = 0;
const DONE = 1;
const FAILED = 2;
/** Request kinds, first word of a request. */
const APPEND = 1;
const COMPACT = 2;
/** The shared request buffer starts at this size and doubles when a request needs more. */
const INITIAL_BUFFER_BYTES = 256 * 1024;

// Plain JavaScript evaluated in the worker, so it runs the same under tsx, vitest and node.
// A request: u32 kind; APPEND: u32 documents, then per document u32 name length, u32 updates,
// then u32 length of every update, then the names' UTF-8 bytes, then the updates' bytes.
// COMPACT: u32 name length, u32 state length, name bytes, state bytes.
const WORKER_SOURCE = `
const { receiveMessageOnPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('busy_timeout = 5000');
const insert = db.prepare('INSERT INTO sync_updates (doc_name, data) VALUES (?, ?)');
const writeState = db.prepare('UPDATE sync_documents SET state = ?, state_bytes = ?, compacted_at = ? WHERE name = ?');
const deleteUpdates = db.prepare('DELETE FROM sync_updates WHERE doc_name = ?');
const control = new Int32Array(workerData.control);
const port = workerData.port;
let buffer = workerData.buffer;
const text = new TextDecoder();

const append = db.transaction((view, bytes) => {
  const documents = view.getUint32(4, true);
  let header = 8;
  const names = [];
  let totalUpdates = 0;
  for (let d = 0; d < documents; d++) {
    names.push([view.getUint32(header, true), view.getUint32(header + 4, true)]);
    totalUpdates += names[d][1];
    header += 8;
  }
  let lengths = header;
  let offset = header + 4 * totalUpdates;
  const decoded = names.map(([nameLength, count]) => {
    const name = text.decode(bytes.subarray(offset, offset + nameLength));
    offset += nameLength;
    return [name, count];
  });
  for (const [name, count] of decoded) {
    for (let u = 0; u < count; u++) {
      const length = view.getUint32(lengths, true);
      lengths += 4;
      // A copy: the shared buffer is reused by the next request.
      insert.run(name, Buffer.from(bytes.subarray(offset, offset + length)));
      offset += length;
    }
  }
});
const compact = db.transaction((view, bytes) => {
  const nameLength = view.getUint32(4, true);
  const stateLength = view.getUint32(8, true);
  const name = text.decode(bytes.subarray(12, 12 + nameLength));
  const state = Buffer.from(bytes.subarray(12 + nameLength, 12 + nameLength + stateLength));
  writeState.run(state, state.byteLength, Date.now(), name);
  deleteUpdates.run(name);
});

let handled = 0;
for (;;) {
  Atomics.wait(control, ${REQUESTED}, handled);
  const request = Atomics.load(control, ${REQUESTED});
  let failed = 0;
  try {
    for (let message; (message = receiveMessageOnPort(port)); ) buffer = message.message;
    const bytes = new Uint8Array(buffer);
    const view = new DataView(buffer);
    const kind = view.getUint32(0, true);
    if (kind === ${APPEND}) append.immediate(view, bytes);
    else if (kind === ${COMPACT}) compact.immediate(view, bytes);
    else throw new Error('unknown request ' + kind);
  } catch (err) {
    failed = 1;
    port.postMessage(String((err && err.message) || err));
  }
  handled = request;
  Atomics.store(control, ${FAILED}, failed);
  Atomics.store(control, ${DONE}, request);
  Atomics.notify(control, ${DONE});
}
`;

export class SqliteWriterStore implements DocumentStore {
  readonly #main: SqliteDocumentStore;
  readonly #worker: Worker;
  readonly #control = new Int32Array(new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT));
  /** Main thread's end of the channel for new buffers (to the worker) and errors (from it). */
  readonly #port: MessagePort;
  #buffer = new SharedArrayBuffer(INITIAL_BUFFER_BYTES);
  #requested = 0;
  /** Requests run one after another; this is the last one queued. */
  #queue: Promise<void> = Promise.resolve();
  /** Set once the worker has died: every request from then on fails with it. */
  #stopped: DocumentStoreError | null = null;
  #onStop: ((err: DocumentStoreError) => void) | null = null;

  constructor(db: SqliteDatabase) {
    this.#main = new SqliteDocumentStore(db);
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    const { port1, port2 } = new MessageChannel();
    this.#port = port1;
    this.#worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { driver, file: db.name, control: this.#control.buffer, buffer: this.#buffer, port: port2 },
      transferList: [port2]
    });
    this.#worker.unref();
    const stop = (err: DocumentStoreError) => {
      this.#stopped ??= err;
      this.#onStop?.(this.#stopped);
    };
    this.#worker.on('error', (err) => stop(new DocumentStoreError(`writer stopped: ${err.message}`)));
    this.#worker.on('exit', (code) => stop(new DocumentStoreError(`writer stopped (exit ${code})`)));
  }

  load(name: string, copId: string): Promise<StoredDocument> {
    return this.#main.load(name, copId);
  }

  append(batch: readonly AppendEntry[]): Promise<void> {
    return this.#enqueue(() => encodeAppend(batch));
  }

  compact(name: string, state: Uint8Array): Promise<void> {
    return this.#enqueue(() => encodeCompact(name, state));
  }

  list(copId: string): Promise<string[]> {
    return this.#main.list(copId);
  }

  /** Stops the writer thread; call after the last append resolved. */
  async close(): Promise<void> {
    this.#port.close();
    await this.#worker.terminate();
  }

  #enqueue(encode: () => Request): Promise<void> {
    const run = this.#queue.then(() => this.#request(encode()));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #request(request: Request): Promise<void> {
    if (this.#stopped) throw this.#stopped;
    if (request.size > this.#buffer.byteLength) {
      let size = this.#buffer.byteLength;
      while (size < request.size) size *= 2;
      this.#buffer = new SharedArrayBuffer(size);
      // Queued before the wake-up below, so the worker takes it before reading the request.
      this.#port.postMessage(this.#buffer);
    }
    request.write(new DataView(this.#buffer), new Uint8Array(this.#buffer));
    const seq = ++this.#requested;
    const done = Atomics.waitAsync(this.#control, DONE, seq - 1);
    Atomics.store(this.#control, REQUESTED, seq);
    Atomics.notify(this.#control, REQUESTED);
    if (done.async) {
      await new Promise<void>((resolve, reject) => {
        this.#onStop = reject;
        done.value.then(() => resolve());
      }).finally(() => (this.#onStop = null));
    }
    if (Atomics.load(this.#control, FAILED) === 1) {
      const reason = receiveMessageOnPort(this.#port)?.message;
      throw new DocumentStoreError(typeof reason === 'string' ? reason : 'the writer could not commit');
    }
  }
}

/** A request as laid out in the shared buffer (see WORKER_SOURCE). */
interface Request {
  size: number;
  write(view: DataView, bytes: Uint8Array): void;
}

const utf8 = new TextEncoder();

function encodeAppend(batch: readonly AppendEntry[]): Request {
  const names = batch.map((entry) => utf8.encode(entry.name));
  let updates = 0;
  let payload = 0;
  for (const [i, entry] of batch.entries()) {
    updates += entry.updates.length;
    payload += names[i]!.byteLength;
    for (const update of entry.updates) payload += update.byteLength;
  }
  const header = 8 + 8 * batch.length + 4 * updates;
  return {
    size: header + payload,
    write(view, bytes) {
      view.setUint32(0, APPEND, true);
      view.setUint32(4, batch.length, true);
      let at = 8;
      for (const [i, entry] of batch.entries()) {
        view.setUint32(at, names[i]!.byteLength, true);
        view.setUint32(at + 4, entry.updates.length, true);
        at += 8;
      }
      for (const entry of batch) {
        for (const update of entry.updates) {
          view.setUint32(at, update.byteLength, true);
          at += 4;
        }
      }
      for (const name of names) {
        bytes.set(name, at);
        at += name.byteLength;
      }
      for (const entry of batch) {
        for (const update of entry.updates) {
          bytes.set(update, at);
          at += update.byteLength;
        }
      }
    }
  };
}

function encodeCompact(name: string, state: Uint8Array): Request {
  const encodedName = utf8.encode(name);
  return {
    size: 12 + encodedName.byteLength + state.byteLength,
    write(view, bytes) {
      view.setUint32(0, COMPACT, true);
      view.setUint32(4, encodedName.byteLength, true);
      view.setUint32(8, state.byteLength, true);
      bytes.set(encodedName, 12);
      bytes.set(state, 12 + encodedName.byteLength);
    }
  };
}

/**
 * Exports are built off the event loop: a DOCX of a 6 MiB protocol is seconds of CPU, and six
 * at once on the main thread made /healthz wait 2.6 s (every socket and request waited too).
 * The pool keeps `concurrency` worker threads (EXPORT_CONCURRENCY), started on first use, each
 * building one job at a time; further jobs wait in a bounded queue (EXPORT_QUEUE_LIMIT), and
 * beyond it `run` refuses at once with `ExportsBusyError` (the API answers 503 + Retry-After).
 *
 * The worker entry is `export-worker.ts` beside this file under tsx and vitest (the worker is
 * given tsx's loader), and `export-worker.js` beside the bundle in the built server
 * (`scripts/build-server.mjs` bundles both).
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { log } from '../log';
import type { ExportJob } from './export-jobs';
import type { ExportReply } from './export-worker';

export class ExportsBusyError extends Error {
  override name = 'ExportsBusyError';
  constructor(readonly retryAfterSeconds: number) {
    super('every export worker is busy and the queue is full');
  }
}

/** An export that failed inside its worker, with the worker's error name and message. */
export class ExportFailedError extends Error {
  override name = 'ExportFailedError';
}

interface Pending {
  job: ExportJob;
  resolve: (bytes: Uint8Array) => void;
  reject: (err: Error) => void;
}

interface Slot {
  worker: Worker;
  busy?: { id: number; pending: Pending };
}

/** How to start a worker: the bundled JavaScript, or the TypeScript source through tsx. */
function workerEntry(): { source: string | URL; eval: boolean } {
  if (!import.meta.url.endsWith('.ts')) return { source: new URL('./export-worker.js', import.meta.url), eval: false };
  // Under tsx or vitest the worker needs a TypeScript loader of its own. `--import tsx` in a
  // worker's execArgv is not applied on Node 20, and `register()` comes too late for the first
  // import; tsx's `tsImport` loads the entry (and what it imports) through tsx at once.
  const api = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const entry = new URL('./export-worker.ts', import.meta.url).href;
  return { source: `import(${JSON.stringify(api)}).then((tsx) => tsx.tsImport(${JSON.stringify(entry)}, ${JSON.stringify(api)}))`, eval: true };
}

export class ExportPool {
  readonly #slots: Slot[] = [];
  readonly #queue: Pending[] = [];
  #nextId = 1;
  #closed = false;

  constructor(
    readonly concurrency: number,
    readonly queueLimit: number
  ) {}

  /** Jobs being built plus jobs waiting: for tests and the log. */
  get load(): { building: number; waiting: number } {
    return { building: this.#slots.filter((s) => s.busy).length, waiting: this.#queue.length };
  }

  /** Builds `job` on a worker; rejects with ExportsBusyError at once when the queue is full. */
  run(job: ExportJob): Promise<Uint8Array> {
    if (this.#closed) return Promise.reject(new Error('the export pool is closed'));
    const idle = this.#idleSlot();
    if (!idle && this.#queue.length >= this.queueLimit) {
      // Roughly how long until a place frees up: a large export takes a few seconds.
      return Promise.reject(new ExportsBusyError(Math.max(1, Math.ceil((this.#queue.length / this.concurrency) * 2))));
    }
    return new Promise<Uint8Array>((resolve, reject) => {
      const pending = { job, resolve, reject };
      if (idle) this.#start(idle, pending);
      else this.#queue.push(pending);
    });
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const p of this.#queue.splice(0)) p.reject(new Error('the server is stopping'));
    await Promise.all(this.#slots.splice(0).map((s) => s.worker.terminate()));
  }

  #idleSlot(): Slot | undefined {
    const idle = this.#slots.find((s) => !s.busy);
    if (idle) return idle;
    if (this.#slots.length < this.concurrency) return this.#spawn();
    return undefined;
  }

  #spawn(): Slot {
    const entry = workerEntry();
    const worker = new Worker(entry.source, { eval: entry.eval });
    // An idle worker must not keep the process alive; a busy one is referenced while it works.
    worker.unref();
    const slot: Slot = { worker };
    worker.on('message', (reply: ExportReply) => {
      const busy = slot.busy;
      if (!busy || busy.id !== reply.id) return;
      slot.busy = undefined;
      worker.unref();
      if (reply.ok) busy.pending.resolve(reply.bytes);
      else busy.pending.reject(new ExportFailedError(`${reply.name}: ${reply.message}`));
      this.#next(slot);
    });
    let gone = false;
    const lost = (err: Error) => {
      // A worker that crashed or exited is replaced on the next job; its job fails, others go on.
      // ('error' is followed by 'exit': handle the first only.)
      if (gone) return;
      gone = true;
      const index = this.#slots.indexOf(slot);
      if (index >= 0) this.#slots.splice(index, 1);
      if (slot.busy) slot.busy.pending.reject(err);
      slot.busy = undefined;
      if (!this.#closed) {
        log.warn('export worker stopped', { error: err.message });
        const slotForNext = this.#queue.length ? this.#idleSlot() : undefined;
        if (slotForNext) this.#start(slotForNext, this.#queue.shift()!);
      }
    };
    worker.on('error', (err) => lost(err));
    worker.on('exit', (code) => lost(new ExportFailedError(`export worker exited (${code})`)));
    this.#slots.push(slot);
    return slot;
  }

  #start(slot: Slot, pending: Pending) {
    const id = this.#nextId++;
    slot.busy = { id, pending };
    slot.worker.ref();
    slot.worker.postMessage({ id, job: pending.job });
  }

  #next(slot: Slot) {
    const waiting = this.#queue.shift();
    if (waiting) this.#start(slot, waiting);
  }
}

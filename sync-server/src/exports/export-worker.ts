/**
 * The entry of an export worker thread (see `export-pool.ts`): builds one job at a time and
 * posts back its bytes (transferred, not copied) or the error's name and message.
 */
import { parentPort } from 'node:worker_threads';
import { buildExport, type ExportJob } from './export-jobs';

export interface ExportRequest {
  id: number;
  job: ExportJob;
}

export type ExportReply = { id: number; ok: true; bytes: Uint8Array } | { id: number; ok: false; name: string; message: string };

const port = parentPort;
if (!port) throw new Error('export-worker.ts runs only as a worker thread');

port.on('message', async ({ id, job }: ExportRequest) => {
  try {
    const built = await buildExport(job);
    // Transfer only a buffer the result owns whole (a small Buffer may sit in Node's shared pool).
    const bytes = built.byteOffset === 0 && built.byteLength === built.buffer.byteLength ? built : built.slice();
    port.postMessage({ id, ok: true, bytes } satisfies ExportReply, [bytes.buffer as ArrayBuffer]);
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    port.postMessage({ id, ok: false, name: e.name, message: e.message } satisfies ExportReply);
  }
});

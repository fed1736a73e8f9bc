/**
 * Routes build files through here: the job runs on the export pool (`export-pool.ts`), and a
 * full queue becomes `503` with `Retry-After` and a message in the person's language.
 */
import type { ServerContext } from '../context';
import { ApiError } from '../http/api-error';
import { apiMessages } from '../messages/api-messages';
import type { DocumentStore } from '../sync/document-store';
import type { ExportJob } from './export-jobs';
import { ExportsBusyError } from './export-pool';

export async function buildOffThread(ctx: ServerContext, job: ExportJob): Promise<Uint8Array> {
  try {
    return await ctx.exports.run(job);
  } catch (err) {
    if (err instanceof ExportsBusyError) {
      const seconds = err.retryAfterSeconds;
      throw new ApiError(503, 'unavailable', apiMessages.exportsBusy(), { 'Retry-After': String(seconds) });
    }
    throw err;
  }
}

/** A stored document's state and updates, as the worker merges them (no Y.Doc on this thread). */
export async function storedParts(store: DocumentStore, name: string, copId: string): Promise<Uint8Array[]> {
  const stored = await store.load(name, copId);
  return [...(stored.state ? [stored.state] : []), ...stored.updates];
}

/**
 * Storing one uploaded library file: stream it into the blob store, refusing it early when its
 * first bytes are not an accepted type, then record it. A file id is chosen by the client, so a
 * retried upload (say after the network dropped at 99 %) is recognised instead of duplicated.
 */
import type { Readable } from 'node:stream';
import { ConflictError } from '../accounts/errors';
import { apiMessages } from '../messages/api-messages';
import type { ServerContext } from '../context';
import { blobInUse, findFile, insertFile, type FileRecord } from './file-records';
import { sniffFileType, type FileType } from './sniff-type';

export class UnsupportedFileTypeError extends Error {
  override name = 'UnsupportedFileTypeError';
  constructor() {
    super('This kind of file is not accepted: use PDF, an office document (Word, Excel, PowerPoint, OpenDocument), an image (PNG, JPEG, GIF, WebP) or text (.txt, .csv, .md)');
  }
}

export const FILE_ID = /^[a-z0-9]{8,64}$/;

export async function storeUpload(
  ctx: Pick<ServerContext, 'db' | 'blobs' | 'config'>,
  input: { fileId: string; copId: string; fileName: string; uploadedBy: string; body: Readable }
): Promise<{ record: FileRecord; created: boolean }> {
  let type: FileType | undefined;
  const blob = await ctx.blobs.put(input.body, {
    maxBytes: ctx.config.maxUploadBytes,
    accept: (head) => {
      type = sniffFileType(head, input.fileName);
      if (!type) throw new UnsupportedFileTypeError();
    }
  });
  const existing = findFile(ctx.db, input.fileId);
  if (existing) {
    if (existing.copId === input.copId && existing.blobHash === blob.hash) return { record: existing, created: false };
    if (!blobInUse(ctx.db, blob.hash)) await ctx.blobs.delete(blob.hash);
    throw new ConflictError(apiMessages.fileIdTaken());
  }
  const record = insertFile(ctx.db, {
    id: input.fileId,
    copId: input.copId,
    blobHash: blob.hash,
    size: blob.size,
    contentType: type!.mime,
    inline: type!.inline,
    fileName: input.fileName,
    uploadedBy: input.uploadedBy
  });
  return { record, created: true };
}

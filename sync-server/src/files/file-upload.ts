/**
 * Storing one uploaded library file: stream it aside into the blob store, refusing it early when
 * its first bytes are not an accepted type, confirm the type from the whole content (an office
 * document's zip entries), then make the bytes visible and record them as one decision per blob
 * (`blob-references.ts`). A file id is chosen by the client, so a retried upload (say after the
 * network dropped at 99 %) is recognised instead of duplicated.
 */
import type { Readable } from 'node:stream';
import { ConflictError } from '../accounts/errors';
import { apiMessages } from '../messages/api-messages';
import type { ServerContext } from '../context';
import { findFile, insertFile, type FileRecord } from './file-records';
import { confirmFileType, sniffFileType, type FileType } from './sniff-type';

export class UnsupportedFileTypeError extends Error {
  override name = 'UnsupportedFileTypeError';
  constructor() {
    super('This kind of file is not accepted: use PDF, an office document (Word, Excel, PowerPoint, OpenDocument), an image (PNG, JPEG, GIF, WebP) or text (.txt, .csv, .md)');
  }
}

export const FILE_ID = /^[a-z0-9]{8,64}$/;

export async function storeUpload(
  ctx: Pick<ServerContext, 'db' | 'blobs' | 'blobRefs' | 'config'>,
  input: { fileId: string; copId: string; fileName: string; uploadedBy: string; body: Readable }
): Promise<{ record: FileRecord; created: boolean }> {
  let guess: FileType | undefined;
  const staged = await ctx.blobs.stage(input.body, {
    maxBytes: ctx.config.maxUploadBytes,
    accept: (head) => {
      guess = sniffFileType(head, input.fileName);
      if (!guess) throw new UnsupportedFileTypeError();
    }
  });
  let type: FileType | undefined;
  try {
    type = await confirmFileType(guess!, () => staged.read());
  } catch (err) {
    await ctx.blobs.discard(staged);
    throw err;
  }
  if (!type) {
    await ctx.blobs.discard(staged);
    throw new UnsupportedFileTypeError();
  }
  const outcome = await ctx.blobRefs.attach(staged, () => {
    const existing = findFile(ctx.db, input.fileId);
    if (existing) {
      if (existing.copId === input.copId && existing.blobHash === staged.hash) return { record: existing, created: false };
      return 'taken' as const;
    }
    const record = insertFile(ctx.db, {
      id: input.fileId,
      copId: input.copId,
      blobHash: staged.hash,
      size: staged.size,
      contentType: type.mime,
      inline: type.inline,
      fileName: input.fileName,
      uploadedBy: input.uploadedBy
    });
    return { record, created: true };
  });
  if (outcome === 'taken') throw new ConflictError(apiMessages.fileIdTaken());
  return outcome;
}

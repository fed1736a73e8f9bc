/**
 * Storing one uploaded library file: stream it aside into the blob store, refusing it early when
 * its first bytes are not an accepted type, confirm the type from the whole content (an office
 * document's zip entries), then make the bytes visible and record them as one decision per blob
 * (`blob-references.ts`). A file id is chosen by the client, so a retried upload (say after the
 * network dropped at 99 %) is recognised instead of duplicated.
 *
 * The COP's storage quota is checked three times, so nothing past it is ever kept: before a byte
 * is read (the declared length), while streaming (the blob store stops at the room left), and
 * together with writing the record (two uploads racing for the last room).
 */
import type { Readable } from 'node:stream';
import { ConflictError } from '../accounts/errors';
import { CopStorageFullError } from '../storage/cop-storage';
import { apiMessages } from '../messages/api-messages';
import type { ServerContext } from '../context';
import { BlobTooLargeError } from './blob-store';
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
  ctx: Pick<ServerContext, 'db' | 'blobs' | 'blobRefs' | 'config' | 'storage'>,
  input: { fileId: string; copId: string; fileName: string; uploadedBy: string; body: Readable; declaredBytes?: number }
): Promise<{ record: FileRecord; created: boolean }> {
  // A retried upload of a file already kept takes no more room: its own size is counted already.
  const previous = findFile(ctx.db, input.fileId);
  const alreadyCounted = previous?.copId === input.copId ? previous.size : 0;
  const roomLeft = ctx.storage.room(input.copId) + alreadyCounted;
  if (input.declaredBytes !== undefined && input.declaredBytes > roomLeft) throw full(ctx, input.copId);
  let guess: FileType | undefined;
  let staged;
  try {
    staged = await ctx.blobs.stage(input.body, {
      maxBytes: Math.min(ctx.config.maxUploadBytes, roomLeft),
      accept: (head) => {
        guess = sniffFileType(head, input.fileName);
        if (!guess) throw new UnsupportedFileTypeError();
      }
    });
  } catch (err) {
    // Stopped at the room left rather than at the file limit: the quota refused it.
    if (err instanceof BlobTooLargeError && roomLeft < ctx.config.maxUploadBytes) throw full(ctx, input.copId);
    throw err;
  }
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
    // Decided with the insert, in one synchronous step: of two uploads racing for the last room,
    // the second sees the first. A refusal here unlinks the blob (`attach`).
    ctx.storage.require(input.copId, staged.size);
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

function full(ctx: Pick<ServerContext, 'storage'>, copId: string): CopStorageFullError {
  return new CopStorageFullError(ctx.storage.used(copId), ctx.storage.quotaBytes);
}

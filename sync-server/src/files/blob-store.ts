/**
 * Where file contents live: content-addressed blobs (by SHA-256), so the same file uploaded twice
 * is stored once. The interface is small so an object store (S3-compatible) can replace the disk
 * implementation; file records (who may read what) stay in the database.
 */
import type { Readable } from 'node:stream';

export interface StoredBlob {
  /** Hex SHA-256 of the content. */
  hash: string;
  size: number;
  /** The first bytes, for type sniffing. */
  head: Buffer;
}

/** Bytes that have fully arrived but are not yet visible under their hash. */
export interface StagedBlob extends StoredBlob {
  /** Reads the staged bytes (to check a file's type from its whole content before keeping it). */
  read(): Readable;
}

export interface PutOptions {
  maxBytes: number;
  /**
   * Called once with the first bytes (up to 4 KiB, or the whole file if smaller) as soon as they
   * have arrived; throwing refuses the upload before the rest is stored.
   */
  accept?: (head: Buffer) => void;
}

export interface BlobStore {
  /**
   * Streams `body` into the store, aside: nothing is visible under its hash until `commit`, so the
   * caller can check the whole content and decide together with the database (under its per-hash
   * lock). An error, an abort or going over `maxBytes` leaves nothing behind; `discard` drops them.
   */
  stage(body: Readable, opts: PutOptions): Promise<StagedBlob>;
  /** Makes staged bytes visible under their hash; keeps an identical blob already there. */
  commit(staged: StagedBlob): Promise<void>;
  discard(staged: StagedBlob): Promise<void>;
  /** Streams a blob or a byte range of it (inclusive end). */
  read(hash: string, range?: { start: number; end: number }): Readable;
  size(hash: string): Promise<number | undefined>;
  delete(hash: string): Promise<void>;
}

export class BlobTooLargeError extends Error {
  override name = 'BlobTooLargeError';
  constructor(readonly maxBytes: number) {
    super(`The file is larger than ${maxBytes} bytes`);
  }
}

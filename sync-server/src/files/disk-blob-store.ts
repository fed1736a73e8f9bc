/**
 * The default blob store: files under `DATA_DIR/blobs/ab/cdef…` named by their SHA-256. Uploads
 * stream into `blobs/incoming/` while being hashed and counted, and are renamed into place (atomic
 * on one filesystem) only when complete; leftovers of a crash are cleared at start-up.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { BlobTooLargeError, type BlobStore, type PutOptions, type StoredBlob } from './blob-store';

const HEAD_BYTES = 4096;

export class DiskBlobStore implements BlobStore {
  readonly #root: string;
  readonly #incoming: string;

  constructor(dataDir: string) {
    this.#root = join(dataDir, 'blobs');
    this.#incoming = join(this.#root, 'incoming');
    mkdirSync(this.#incoming, { recursive: true });
    // Partial uploads from before a crash or restart are never visible; drop them.
    for (const name of readdirSync(this.#incoming)) rmSync(join(this.#incoming, name), { force: true });
  }

  #path(hash: string): string {
    if (!/^[0-9a-f]{64}$/.test(hash)) throw new Error('not a blob hash');
    return join(this.#root, hash.slice(0, 2), hash.slice(2));
  }

  async put(body: Readable, { maxBytes, accept }: PutOptions): Promise<StoredBlob> {
    const temp = join(this.#incoming, randomBytes(12).toString('hex'));
    const hash = createHash('sha256');
    let size = 0;
    const headChunks: Buffer[] = [];
    let headLength = 0;
    let accepted = !accept;
    const check = () => {
      if (!accepted) {
        accepted = true;
        accept!(Buffer.concat(headChunks));
      }
    };
    const meter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length;
        if (size > maxBytes) return done(new BlobTooLargeError(maxBytes));
        hash.update(chunk);
        if (headLength < HEAD_BYTES) {
          headChunks.push(chunk.subarray(0, HEAD_BYTES - headLength));
          headLength += Math.min(chunk.length, HEAD_BYTES - headLength);
        }
        try {
          if (headLength >= HEAD_BYTES) check();
        } catch (err) {
          return done(err as Error);
        }
        done(null, chunk);
      },
      flush(done) {
        try {
          check();
          done();
        } catch (err) {
          done(err as Error);
        }
      }
    });
    try {
      await pipeline(body, meter, createWriteStream(temp, { flags: 'wx' }));
      const digest = hash.digest('hex');
      const final = this.#path(digest);
      mkdirSync(join(this.#root, digest.slice(0, 2)), { recursive: true });
      // Same content already stored: keep the one we have (identical bytes).
      if ((await this.size(digest)) === size) await rm(temp, { force: true });
      else await rename(temp, final);
      return { hash: digest, size, head: Buffer.concat(headChunks) };
    } catch (err) {
      await rm(temp, { force: true });
      throw err;
    }
  }

  read(hash: string, range?: { start: number; end: number }): Readable {
    return createReadStream(this.#path(hash), range ? { start: range.start, end: range.end } : undefined);
  }

  async size(hash: string): Promise<number | undefined> {
    try {
      return (await stat(this.#path(hash))).size;
    } catch {
      return undefined;
    }
  }

  async delete(hash: string): Promise<void> {
    await rm(this.#path(hash), { force: true });
  }
}

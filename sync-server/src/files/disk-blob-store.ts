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
import { BlobTooLargeError, type BlobStore, type PutOptions, type StagedBlob } from './blob-store';

const HEAD_BYTES = 4096;
const TEMP = Symbol('temp file');
type Staged = StagedBlob & { [TEMP]: string };

function tempOf(staged: StagedBlob): string {
  const temp = (staged as Partial<Staged>)[TEMP];
  if (!temp) throw new Error('not staged by this store');
  return temp;
}

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

  async stage(body: Readable, { maxBytes, accept }: PutOptions): Promise<StagedBlob> {
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
    } catch (err) {
      await rm(temp, { force: true });
      throw err;
    }
    const staged: Staged = { hash: hash.digest('hex'), size, head: Buffer.concat(headChunks), read: () => createReadStream(temp), [TEMP]: temp };
    return staged;
  }

  async commit(staged: StagedBlob): Promise<void> {
    const temp = tempOf(staged);
    mkdirSync(join(this.#root, staged.hash.slice(0, 2)), { recursive: true });
    // Same content already stored: keep the one we have (identical bytes). Otherwise (absent, or
    // a torn copy of another size) the staged bytes take its place atomically.
    if ((await this.size(staged.hash)) === staged.size) await rm(temp, { force: true });
    else await rename(temp, this.#path(staged.hash));
  }

  async discard(staged: StagedBlob): Promise<void> {
    await rm(tempOf(staged), { force: true });
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

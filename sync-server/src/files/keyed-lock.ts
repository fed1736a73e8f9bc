/**
 * One-at-a-time sections per key (here: per blob hash). Deleting a library file and uploading the
 * same bytes must not interleave, or the delete can unlink the blob the new record points at;
 * sections for different keys run freely. In-process only: one server process owns DATA_DIR.
 */
export class KeyedLock {
  readonly #tails = new Map<string, Promise<void>>();

  /** Runs `section` once every earlier section for `key` has finished (resolved or thrown). */
  async run<T>(key: string, section: () => Promise<T> | T): Promise<T> {
    const previous = this.#tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const done = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => done);
    this.#tails.set(key, tail);
    try {
      await previous;
      return await section();
    } finally {
      release();
      // The last section out leaves no entry behind, so the map does not grow with every hash.
      if (this.#tails.get(key) === tail) this.#tails.delete(key);
    }
  }

  /** How many keys have a section running or waiting (for tests). */
  get size(): number {
    return this.#tails.size;
  }
}

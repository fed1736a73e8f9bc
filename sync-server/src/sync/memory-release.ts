/**
 * Hands memory back to the system once no document is in memory. Sync traffic grows V8's young
 * generation (to 32 MiB) and its pool of free pages, and V8 keeps both after the documents are
 * gone: an ordinary collection frees the objects but not the pages, so a server that was busy
 * once stayed ~30 MiB above its idle size for ever. A memory-reducing ("last resort") collection
 * returns them. It pauses the event loop for a few tens of milliseconds, so it runs only when
 * the last document has unloaded and nothing was loaded again for a moment.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Quiet time after the last document unloads before memory is handed back. */
const RELEASE_DELAY_MS = 200;

type GcFunction = (options: { type: 'major'; execution: 'sync'; flavor: 'last-resort' }) => void;

let gc: GcFunction | null | undefined;

/**
 * V8's `gc` function, without starting node with --expose-gc (`pnpm start` runs the server in
 * its own process): the flag exposes it in contexts created afterwards. Null if V8 refuses.
 */
function collector(): GcFunction | null {
  if (gc === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      const found: unknown = runInNewContext('typeof gc === "function" ? gc : null');
      gc = typeof found === 'function' ? (found as GcFunction) : null;
    } catch {
      gc = null;
    }
  }
  return gc;
}

export class MemoryRelease {
  #timer: ReturnType<typeof setTimeout> | undefined;
  /** How many times memory was handed back (tests, diagnostics). */
  releases = 0;

  /** The last document unloaded: hand memory back soon, unless `cancel` comes first. */
  schedule() {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      const collect = collector();
      if (!collect) return;
      collect({ type: 'major', execution: 'sync', flavor: 'last-resort' });
      this.releases++;
    }, RELEASE_DELAY_MS);
    this.#timer.unref?.();
  }

  /** A document is loading again: keep what V8 has, it is about to be used. */
  cancel() {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}

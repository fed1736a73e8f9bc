/**
 * Hands memory back to the system once no document is in memory. Sync traffic grows V8's young
 * generation (to 32 MiB) and its pool of free pages, and V8 keeps both after the documents are
 * gone: an ordinary collection frees the objects but not the pages, so a server that was busy
 * once stayed ~30 MiB above its idle size for ever. A memory-reducing ("last resort") collection
 * returns them. It pauses the event loop for a few tens of milliseconds, so it runs only when
 * the last document has unloaded and nothing was loaded again for a moment — or when a burst of
 * sockets has come and gone (a flood of short-lived hostile sockets grows the heap by a hundred
 * MiB while a document stays open) and no socket has closed for a moment since.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Quiet time after the last document unloads (or the last socket of a burst closes). */
const RELEASE_DELAY_MS = 200;
/**
 * Sockets closed since the last release that count as a burst. Ordinary traffic (people opening
 * and leaving documents) closes a few a minute; a flood closes thousands.
 */
const CLOSES_PER_RELEASE = 500;
/** After a burst, no socket closed for this long: the flood is over (or pausing), release. */
const BURST_QUIET_MS = 1_000;
/** How long after a burst's last close a new close still counts as part of it. */
const BURST_TAIL_MS = 30_000;

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
  #closesSinceRelease = 0;
  /** Until then, every close re-arms the release: the tail of a flood after a pause in it. */
  #burstUntil = 0;

  /** A socket closed: after a burst of them, hand memory back once closes stop for a moment. */
  socketClosed() {
    if (++this.#closesSinceRelease >= CLOSES_PER_RELEASE || performance.now() < this.#burstUntil) {
      this.#burstUntil = performance.now() + BURST_TAIL_MS;
      this.schedule(BURST_QUIET_MS);
    }
  }

  /** The last document unloaded: hand memory back soon, unless `cancel` comes first. */
  schedule(delayMs = RELEASE_DELAY_MS) {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      const collect = collector();
      if (!collect) return;
      collect({ type: 'major', execution: 'sync', flavor: 'last-resort' });
      this.releases++;
      this.#closesSinceRelease = 0;
    }, delayMs);
    this.#timer.unref?.();
  }

  /** A document is loading again: keep what V8 has, it is about to be used. */
  cancel() {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}

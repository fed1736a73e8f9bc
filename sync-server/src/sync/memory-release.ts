/**
 * Hands memory back to the system once no document is in memory. Sync traffic grows V8's young
 * generation (to 32 MiB) and its old generation's pages, and V8 keeps both after the documents
 * are gone: an ordinary collection frees the objects but neither shrinks the young generation
 * nor compacts the old one, so a server that was busy once stayed 30-90 MiB above its idle size
 * until V8's own memory reducer got round to it (~40 s). A memory-reducing collection returns
 * them at once. It pauses the event loop for a few tens of milliseconds, so it runs only when
 * the last document has unloaded and nothing was loaded again for a moment — or when a burst of
 * sockets has come and gone (a flood of short-lived hostile sockets grows the heap by a hundred
 * MiB while a document stays open) and no socket has closed for a moment since.
 *
 * The collection is asked of V8 through an in-process inspector session (no port is opened):
 * `HeapProfiler.collectGarbage` is V8's low-memory collection (compacting, young generation
 * shrunk). Node 20's `gc()` cannot do it: the plain call keeps the pages, and the call with
 * options (`flavor: 'last-resort'`) runs later and keeps them too (measured: new space 32 → 32
 * MiB with either, 32 → 1 MiB through the inspector).
 */
import { Session } from 'node:inspector';
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

let session: Session | null | undefined;

/** One in-process inspector session for the process; null where Node was built without one. */
function inspector(): Session | null {
  if (session === undefined) {
    try {
      session = new Session();
      session.connect();
    } catch {
      session = null;
    }
  }
  return session;
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
      const heap = inspector();
      if (!heap) return;
      heap.post('HeapProfiler.collectGarbage', () => {
        this.releases++;
        this.#closesSinceRelease = 0;
      });
    }, delayMs);
    this.#timer.unref?.();
  }

  /** A document is loading again: keep what V8 has, it is about to be used. */
  cancel() {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}

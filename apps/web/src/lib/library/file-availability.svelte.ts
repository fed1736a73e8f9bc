/**
 * Whether the server has a library file yet. An item added offline on another device is in the
 * workspace document before its bytes reach the server: until then a HEAD answers 404 and the
 * library says "waiting for upload from another device". Once there, a file stays there (files
 * are only removed with their item), so only "pending" answers are asked again.
 */
import { fileUrl } from './file-id';

export type Availability = 'unknown' | 'available' | 'pending';

/** How often to ask again about a pending file while a page shows it: cheap HEAD requests. */
export const PENDING_RECHECK_MS = 5_000;

class FileAvailability {
  #known = $state<Map<string, Availability>>(new Map());
  readonly #asking = new Set<string>();

  of(fileId: string): Availability {
    return this.#known.get(fileId) ?? 'unknown';
  }

  /** Mark a file as on the server (this device has just uploaded it). */
  stored(fileId: string) {
    this.#known = new Map(this.#known).set(fileId, 'available');
  }

  async check(copId: string, fileId: string) {
    if (this.of(fileId) === 'available' || this.#asking.has(fileId) || !navigator.onLine) return;
    this.#asking.add(fileId);
    try {
      const res = await fetch(fileUrl(copId, fileId), { method: 'HEAD', credentials: 'same-origin', cache: 'no-store' });
      const answer: Availability | null = res.ok ? 'available' : res.status === 404 ? 'pending' : null;
      if (answer && answer !== this.of(fileId)) this.#known = new Map(this.#known).set(fileId, answer);
    } catch {
      // Offline or the server is away: nothing learned, the next check asks again.
    } finally {
      this.#asking.delete(fileId);
    }
  }
}

export const fileAvailability = new FileAvailability();

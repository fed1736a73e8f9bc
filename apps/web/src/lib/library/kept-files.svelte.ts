/**
 * Files kept on this device ("Keep on this device"): their server responses in the Cache Storage
 * cache `atelier-files`. The service worker answers GETs of `/api/cops/…/files/…` from this cache
 * first (apps/web/vite.config.ts) but never adds to it, so the cache holds exactly what people
 * chose to keep, and a kept file opens — inline or downloaded — with no network.
 */
import { NetworkError } from '$lib/api/api-error';
import { errorFromResponse } from '$lib/api/api-error';
import { fileUrl } from './file-id';

/** Shared with the service worker's runtime route (vite.config.ts): change both or neither. */
export const KEPT_FILES_CACHE = 'atelier-files';

const fileIdOf = (url: string) => decodeURIComponent(new URL(url, 'http://x').pathname.split('/').pop() ?? '');

class KeptFiles {
  /** fileId → bytes, for every file kept on this device (every COP). */
  sizes = $state<Map<string, number>>(new Map());
  /** fileIds being fetched into the cache right now. */
  busy = $state<Set<string>>(new Set());
  /** The browser's own view of the storage this app uses, when it shares it. */
  estimate = $state<{ usage: number; quota: number } | null>(null);
  #loaded = false;

  get supported(): boolean {
    return typeof caches !== 'undefined';
  }

  has(fileId: string): boolean {
    return this.sizes.has(fileId);
  }

  get totalBytes(): number {
    let total = 0;
    for (const size of this.sizes.values()) total += size;
    return total;
  }

  /** Reads what the cache holds (once per page load; later changes are made through here). */
  /** Forgets every kept file (signing out: account/device-data.ts deletes the cache itself). */
  clear() {
    this.sizes = new Map();
    this.#loaded = false;
  }

  async load(force = false) {
    if (!this.supported || (this.#loaded && !force)) return;
    this.#loaded = true;
    const cache = await caches.open(KEPT_FILES_CACHE);
    const sizes = new Map<string, number>();
    for (const request of await cache.keys()) {
      const response = await cache.match(request);
      sizes.set(fileIdOf(request.url), Number(response?.headers.get('Content-Length') ?? 0));
    }
    this.sizes = sizes;
    await this.refreshEstimate();
  }

  async refreshEstimate() {
    try {
      const { usage = 0, quota = 0 } = (await navigator.storage?.estimate?.()) ?? {};
      this.estimate = quota ? { usage, quota } : null;
    } catch {
      // Not offered (some private modes): the sum of kept files still shows.
      this.estimate = null;
    }
  }

  /**
   * Downloads the file into the cache. Throws NetworkError offline, ApiRequestError when the
   * server refuses (404 while it still waits for its upload).
   */
  async keep(copId: string, fileId: string) {
    const url = fileUrl(copId, fileId);
    this.busy = new Set([...this.busy, fileId]);
    try {
      let response: Response;
      try {
        response = await fetch(url, { credentials: 'same-origin', cache: 'no-store' });
      } catch (cause) {
        throw new NetworkError(cause);
      }
      if (!response.ok) throw await errorFromResponse(response);
      const body = await response.blob();
      // Stored without Vary/Set-Cookie, with the length the summary adds up.
      const headers = new Headers();
      for (const name of ['Content-Type', 'Content-Disposition', 'ETag', 'X-Content-Type-Options', 'Content-Security-Policy']) {
        const value = response.headers.get(name);
        if (value) headers.set(name, value);
      }
      headers.set('Content-Length', String(body.size));
      const cache = await caches.open(KEPT_FILES_CACHE);
      await cache.put(url, new Response(body, { status: 200, headers }));
      this.sizes = new Map(this.sizes).set(fileId, body.size);
      await navigator.storage?.persist?.().catch(() => false);
    } finally {
      const busy = new Set(this.busy);
      busy.delete(fileId);
      this.busy = busy;
      await this.refreshEstimate();
    }
  }

  async forget(copId: string, fileId: string) {
    if (!this.supported) return;
    const cache = await caches.open(KEPT_FILES_CACHE);
    await cache.delete(fileUrl(copId, fileId));
    const sizes = new Map(this.sizes);
    sizes.delete(fileId);
    this.sizes = sizes;
    await this.refreshEstimate();
  }
}

export const keptFiles = new KeptFiles();

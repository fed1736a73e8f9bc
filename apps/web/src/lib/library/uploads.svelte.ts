/**
 * The upload queue of this device: files added to a library while offline (or whose upload was
 * cut off) wait in IndexedDB and are sent when the network returns, one at a time, with progress,
 * retried with backoff. Each keeps its file id, so however many times a send is retried — or two
 * tabs try at once — the server stores it once. A refusal that retrying cannot fix (too large,
 * wrong type) stays listed with the server's reason until the person removes it.
 */
import { browser } from '$app/environment';
import { ApiRequestError, NetworkError } from '$lib/api/api-error';
import { reconnectDelay } from '$lib/sync/reconnect-delay';
import { fileAvailability } from './file-availability.svelte';
import { isFinalRefusal, uploadFile } from './upload-request';
import { uploadStore, type QueuedUpload } from './upload-store';

export type UploadState = 'waiting' | 'uploading' | 'refused';

export interface UploadStatus {
  fileId: string;
  copId: string;
  fileName: string;
  size: number;
  state: UploadState;
  /** 0…1 while uploading. */
  progress: number;
  /** Why the server refused it (its own words, in English), when it did. */
  reason?: string;
  status?: number;
}

/** Backoff for failed sends: from 2 s up to 2 min, jittered, so a venue's phones don't retry together. */
const RETRY = { baseMs: 2_000, maxMs: 120_000 };

class Uploads {
  /** fileId → status, for every file of this device not yet stored by the server. */
  items = $state<Map<string, UploadStatus>>(new Map());
  #started = false;
  #running = false;
  #attempt = 0;
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #uploaded = new Set<(fileId: string) => void>();

  get(fileId: string): UploadStatus | undefined {
    return this.items.get(fileId);
  }

  /** Waiting files of one COP (for the storage summary). */
  of(copId: string): UploadStatus[] {
    return [...this.items.values()].filter((u) => u.copId === copId);
  }

  /** Loads the queue and starts sending; safe to call from every page that cares. */
  start() {
    if (!browser || this.#started) return;
    this.#started = true;
    addEventListener('online', () => this.#kick(true));
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') this.#kick(false);
    });
    void uploadStore.all().then((queued) => {
      const items = new Map(this.items);
      for (const q of queued) if (!items.has(q.fileId)) items.set(q.fileId, statusOf(q));
      this.items = items;
      this.#kick(true);
    });
  }

  /** Called with the id of each file the server has just stored. */
  onUploaded(listener: (fileId: string) => void): () => void {
    this.#uploaded.add(listener);
    return () => this.#uploaded.delete(listener);
  }

  /** Keeps the file on the device and sends it as soon as possible. */
  async enqueue(upload: QueuedUpload) {
    await uploadStore.put(upload);
    this.#set(statusOf(upload));
    this.start();
    this.#kick(true);
  }

  /** The bytes of a file still on this device only (to open it before it uploads). */
  async blob(fileId: string): Promise<Blob | undefined> {
    return (await uploadStore.get(fileId))?.blob;
  }

  /** Forgets a waiting file (its library item is being deleted, or the server refused it). */
  async remove(fileId: string) {
    await uploadStore.delete(fileId);
    const items = new Map(this.items);
    items.delete(fileId);
    this.items = items;
  }

  /** Forgets every waiting file here (signing out removes the queue from the device). */
  clear() {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.items = new Map();
  }

  #set(status: UploadStatus) {
    this.items = new Map(this.items).set(status.fileId, status);
  }

  #kick(now: boolean) {
    clearTimeout(this.#timer);
    if (now) this.#attempt = 0;
    if (!this.#running) void this.#drain();
  }

  async #drain() {
    this.#running = true;
    try {
      for (;;) {
        const next = [...this.items.values()].find((u) => u.state === 'waiting');
        if (!next || !navigator.onLine) return;
        const outcome = await this.#sendOne(next);
        if (outcome === 'retry') {
          this.#timer = setTimeout(() => this.#kick(false), reconnectDelay(this.#attempt++, RETRY));
          return;
        }
        this.#attempt = 0;
      }
    } finally {
      this.#running = false;
    }
  }

  async #sendOne(status: UploadStatus): Promise<'done' | 'retry'> {
    const send = async (): Promise<'done' | 'retry'> => {
      const queued = await uploadStore.get(status.fileId);
      if (!queued) {
        // Sent by another tab meanwhile, or removed: nothing left to do here.
        const items = new Map(this.items);
        items.delete(status.fileId);
        this.items = items;
        return 'done';
      }
      this.#set({ ...status, state: 'uploading', progress: 0 });
      try {
        await uploadFile(queued, (progress) => {
          const current = this.items.get(status.fileId);
          if (current) this.#set({ ...current, progress });
        });
        await this.remove(status.fileId);
        fileAvailability.stored(status.fileId);
        for (const listener of this.#uploaded) listener(status.fileId);
        return 'done';
      } catch (error) {
        if (isFinalRefusal(error)) {
          this.#set({ ...status, state: 'refused', progress: 0, reason: error.message, status: error.status });
          return 'done';
        }
        // Network gone, server busy or restarting, session lost: the same id is sent again later.
        if (!(error instanceof NetworkError || error instanceof ApiRequestError)) console.warn('upload failed', error);
        this.#set({ ...status, state: 'waiting', progress: 0 });
        return 'retry';
      }
    };
    // One tab at a time sends a given file (the server would answer 200 anyway; this saves the bytes).
    if (navigator.locks) {
      return (await navigator.locks.request(`atelier-upload-${status.fileId}`, { ifAvailable: true }, (lock) => (lock ? send() : 'retry'))) as
        | 'done'
        | 'retry';
    }
    return send();
  }
}

function statusOf(q: QueuedUpload): UploadStatus {
  return { fileId: q.fileId, copId: q.copId, fileName: q.fileName, size: q.size, state: 'waiting', progress: 0 };
}

export const uploads = new Uploads();

/**
 * The largest file this server accepts, as the server says (`GET /api/limits`), kept on the
 * device so a file added offline is checked against the real limit, not only the default. Until
 * the server has been asked once, the default MAX_UPLOAD_BYTES stands.
 */
import { browser } from '$app/environment';
import { api } from '$lib/api/api-client';
import type { Limits } from '$lib/api/types';
import { MAX_FILE_BYTES } from './file-limits';

const STORAGE_KEY = 'atelier.limits.v1';

function kept(): number | null {
  if (!browser) return null;
  try {
    const value = (JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null') as Limits | null)?.maxUploadBytes;
    return typeof value === 'number' && value > 0 ? value : null;
  } catch {
    return null;
  }
}

class UploadLimit {
  maxBytes = $state(kept() ?? MAX_FILE_BYTES);
  #asked = false;

  /** Asks the server once per page load; offline or refused, what the device knows stands. */
  async refresh() {
    if (!browser || this.#asked) return;
    this.#asked = true;
    try {
      const limits = await api.get<Limits>('/api/limits');
      this.maxBytes = limits.maxUploadBytes;
      localStorage.setItem(STORAGE_KEY, JSON.stringify(limits));
    } catch {
      this.#asked = false;
    }
  }
}

export const uploadLimit = new UploadLimit();

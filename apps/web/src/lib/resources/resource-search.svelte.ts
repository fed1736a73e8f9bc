/**
 * The Resource Centre search as the server answers it: words (accents and case ignored, both
 * languages), COP, area of interest, language and a date range. Typing re-asks after a short
 * pause; a newer search cancels an older one so answers never arrive out of order. Signed out,
 * only the public items are searched (words only).
 */
import { api } from '$lib/api/api-client';
import { resourceQueryString, resourcesApi, type ResourceItem } from '$lib/api/resources-api';
import type { Language } from '$lib/api/types';

/** Long enough not to query on every keystroke, short enough to feel immediate. */
const SEARCH_DELAY_MS = 250;

export class ResourceSearch {
  q = $state('');
  cop = $state('');
  area = $state('');
  language = $state<Language | ''>('');
  from = $state('');
  to = $state('');
  items = $state<ResourceItem[]>([]);
  loading = $state(false);
  loaded = $state(false);
  error = $state<unknown>(null);

  #controller: AbortController | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly publicOnly: () => boolean) {}

  get filtered(): boolean {
    return !!(this.cop || this.area || this.language || this.from || this.to);
  }

  searchSoon() {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.load(), SEARCH_DELAY_MS);
  }

  clearFilters() {
    this.cop = '';
    this.area = '';
    this.language = '';
    this.from = '';
    this.to = '';
    void this.load();
  }

  async load() {
    clearTimeout(this.#timer);
    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    this.loading = true;
    try {
      this.items = this.publicOnly()
        ? await api.get<ResourceItem[]>(`/api/public/resources${resourceQueryString({ q: this.q })}`, { anonymous: true, signal: controller.signal })
        : await resourcesApi.search({ q: this.q, cop: this.cop, area: this.area, language: this.language, from: this.from, to: this.to }, controller.signal);
      this.error = null;
      this.loaded = true;
    } catch (error) {
      if (controller.signal.aborted) return;
      this.error = error;
    } finally {
      if (this.#controller === controller) this.loading = false;
    }
  }

  stop() {
    clearTimeout(this.#timer);
    this.#controller?.abort();
  }
}

/**
 * The COP directory as the server answers it for a search: by name or area, one working language
 * or both; my COPs first. Typing re-asks the server after a short pause, and a newer search
 * cancels an older one still under way so answers never arrive out of order.
 */
import { copsApi } from '$lib/api/cops-api';
import type { Cop, Language } from '$lib/api/types';

/** Long enough not to query on every keystroke, short enough to feel immediate. */
const SEARCH_DELAY_MS = 250;

export class Directory {
  q = $state('');
  language = $state<Language | ''>('');
  cops = $state<Cop[]>([]);
  loading = $state(false);
  loaded = $state(false);
  error = $state<unknown>(null);

  #controller: AbortController | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;

  get mine(): Cop[] {
    return this.cops.filter((c) => c.myRole !== null);
  }

  get others(): Cop[] {
    return this.cops.filter((c) => c.myRole === null);
  }

  /** Asks again after the pause (for typing). */
  searchSoon() {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.load(), SEARCH_DELAY_MS);
  }

  async load() {
    clearTimeout(this.#timer);
    this.#controller?.abort();
    const controller = new AbortController();
    this.#controller = controller;
    this.loading = true;
    try {
      this.cops = await copsApi.list({ q: this.q, language: this.language }, controller.signal);
      this.error = null;
      this.loaded = true;
    } catch (error) {
      if (controller.signal.aborted) return;
      this.error = error;
    } finally {
      if (this.#controller === controller) this.loading = false;
    }
  }

  /** Replaces one COP in the answer (after asking to join it). */
  replace(cop: Cop) {
    this.cops = this.cops.map((c) => (c.id === cop.id ? cop : c));
  }

  stop() {
    clearTimeout(this.#timer);
    this.#controller?.abort();
  }
}

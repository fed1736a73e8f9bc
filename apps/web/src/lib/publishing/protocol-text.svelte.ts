/**
 * One protocol's text for reading only (the side-by-side view): its Y.Doc opened from the copy on
 * this device first, then kept in step with the server, rendered to safe HTML on every change.
 * Nothing here writes to the document.
 */
import { documentDocName } from '@atelier/workspace';
import { docToJson, renderHtml } from '@atelier/rich-text';
import { DocumentSync, type SyncState } from '$lib/sync/document-sync';
import { syncServerUrl } from '$lib/sync/sync-status.svelte';

/** Renders at most this often while someone types in the other tab (keeps a laptop responsive). */
const RENDER_DELAY_MS = 150;

export class ProtocolText {
  html = $state('');
  state = $state<SyncState>('loading');
  readonly #sync: DocumentSync;
  readonly #unsubscribe: () => void;
  #timer: ReturnType<typeof setTimeout> | undefined;

  constructor(copId: string, protocolId: string) {
    this.#sync = new DocumentSync({ docName: documentDocName(copId, 'protocol', protocolId), serverUrl: syncServerUrl() });
    this.#unsubscribe = this.#sync.subscribe(({ state }) => {
      this.state = state;
      if (state !== 'loading') this.#render();
    });
    this.#sync.doc.on('update', this.#renderSoon);
    void this.#sync.start();
  }

  readonly #renderSoon = () => {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#render(), RENDER_DELAY_MS);
  };

  #render() {
    this.html = renderHtml(docToJson(this.#sync.doc));
  }

  destroy() {
    clearTimeout(this.#timer);
    this.#sync.doc.off('update', this.#renderSoon);
    this.#unsubscribe();
    this.#sync.destroy();
  }
}

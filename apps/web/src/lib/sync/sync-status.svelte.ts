/**
 * A document's sync status for components: `$state` fields fed by a DocumentSync, so markup reads
 * `status.state` and updates on its own. `openDocumentSync` wires one up for this page's origin.
 */
import { DocumentSync, type SyncState } from './document-sync';
import type { StoragePersistence } from './storage-persistence';

export class DocumentSyncStatus {
  state = $state<SyncState>('loading');
  storage = $state<StoragePersistence | 'unknown'>('unknown');
  unsaved = $state(false);
  readonly #unsubscribe: () => void;

  constructor(sync: DocumentSync) {
    this.#unsubscribe = sync.subscribe((status) => {
      this.state = status.state;
      this.storage = status.storage;
      this.unsaved = status.unsaved;
    });
  }

  destroy() {
    this.#unsubscribe();
  }
}

/** The sync endpoint of the server that served this page (same origin, so the cookie goes along). */
export function syncServerUrl(location: Pick<Location, 'protocol' | 'host'> = globalThis.location): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/sync`;
}

/** Opens a document on this device and starts syncing it; call `sync.destroy()` when done. */
export function openDocumentSync(docName: string): { sync: DocumentSync; status: DocumentSyncStatus } {
  const sync = new DocumentSync({ docName, serverUrl: syncServerUrl() });
  const status = new DocumentSyncStatus(sync);
  void sync.start();
  return { sync, status };
}

/**
 * Reads a COP document as the server has stored it — everything the server ever acknowledged —
 * for server actions such as publishing, through the same DocumentStore interface sync uses.
 */
import * as Y from 'yjs';
import type { DocumentStore } from '../sync/document-store';

export async function readStoredDocument(store: DocumentStore, name: string, copId: string): Promise<Y.Doc> {
  const stored = await store.load(name, copId);
  const doc = new Y.Doc();
  const parts = [...(stored.state ? [stored.state] : []), ...stored.updates];
  if (parts.length) Y.applyUpdate(doc, Y.mergeUpdates(parts));
  return doc;
}

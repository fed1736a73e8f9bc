/**
 * "Saved to the network" at a hub (docs/venue.md): a document is unconfirmed while its stored
 * state holds edits — insertions or deletions — that central's last confirmed snapshot does not
 * contain (a state vector alone misses deletions, which add no clock).
 */
import * as Y from 'yjs';
import type { SqliteDatabase } from '../db/database';
import { readStoredDocument } from '../publishing/stored-document';
import { SqliteDocumentStore } from '../sync/sqlite-document-store';
import { readConfirmed } from './hub-record';

/** True when the snapshot central confirmed contains every insertion and deletion of `update`. */
export function covers(confirmed: Uint8Array | undefined, update: Uint8Array): boolean {
  if (!confirmed) return Y.snapshotContainsUpdate(Y.emptySnapshot, update);
  return Y.snapshotContainsUpdate(Y.decodeSnapshot(confirmed), update);
}

/** Names of the stored documents central has not confirmed all of, sorted. */
export async function unconfirmedDocuments(db: SqliteDatabase): Promise<string[]> {
  const store = new SqliteDocumentStore(db);
  const confirmed = readConfirmed(db);
  const rows = db.prepare('SELECT name, cop_id FROM sync_documents ORDER BY name').all() as { name: string; cop_id: string }[];
  const out: string[] = [];
  for (const { name, cop_id } of rows) {
    const doc = await readStoredDocument(store, name, cop_id);
    if (!covers(confirmed.get(name), Y.encodeStateAsUpdate(doc))) out.push(name);
    doc.destroy();
  }
  return out;
}

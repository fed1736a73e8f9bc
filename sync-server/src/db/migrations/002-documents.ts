// Yjs documents: one row per document (its compacted state) and the updates appended since.
import type { Migration } from '../migrations';

export const documents: Migration = {
  version: 2,
  name: 'documents',
  up(db) {
    db.exec(`
      CREATE TABLE sync_documents (
        name TEXT PRIMARY KEY,                    -- cop/{copId}(/{segment})*
        cop_id TEXT NOT NULL REFERENCES cops(id) ON DELETE CASCADE,
        state BLOB,                               -- Y.encodeStateAsUpdate of a gc'd doc; NULL until first compaction
        state_bytes INTEGER NOT NULL DEFAULT 0,
        compacted_at INTEGER,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX sync_documents_cop ON sync_documents(cop_id);

      CREATE TABLE sync_updates (
        id INTEGER PRIMARY KEY,                   -- rowid: the order updates were stored in
        doc_name TEXT NOT NULL REFERENCES sync_documents(name) ON DELETE CASCADE,
        data BLOB NOT NULL
      );
      CREATE INDEX sync_updates_doc ON sync_updates(doc_name, id);
    `);
  }
};

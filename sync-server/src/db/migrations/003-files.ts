// Files of COP libraries: which blob a file id points at, and which COP may read it.
import type { Migration } from '../migrations';

export const files: Migration = {
  version: 3,
  name: 'files',
  up(db) {
    db.exec(`
      CREATE TABLE files (
        id TEXT PRIMARY KEY,                     -- chosen by the client, so a retried upload is the same file
        cop_id TEXT NOT NULL REFERENCES cops(id) ON DELETE CASCADE,
        blob_hash TEXT NOT NULL,
        size INTEGER NOT NULL,
        content_type TEXT NOT NULL,
        inline INTEGER NOT NULL,
        file_name TEXT NOT NULL,
        uploaded_by TEXT REFERENCES users(id) ON DELETE SET NULL,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX files_cop ON files(cop_id);
      CREATE INDEX files_blob ON files(blob_hash);
    `);
  }
};

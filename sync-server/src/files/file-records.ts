/** File records: the database's view of a library file (its blob, its COP, its type). */
import type { SqliteDatabase } from '../db/database';

export interface FileRecord {
  id: string;
  copId: string;
  blobHash: string;
  size: number;
  contentType: string;
  inline: boolean;
  fileName: string;
  uploadedBy: string | null;
  createdAt: number;
}

interface Row {
  id: string;
  cop_id: string;
  blob_hash: string;
  size: number;
  content_type: string;
  inline: number;
  file_name: string;
  uploaded_by: string | null;
  created_at: number;
}

const toRecord = (r: Row): FileRecord => ({
  id: r.id,
  copId: r.cop_id,
  blobHash: r.blob_hash,
  size: r.size,
  contentType: r.content_type,
  inline: r.inline === 1,
  fileName: r.file_name,
  uploadedBy: r.uploaded_by,
  createdAt: r.created_at
});

export function findFile(db: SqliteDatabase, id: string): FileRecord | undefined {
  const row = db.prepare('SELECT * FROM files WHERE id = ?').get(id) as Row | undefined;
  return row && toRecord(row);
}

export function insertFile(db: SqliteDatabase, record: Omit<FileRecord, 'createdAt'>): FileRecord {
  const createdAt = Date.now();
  db.prepare(
    `INSERT INTO files (id, cop_id, blob_hash, size, content_type, inline, file_name, uploaded_by, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
  ).run(record.id, record.copId, record.blobHash, record.size, record.contentType, record.inline ? 1 : 0, record.fileName, record.uploadedBy, createdAt);
  return { ...record, createdAt };
}

/**
 * The workspace document's `meta` map: its schema version. Opening a document runs the
 * migrations up to `SCHEMA_VERSION` (see migrations.ts).
 */
import * as Y from 'yjs';

export const META_KEY = 'meta';
/** Version 2 keeps agenda items in a map with order keys (version 1 kept them in an array). */
export const SCHEMA_VERSION = 2;

export function metaMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(META_KEY);
}

/** 0 for a document that has never been written (or predates versioning). */
export function schemaVersionOf(doc: Y.Doc): number {
  const v = metaMap(doc).get('schemaVersion');
  return typeof v === 'number' ? v : 0;
}

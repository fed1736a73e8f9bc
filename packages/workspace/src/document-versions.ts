/**
 * Version history of a note or protocol, kept in that document's own Y.Doc (root map `versions`).
 * A version is a frozen copy of the text at one moment — the rich-text JSON, compressed by the
 * caller (`content`, opaque bytes here) — with a name, who made it and when. It is not a Yjs
 * snapshot: the sync server compacts documents with garbage collection on, which drops the
 * deleted items a `Y.snapshot` would need, so a snapshot taken on one device could not be shown on
 * another. A frozen copy survives compaction, merges like any other entry, and its cost is
 * explicit: automatic copies are pruned (`pruneAutomaticVersions`), named ones are kept.
 *
 * `fingerprint` (a hash of the uncompressed JSON) lets a device skip an automatic copy when the
 * text has not changed since the last one.
 */
import * as Y from 'yjs';
import { newEntityId } from './ids';
import { LOCAL_CHANGE, type ChangeOrigin } from './origin';
import { optionalText } from './validation-error';

export const VERSIONS_KEY = 'versions';
/** Automatic copies kept per document (named versions are never pruned). */
export const MAX_AUTOMATIC_VERSIONS = 30;

export function versionsMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap(VERSIONS_KEY);
}

export interface DocumentVersion {
  id: string;
  /** Empty for an automatic copy. */
  name: string;
  automatic: boolean;
  createdBy: string;
  createdByName: string;
  createdAt: number;
  fingerprint: string;
  /** Size of the stored content in bytes (compressed). */
  size: number;
}

/** A short, stable hash of a version's uncompressed text (FNV-1a, 32 bits, plus the length). */
export function contentFingerprint(json: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < json.length; i++) {
    h ^= json.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `${json.length.toString(36)}-${(h >>> 0).toString(36)}`;
}

export function addVersion(
  doc: Y.Doc,
  input: { name?: string; automatic: boolean; createdBy: string; createdByName: string; content: Uint8Array; fingerprint: string },
  origin: ChangeOrigin = LOCAL_CHANGE,
  now = Date.now()
): string {
  const name = optionalText('name', input.name, 120);
  const id = newEntityId();
  doc.transact(() => {
    const m = new Y.Map<unknown>();
    const fields: Record<string, unknown> = {
      name,
      automatic: input.automatic && name === '',
      createdBy: input.createdBy,
      createdByName: input.createdByName,
      createdAt: now,
      fingerprint: input.fingerprint,
      content: input.content
    };
    for (const [k, v] of Object.entries(fields)) m.set(k, v);
    versionsMap(doc).set(id, m);
  }, origin);
  return id;
}

/** Names an automatic copy (it is then kept like any named version), or renames a version. */
export function nameVersion(doc: Y.Doc, id: string, name: string, origin: ChangeOrigin = LOCAL_CHANGE) {
  const m = versionsMap(doc).get(id);
  const clean = optionalText('name', name, 120);
  if (!(m instanceof Y.Map) || clean === '') return;
  doc.transact(() => {
    m.set('name', clean);
    m.set('automatic', false);
  }, origin);
}

function read(id: string, m: Y.Map<unknown>): DocumentVersion | undefined {
  const content = m.get('content');
  if (!(content instanceof Uint8Array)) return undefined;
  const s = (k: string) => (typeof m.get(k) === 'string' ? (m.get(k) as string) : '');
  return {
    id,
    name: s('name'),
    automatic: m.get('automatic') === true,
    createdBy: s('createdBy'),
    createdByName: s('createdByName'),
    createdAt: typeof m.get('createdAt') === 'number' ? (m.get('createdAt') as number) : 0,
    fingerprint: s('fingerprint'),
    size: content.byteLength
  };
}

/** Versions, newest first. */
export function listVersions(doc: Y.Doc): DocumentVersion[] {
  const out: DocumentVersion[] = [];
  for (const [id, m] of versionsMap(doc).entries()) {
    const v = m instanceof Y.Map ? read(id, m) : undefined;
    if (v) out.push(v);
  }
  return out.sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : -1));
}

/** The stored (compressed) content of a version. */
export function versionContent(doc: Y.Doc, id: string): Uint8Array | undefined {
  const content = versionsMap(doc).get(id)?.get('content');
  return content instanceof Uint8Array ? content : undefined;
}

/**
 * Deletes the oldest automatic copies beyond `keep`. Deleted entries are garbage-collected (on the
 * server at its next compaction), so their bytes do not stay in the document.
 */
export function pruneAutomaticVersions(doc: Y.Doc, keep = MAX_AUTOMATIC_VERSIONS, origin: ChangeOrigin = LOCAL_CHANGE): number {
  const automatic = listVersions(doc).filter((v) => v.automatic);
  const extra = automatic.slice(keep);
  if (extra.length === 0) return 0;
  doc.transact(() => {
    for (const v of extra) versionsMap(doc).delete(v.id);
  }, origin);
  return extra.length;
}

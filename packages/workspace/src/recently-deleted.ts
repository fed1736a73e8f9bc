/**
 * Deletions that can be undone. Deleting a meeting, an agenda item (with its notes and minutes),
 * a decision, an action or an expense first records, in the same transaction, a copy of what goes
 * — who deleted it, when, and every field — in the root map `recentlyDeleted`. "Undo" on the
 * device that deleted, and "Recently deleted" (30 days, restored by a facilitator), put the entry
 * back under its own id: for a meeting, its agenda, decisions and attendance reappear with it, as
 * they were never removed (they name the meeting and are hidden while it is gone).
 *
 * A record is one plain JSON value, written once and never edited, so two devices deleting the
 * same thing offline leave two records and restoring either brings it back. Who deleted is what
 * the deleting device said (`setDeletionAuthor`): for people to read, never for access decisions.
 */
import * as Y from 'yjs';
import { ACTIONS_KEY } from './action-items';
import { AGENDA_KEY } from './agenda';
import { DECISIONS_KEY } from './decisions';
import { EXPENSES_KEY } from './expenses';
import { newEntityId } from './ids';
import { MEETINGS_KEY } from './meetings';
import { LOCAL_CHANGE, type ChangeOrigin } from './origin';

export const RECENTLY_DELETED_KEY = 'recentlyDeleted';
/** How long a deletion can be restored from the list. */
export const RECENTLY_DELETED_DAYS = 30;
const DAY_MS = 86_400_000;

export type DeletedKind = 'meeting' | 'agendaItem' | 'decision' | 'action' | 'expense';

const KINDS: readonly DeletedKind[] = ['meeting', 'agendaItem', 'decision', 'action', 'expense'];

/** Read at call time: the entity modules import this one (their delete functions record here). */
function rootOf(kind: DeletedKind): string {
  return { meeting: MEETINGS_KEY, agendaItem: AGENDA_KEY, decision: DECISIONS_KEY, action: ACTIONS_KEY, expense: EXPENSES_KEY }[kind];
}

/** A field as kept in the record: a plain value, a text, or a map of plain values. */
type KeptField = { value: unknown } | { text: string } | { map: Record<string, unknown> };

export interface DeletedEntry {
  id: string;
  kind: DeletedKind;
  entityId: string;
  /** The title or text people recognise it by. */
  label: string;
  meetingId: string | null;
  deletedBy: { userId: string; name: string } | null;
  deletedAt: number;
}

interface StoredRecord extends Omit<DeletedEntry, 'id'> {
  fields: Record<string, KeptField>;
}

const authors = new WeakMap<Y.Doc, { userId: string; name: string }>();

/** Who is deleting on this device (the signed-in person), recorded with every deletion. */
export function setDeletionAuthor(doc: Y.Doc, author: { userId: string; name: string }) {
  authors.set(doc, author);
}

export function recentlyDeletedMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap(RECENTLY_DELETED_KEY);
}

function keep(entity: Y.Map<unknown>): Record<string, KeptField> {
  const fields: Record<string, KeptField> = {};
  for (const [key, value] of entity.entries()) {
    if (value instanceof Y.Text) fields[key] = { text: value.toString() };
    else if (value instanceof Y.Map) fields[key] = { map: Object.fromEntries(value.entries()) };
    else if (!(value instanceof Y.AbstractType)) fields[key] = { value };
  }
  return fields;
}

function labelOf(entity: Y.Map<unknown>): string {
  for (const key of ['title', 'text', 'what']) {
    const value = entity.get(key);
    if (typeof value === 'string' && value.trim()) return value.slice(0, 300);
  }
  return '';
}

/**
 * Deletes an entity and records it, in one transaction. Returns the record's id, or null when the
 * entity does not exist. The delete functions of each entity call this.
 */
export function deleteWithRecord(
  doc: Y.Doc,
  kind: DeletedKind,
  entityId: string,
  origin: ChangeOrigin = LOCAL_CHANGE,
  now = Date.now()
): string | null {
  const root = doc.getMap<Y.Map<unknown>>(rootOf(kind));
  const entity = root.get(entityId);
  if (!(entity instanceof Y.Map)) return null;
  const id = newEntityId();
  const meetingId = kind === 'meeting' ? entityId : entity.get('meetingId');
  const record: StoredRecord = {
    kind,
    entityId,
    label: labelOf(entity),
    meetingId: typeof meetingId === 'string' ? meetingId : null,
    deletedBy: authors.get(doc) ?? null,
    deletedAt: now,
    fields: keep(entity)
  };
  doc.transact(() => {
    recentlyDeletedMap(doc).set(id, record);
    root.delete(entityId);
  }, origin);
  return id;
}

function isRecord(value: unknown): value is StoredRecord {
  if (typeof value !== 'object' || value === null) return false;
  const r = value as Partial<StoredRecord>;
  return KINDS.includes(r.kind as DeletedKind) && typeof r.entityId === 'string' && typeof r.deletedAt === 'number' && typeof r.fields === 'object';
}

/**
 * Deletions of the last 30 days whose entity is still gone, most recent first (one per entity).
 * An agenda item, decision or action of a meeting that is itself deleted is listed with it, not alone.
 */
export function listRecentlyDeleted(doc: Y.Doc, now = Date.now()): DeletedEntry[] {
  const seen = new Set<string>();
  const out: DeletedEntry[] = [];
  const entries = [...recentlyDeletedMap(doc).entries()].filter((e): e is [string, StoredRecord] => isRecord(e[1]));
  entries.sort((a, b) => b[1].deletedAt - a[1].deletedAt || (a[0] < b[0] ? -1 : 1));
  for (const [id, r] of entries) {
    if (now - r.deletedAt > RECENTLY_DELETED_DAYS * DAY_MS) continue;
    const key = `${r.kind}:${r.entityId}`;
    if (seen.has(key) || doc.getMap(rootOf(r.kind)).has(r.entityId)) continue;
    seen.add(key);
    out.push({ id, kind: r.kind, entityId: r.entityId, label: typeof r.label === 'string' ? r.label : '', meetingId: r.meetingId ?? null, deletedBy: r.deletedBy ?? null, deletedAt: r.deletedAt });
  }
  return out;
}

/** Puts a deleted entity back under its own id, as it was; forgets the record. False when there is nothing to restore. */
export function restoreDeleted(doc: Y.Doc, recordId: string, origin: ChangeOrigin = LOCAL_CHANGE): boolean {
  const record = recentlyDeletedMap(doc).get(recordId);
  if (!isRecord(record)) return false;
  const root = doc.getMap<Y.Map<unknown>>(rootOf(record.kind));
  doc.transact(() => {
    if (!root.has(record.entityId)) {
      const entity = new Y.Map<unknown>();
      for (const [key, kept] of Object.entries(record.fields)) {
        if ('text' in kept) entity.set(key, new Y.Text(kept.text));
        else if ('map' in kept) {
          const map = new Y.Map<unknown>();
          for (const [k, v] of Object.entries(kept.map)) map.set(k, v);
          entity.set(key, map);
        } else entity.set(key, kept.value);
      }
      root.set(record.entityId, entity);
    }
    // Every record of the same entity goes: it is back.
    for (const [id, other] of [...recentlyDeletedMap(doc).entries()]) {
      if (isRecord(other) && other.kind === record.kind && other.entityId === record.entityId) recentlyDeletedMap(doc).delete(id);
    }
  }, origin);
  return true;
}

/** Drops records older than 30 days (any device may; it only frees space). */
export function pruneRecentlyDeleted(doc: Y.Doc, now = Date.now(), origin: ChangeOrigin = LOCAL_CHANGE): number {
  const old = [...recentlyDeletedMap(doc).entries()].filter(([, r]) => !isRecord(r) || now - r.deletedAt > RECENTLY_DELETED_DAYS * DAY_MS);
  if (old.length) doc.transact(() => old.forEach(([id]) => recentlyDeletedMap(doc).delete(id)), origin);
  return old.length;
}

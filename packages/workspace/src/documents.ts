/**
 * The COP's written documents — shared notes and draft protocols — as listed in the workspace
 * document. Each one's text lives in its own Y.Doc (`cop/{copId}/notes/{id}` or
 * `cop/{copId}/protocols/{id}`) so opening the workspace never loads every text. A protocol may be
 * paired with its counterpart in the other official language (`pairedWith`, kept symmetric).
 *
 * Whether a translation is behind follows every change of the text, not the last-edit record
 * (which is coalesced: one write a minute per person, for the list). Each replica counts the
 * edits it makes under its own key (`edits:{clientID}`), so concurrent edits from several devices
 * never overwrite each other's count; a document's change count is the sum, which only grows.
 * Marking a translation current records the counterpart's count at that moment; any edit that
 * reaches the document after that — even one made offline before the marking — makes it behind.
 */
import * as Y from 'yjs';
import { copDocName } from './doc-name';
import { newEntityId } from './ids';
import { LOCAL_CHANGE, type ChangeOrigin } from './origin';
import { requireOneOf, requireText, WorkspaceValidationError } from './validation-error';

export const DOCUMENTS_KEY = 'documents';
export const DOCUMENT_KINDS = ['note', 'protocol'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** The name of the Y.XmlFragment holding a note's or protocol's rich text, in its own Y.Doc. */
export const RICH_TEXT_FIELD = 'content';

export interface CopDocument {
  id: string;
  kind: DocumentKind;
  title: string;
  language: 'en' | 'fr';
  archived: boolean;
  createdBy: string;
  createdAt: number;
  lastEditedBy: string;
  lastEditedAt: number;
  /** For protocols: the id of the same protocol in the other language, if any. */
  pairedWith: string | null;
  /**
   * The counterpart's `lastEditedAt` when this version was last brought in line with it. This
   * version is behind when its counterpart has changed since (see `translationStatus`).
   */
  counterpartSeenAt: number;
  /** How many edits the text has had, from every replica (see the header). */
  editCount: number;
  /** The counterpart's `editCount` when this version was last brought in line with it. */
  counterpartSeenEdits: number;
}

/** The key under which one replica counts its edits of a document's text. */
const EDITS_PREFIX = 'edits:';

function editCountOf(m: Y.Map<unknown>): number {
  let sum = 0;
  for (const [key, value] of m.entries()) {
    if (key.startsWith(EDITS_PREFIX) && typeof value === 'number' && Number.isSafeInteger(value) && value > 0) sum += value;
  }
  return sum;
}

/** Records on both sides of a pair that each matches the other as of now. */
function markInLine(a: Y.Map<unknown>, b: Y.Map<unknown>) {
  a.set('counterpartSeenAt', b.get('lastEditedAt') ?? 0);
  b.set('counterpartSeenAt', a.get('lastEditedAt') ?? 0);
  a.set('counterpartSeenEdits', editCountOf(b));
  b.set('counterpartSeenEdits', editCountOf(a));
}

export function documentsMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap(DOCUMENTS_KEY);
}

/** The Y.Doc name of a note or protocol of a COP. */
export function documentDocName(copId: string, kind: DocumentKind, id: string): string {
  return copDocName(copId, kind === 'note' ? 'notes' : 'protocols', id);
}

export function createDocument(
  doc: Y.Doc,
  input: { kind: DocumentKind; title: string; language: 'en' | 'fr'; createdBy: string },
  origin: ChangeOrigin = LOCAL_CHANGE,
  now = Date.now()
): string {
  const kind = requireOneOf('kind', input.kind, DOCUMENT_KINDS);
  const title = requireText('title', input.title, 200);
  const language = requireOneOf('language', input.language, ['en', 'fr'] as const);
  const id = newEntityId();
  doc.transact(() => {
    const m = new Y.Map<unknown>();
    for (const [k, v] of Object.entries({ kind, title, language, archived: false, createdBy: input.createdBy, createdAt: now, lastEditedBy: input.createdBy, lastEditedAt: now, pairedWith: null })) {
      m.set(k, v);
    }
    documentsMap(doc).set(id, m);
  }, origin);
  return id;
}

export function updateDocument(
  doc: Y.Doc,
  id: string,
  patch: Partial<{ title: string; archived: boolean; language: 'en' | 'fr' }>,
  origin: ChangeOrigin = LOCAL_CHANGE
) {
  const m = documentsMap(doc).get(id);
  if (!(m instanceof Y.Map)) return;
  const clean: Record<string, unknown> = {};
  if (patch.title !== undefined) clean.title = requireText('title', patch.title, 200);
  if (patch.archived !== undefined) clean.archived = !!patch.archived;
  if (patch.language !== undefined) clean.language = requireOneOf('language', patch.language, ['en', 'fr'] as const);
  doc.transact(() => {
    for (const [k, v] of Object.entries(clean)) if (m.get(k) !== v) m.set(k, v);
  }, origin);
}

/**
 * Records an edit of a document's text: always counted (this replica's `edits:` key), and who
 * last edited it and when (for the list), that at most once a minute per person.
 */
export function touchDocument(doc: Y.Doc, id: string, userId: string, origin: ChangeOrigin = LOCAL_CHANGE, now = Date.now()) {
  const m = documentsMap(doc).get(id);
  if (!(m instanceof Y.Map)) return;
  const last = m.get('lastEditedAt');
  const recordLast = !(m.get('lastEditedBy') === userId && typeof last === 'number' && now - last < 60_000);
  const key = `${EDITS_PREFIX}${doc.clientID}`;
  const mine = m.get(key);
  doc.transact(() => {
    m.set(key, (typeof mine === 'number' && Number.isSafeInteger(mine) ? mine : 0) + 1);
    if (recordLast) {
      m.set('lastEditedBy', userId);
      m.set('lastEditedAt', now);
    }
  }, origin);
}

/**
 * Pairs two protocols as each other's translation (one English, one French), or unpairs with
 * `otherId` null. Any previous partner of either is released, so pairs stay one-to-one.
 */
export function pairProtocols(doc: Y.Doc, id: string, otherId: string | null, origin: ChangeOrigin = LOCAL_CHANGE) {
  const map = documentsMap(doc);
  const a = map.get(id);
  if (!(a instanceof Y.Map) || a.get('kind') !== 'protocol') return;
  const b = otherId === null ? undefined : map.get(otherId);
  if (otherId !== null) {
    if (!(b instanceof Y.Map) || b.get('kind') !== 'protocol') throw new WorkspaceValidationError('pairedWith', 'must be another protocol');
    if (b.get('language') === a.get('language')) throw new WorkspaceValidationError('pairedWith', 'must be in the other language');
  }
  doc.transact(() => {
    for (const m of [a, b]) {
      const old = m?.get('pairedWith');
      const oldPartner = typeof old === 'string' ? map.get(old) : undefined;
      if (oldPartner instanceof Y.Map) oldPartner.set('pairedWith', null);
    }
    a.set('pairedWith', otherId);
    if (b instanceof Y.Map) b.set('pairedWith', id);
    // Pairing says "these say the same thing" as of now.
    if (b instanceof Y.Map) markInLine(a, b);
  }, origin);
}

/** A translator's "this version now matches its counterpart": clears "behind" on both sides. */
export function markTranslationCurrent(doc: Y.Doc, id: string, origin: ChangeOrigin = LOCAL_CHANGE) {
  const a = documentsMap(doc).get(id);
  const partnerId = a instanceof Y.Map ? a.get('pairedWith') : undefined;
  const b = typeof partnerId === 'string' ? documentsMap(doc).get(partnerId) : undefined;
  if (!(a instanceof Y.Map) || !(b instanceof Y.Map) || b.get('pairedWith') !== id) return;
  doc.transact(() => markInLine(a, b), origin);
}

export interface TranslationStatus {
  /** This version lags: its counterpart changed since this one was last brought in line. */
  behind: boolean;
  /** The counterpart lags behind this version. */
  counterpartBehind: boolean;
  /** No counterpart yet, or one side lags: a translation is still to be done. */
  pending: boolean;
}

export function translationStatus(document: CopDocument, counterpart: CopDocument | undefined): TranslationStatus {
  if (!counterpart || document.pairedWith !== counterpart.id) return { behind: false, counterpartBehind: false, pending: true };
  // The change count follows every edit; the time stays for edits recorded by older versions.
  const behind = counterpart.editCount > document.counterpartSeenEdits || counterpart.lastEditedAt > document.counterpartSeenAt;
  const counterpartBehind = document.editCount > counterpart.counterpartSeenEdits || document.lastEditedAt > counterpart.counterpartSeenAt;
  return { behind, counterpartBehind, pending: behind || counterpartBehind };
}

function read(doc: Y.Doc, id: string, m: Y.Map<unknown>): CopDocument | undefined {
  const kind = m.get('kind');
  if (kind !== 'note' && kind !== 'protocol') return undefined;
  const s = (k: string) => (typeof m.get(k) === 'string' ? (m.get(k) as string) : '');
  const n = (k: string) => (typeof m.get(k) === 'number' ? (m.get(k) as number) : 0);
  // A pairing counts only when both sides agree (concurrent re-pairings can leave one side stale).
  const partnerId = m.get('pairedWith');
  const partner = typeof partnerId === 'string' ? documentsMap(doc).get(partnerId) : undefined;
  const paired = partner instanceof Y.Map && partner.get('pairedWith') === id ? (partnerId as string) : null;
  return {
    id,
    kind,
    title: s('title'),
    language: m.get('language') === 'fr' ? 'fr' : 'en',
    archived: m.get('archived') === true,
    createdBy: s('createdBy'),
    createdAt: n('createdAt'),
    lastEditedBy: s('lastEditedBy'),
    lastEditedAt: n('lastEditedAt'),
    pairedWith: kind === 'protocol' ? paired : null,
    counterpartSeenAt: n('counterpartSeenAt'),
    editCount: editCountOf(m),
    counterpartSeenEdits: n('counterpartSeenEdits')
  };
}

/** Notes and protocols, most recently edited first. */
export function listDocuments(doc: Y.Doc, filter: { kind?: DocumentKind; includeArchived?: boolean } = {}): CopDocument[] {
  const out: CopDocument[] = [];
  for (const [id, m] of documentsMap(doc).entries()) {
    const d = m instanceof Y.Map ? read(doc, id, m) : undefined;
    if (!d || (filter.kind && d.kind !== filter.kind) || (!filter.includeArchived && d.archived)) continue;
    out.push(d);
  }
  return out.sort((a, b) => b.lastEditedAt - a.lastEditedAt || (a.id < b.id ? -1 : 1));
}

export function readDocument(doc: Y.Doc, id: string): CopDocument | undefined {
  const m = documentsMap(doc).get(id);
  return m instanceof Y.Map ? read(doc, id, m) : undefined;
}

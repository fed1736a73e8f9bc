/**
 * Agenda items of meetings: title, presenter, planned minutes, notes and minutes (both
 * collaborative text). All items live in one root map keyed by id, each naming its meeting and
 * carrying an order key (order-keys.ts): concurrent reordering, inserting and deleting never
 * duplicates or loses an item, and no nested container is ever created by two replicas at once
 * (which would make one replica's additions vanish).
 */
import * as Y from 'yjs';
import { newEntityId } from './ids';
import { meetingsMap } from './meetings';
import { byOrder, keyAtEnd, keyForPosition } from './order-keys';
import { LOCAL_CHANGE, type ChangeOrigin } from './origin';
import { deleteWithRecord } from './recently-deleted';
import { optionalText, requireText, WorkspaceValidationError } from './validation-error';

export const AGENDA_KEY = 'agendaItems';

export interface AgendaItem {
  id: string;
  title: string;
  /** A roster user id or a guest's name. */
  presenter: string;
  plannedMinutes: number;
  order: string;
  notes: string;
  minutes: string;
}

export type AgendaItemInput = Pick<AgendaItem, 'title'> & Partial<Pick<AgendaItem, 'presenter' | 'plannedMinutes'>>;

export function agendaItemsMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap(AGENDA_KEY);
}

/** The item's Y.Map if it exists and belongs to that meeting (which must exist too). */
function itemMap(doc: Y.Doc, meetingId: string, itemId: string): Y.Map<unknown> | undefined {
  const item = agendaItemsMap(doc).get(itemId);
  if (!(item instanceof Y.Map) || item.get('meetingId') !== meetingId || !meetingsMap(doc).has(meetingId)) return undefined;
  return item;
}

function cleanMinutes(value: number): number {
  if (!Number.isInteger(value) || value < 0 || value > 600) {
    throw new WorkspaceValidationError('plannedMinutes', 'must be a whole number from 0 to 600');
  }
  return value;
}

function readItem(id: string, m: Y.Map<unknown>): AgendaItem {
  const notes = m.get('notes');
  const minutes = m.get('minutes');
  const planned = m.get('plannedMinutes');
  return {
    id,
    title: typeof m.get('title') === 'string' ? (m.get('title') as string) : '',
    presenter: typeof m.get('presenter') === 'string' ? (m.get('presenter') as string) : '',
    plannedMinutes: typeof planned === 'number' && Number.isInteger(planned) && planned >= 0 ? planned : 0,
    order: typeof m.get('order') === 'string' ? (m.get('order') as string) : '',
    notes: notes instanceof Y.Text ? notes.toString() : '',
    minutes: minutes instanceof Y.Text ? minutes.toString() : ''
  };
}

/** A meeting's agenda in order; items whose meeting was deleted are never listed. */
export function listAgenda(doc: Y.Doc, meetingId: string): AgendaItem[] {
  if (!meetingsMap(doc).has(meetingId)) return [];
  return [...agendaItemsMap(doc).entries()]
    .filter(([, m]) => m instanceof Y.Map && m.get('meetingId') === meetingId)
    .map(([id, m]) => readItem(id, m))
    .sort(byOrder);
}

export function agendaItemExists(doc: Y.Doc, meetingId: string, itemId: string): boolean {
  return itemMap(doc, meetingId, itemId) !== undefined;
}

export function addAgendaItem(
  doc: Y.Doc,
  meetingId: string,
  input: AgendaItemInput,
  origin: ChangeOrigin = LOCAL_CHANGE,
  position?: number
): string | undefined {
  const title = requireText('title', input.title, 200);
  const presenter = optionalText('presenter', input.presenter, 200);
  const planned = cleanMinutes(input.plannedMinutes ?? 15);
  const id = newEntityId();
  let created = false;
  doc.transact(() => {
    if (!meetingsMap(doc).has(meetingId)) return;
    const sorted = listAgenda(doc, meetingId);
    const item = new Y.Map<unknown>();
    item.set('meetingId', meetingId);
    item.set('title', title);
    item.set('presenter', presenter);
    item.set('plannedMinutes', planned);
    item.set('order', position === undefined ? keyAtEnd(sorted) : keyForPosition(sorted, id, position));
    item.set('notes', new Y.Text());
    item.set('minutes', new Y.Text());
    agendaItemsMap(doc).set(id, item);
    created = true;
  }, origin);
  return created ? id : undefined;
}

export function updateAgendaItem(
  doc: Y.Doc,
  meetingId: string,
  itemId: string,
  patch: Partial<AgendaItemInput>,
  origin: ChangeOrigin = LOCAL_CHANGE
) {
  const clean: Record<string, unknown> = {};
  if (patch.title !== undefined) clean.title = requireText('title', patch.title, 200);
  if (patch.presenter !== undefined) clean.presenter = optionalText('presenter', patch.presenter, 200);
  if (patch.plannedMinutes !== undefined) clean.plannedMinutes = cleanMinutes(patch.plannedMinutes);
  const item = itemMap(doc, meetingId, itemId);
  if (!item) return;
  doc.transact(() => {
    for (const [k, v] of Object.entries(clean)) if (item.get(k) !== v) item.set(k, v);
  }, origin);
}

/** Moves an item to `index` in the list (0 = first); works the same by keyboard, touch or drag. */
export function moveAgendaItem(doc: Y.Doc, meetingId: string, itemId: string, index: number, origin: ChangeOrigin = LOCAL_CHANGE) {
  const item = itemMap(doc, meetingId, itemId);
  if (!item) return;
  const sorted = listAgenda(doc, meetingId);
  const currentIndex = sorted.findIndex((i) => i.id === itemId);
  if (currentIndex === index) return;
  doc.transact(() => item.set('order', keyForPosition(sorted, itemId, index)), origin);
}

export function deleteAgendaItem(doc: Y.Doc, meetingId: string, itemId: string, origin: ChangeOrigin = LOCAL_CHANGE): string | null {
  if (!itemMap(doc, meetingId, itemId)) return null;
  return deleteWithRecord(doc, 'agendaItem', itemId, origin);
}

/** The collaborative text of an item's notes or minutes, for an editor to bind to. */
export function agendaItemText(doc: Y.Doc, meetingId: string, itemId: string, field: 'notes' | 'minutes'): Y.Text | undefined {
  const text = itemMap(doc, meetingId, itemId)?.get(field);
  return text instanceof Y.Text ? text : undefined;
}

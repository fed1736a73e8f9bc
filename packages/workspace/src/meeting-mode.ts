/**
 * Meeting mode: which agenda item the room is on, and since when, shared live so every phone and
 * the facilitator's screen show the same item. Stored on the meeting's map.
 */
import type * as Y from 'yjs';
import { agendaItemExists, listAgenda } from './agenda';
import { meetingMap } from './meetings';
import { LOCAL_CHANGE, type ChangeOrigin } from './origin';

export interface MeetingModeState {
  currentItemId: string | null;
  /** When the current item started (ms since epoch), for elapsed time. */
  startedAt: number | null;
}

export function readMeetingMode(doc: Y.Doc, meetingId: string): MeetingModeState {
  const m = meetingMap(doc, meetingId);
  const id = m?.get('currentItemId');
  // An item deleted while it was being discussed leaves the meeting with no current item.
  if (typeof id !== 'string' || !agendaItemExists(doc, meetingId, id)) return { currentItemId: null, startedAt: null };
  const startedAt = m!.get('currentItemStartedAt');
  return { currentItemId: id, startedAt: typeof startedAt === 'number' ? startedAt : null };
}

export function setCurrentItem(doc: Y.Doc, meetingId: string, itemId: string | null, origin: ChangeOrigin = LOCAL_CHANGE, now = Date.now()) {
  const m = meetingMap(doc, meetingId);
  if (!m || (itemId !== null && !agendaItemExists(doc, meetingId, itemId))) return;
  doc.transact(() => {
    m.set('currentItemId', itemId);
    m.set('currentItemStartedAt', itemId === null ? null : now);
  }, origin);
}

/** Moves to the next (+1) or previous (-1) item; from no item, "next" starts the first. */
export function stepCurrentItem(doc: Y.Doc, meetingId: string, step: 1 | -1, origin: ChangeOrigin = LOCAL_CHANGE, now = Date.now()) {
  const agenda = listAgenda(doc, meetingId);
  if (agenda.length === 0) return;
  const { currentItemId } = readMeetingMode(doc, meetingId);
  const index = agenda.findIndex((i) => i.id === currentItemId);
  const next = index < 0 ? (step === 1 ? 0 : agenda.length - 1) : Math.max(0, Math.min(agenda.length - 1, index + step));
  if (agenda[next]!.id !== currentItemId) setCurrentItem(doc, meetingId, agenda[next]!.id, origin, now);
}

/**
 * Action items: what, owner (a roster user id), due date, open or done, and the meeting (and
 * agenda item) they came from. They live at the top of the workspace, not inside a meeting, so
 * open items roll forward: each meeting shows those still open from earlier meetings.
 */
import * as Y from 'yjs';
import { agendaItemExists } from './agenda';
import { newEntityId } from './ids';
import { meetingsMap, readMeeting } from './meetings';
import { LOCAL_CHANGE, type ChangeOrigin } from './origin';
import { deleteWithRecord } from './recently-deleted';
import { optionalText, requireDate, requireOneOf, requireText } from './validation-error';

export const ACTIONS_KEY = 'actionItems';
export const ACTION_STATUSES = ['open', 'done'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export interface ActionItem {
  id: string;
  what: string;
  ownerId: string;
  /** YYYY-MM-DD or '' for none. */
  dueDate: string;
  status: ActionStatus;
  meetingId: string | null;
  agendaItemId: string | null;
  createdAt: number;
}

export interface ActionItemInput {
  what: string;
  ownerId?: string;
  dueDate?: string;
  meetingId?: string | null;
  agendaItemId?: string | null;
}

export function actionItemsMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap(ACTIONS_KEY);
}

export function addActionItem(doc: Y.Doc, input: ActionItemInput, origin: ChangeOrigin = LOCAL_CHANGE, now = Date.now()): string {
  const what = requireText('what', input.what, 500);
  const ownerId = optionalText('ownerId', input.ownerId, 100);
  const dueDate = input.dueDate ? requireDate('dueDate', input.dueDate) : '';
  const id = newEntityId();
  doc.transact(() => {
    const a = new Y.Map<unknown>();
    a.set('what', what);
    a.set('ownerId', ownerId);
    a.set('dueDate', dueDate);
    a.set('status', 'open');
    a.set('meetingId', input.meetingId ?? null);
    a.set('agendaItemId', input.agendaItemId ?? null);
    a.set('createdAt', now);
    actionItemsMap(doc).set(id, a);
  }, origin);
  return id;
}

export function updateActionItem(
  doc: Y.Doc,
  id: string,
  patch: Partial<Pick<ActionItem, 'what' | 'ownerId' | 'dueDate' | 'status'>>,
  origin: ChangeOrigin = LOCAL_CHANGE
) {
  const clean: Record<string, unknown> = {};
  if (patch.what !== undefined) clean.what = requireText('what', patch.what, 500);
  if (patch.ownerId !== undefined) clean.ownerId = optionalText('ownerId', patch.ownerId, 100);
  if (patch.dueDate !== undefined) clean.dueDate = patch.dueDate === '' ? '' : requireDate('dueDate', patch.dueDate);
  if (patch.status !== undefined) clean.status = requireOneOf('status', patch.status, ACTION_STATUSES);
  const a = actionItemsMap(doc).get(id);
  if (!(a instanceof Y.Map)) return;
  doc.transact(() => {
    for (const [k, v] of Object.entries(clean)) if (a.get(k) !== v) a.set(k, v);
  }, origin);
}

export function deleteActionItem(doc: Y.Doc, id: string, origin: ChangeOrigin = LOCAL_CHANGE): string | null {
  return deleteWithRecord(doc, 'action', id, origin);
}

function read(doc: Y.Doc, id: string, a: Y.Map<unknown>): ActionItem {
  const meetingId = a.get('meetingId');
  const liveMeeting = typeof meetingId === 'string' && meetingsMap(doc).has(meetingId) ? meetingId : null;
  const itemId = a.get('agendaItemId');
  const status = a.get('status');
  return {
    id,
    what: typeof a.get('what') === 'string' ? (a.get('what') as string) : '',
    ownerId: typeof a.get('ownerId') === 'string' ? (a.get('ownerId') as string) : '',
    dueDate: typeof a.get('dueDate') === 'string' ? (a.get('dueDate') as string) : '',
    status: status === 'done' ? 'done' : 'open',
    // An action outlives the meeting it came from: a deleted meeting leaves it unattached.
    meetingId: liveMeeting,
    agendaItemId: liveMeeting && typeof itemId === 'string' && agendaItemExists(doc, liveMeeting, itemId) ? itemId : null,
    createdAt: typeof a.get('createdAt') === 'number' ? (a.get('createdAt') as number) : 0
  };
}

const byDueThenCreated = (x: ActionItem, y: ActionItem) =>
  (x.dueDate || '9999') < (y.dueDate || '9999') ? -1 : (x.dueDate || '9999') > (y.dueDate || '9999') ? 1 : x.createdAt - y.createdAt || (x.id < y.id ? -1 : 1);

export function listActionItems(doc: Y.Doc): ActionItem[] {
  return [...actionItemsMap(doc).entries()].filter(([, a]) => a instanceof Y.Map).map(([id, a]) => read(doc, id, a)).sort(byDueThenCreated);
}

export function listOpenActionItems(doc: Y.Doc): ActionItem[] {
  return listActionItems(doc).filter((a) => a.status === 'open');
}

/** Actions raised in this meeting. */
export function actionItemsOfMeeting(doc: Y.Doc, meetingId: string): ActionItem[] {
  return listActionItems(doc).filter((a) => a.meetingId === meetingId);
}

/** Open actions carried into this meeting: raised before it started (or in no meeting) and not done. */
export function rolledForwardActionItems(doc: Y.Doc, meetingId: string): ActionItem[] {
  const meeting = readMeeting(doc, meetingId);
  if (!meeting) return [];
  return listOpenActionItems(doc).filter((a) => {
    if (a.meetingId === meetingId) return false;
    if (a.meetingId === null) return a.createdAt < Date.parse(meeting.startsAt);
    const origin = readMeeting(doc, a.meetingId)!;
    return origin.startsAt < meeting.startsAt;
  });
}

/**
 * Who may do what in a COP's workspace. The facilitator (and the programme manager) runs the
 * meeting: the current agenda item (meeting mode: starting, moving on, ending), other people's
 * attendance, deleting meetings and agenda items, and any expense. Every member plans meetings,
 * adds agenda items, takes minutes, captures decisions and actions, marks their own attendance
 * and adds, edits or deletes their own expenses; observers mark their own attendance through the
 * API (they cannot write the document). Roles come from the server's database, never from the
 * document.
 *
 * The web app asks `may…` to show only what a person may do; the sync server runs
 * `refusedWorkspaceChange` on every update to a COP's workspace document from someone who does not
 * run meetings, and refuses the whole update when it touches anything else.
 */
import type * as Y from 'yjs';
import { AGENDA_KEY } from './agenda';
import { ATTENDANCE_KEY } from './attendance';
import { EXPENSES_KEY } from './expenses';
import { MEETINGS_KEY } from './meetings';
import { updateChanges, type UpdateChange } from './update-changes';

/** A person in a COP as the server knows them. */
export interface WorkspaceActor {
  userId: string;
  /** Facilitator of the COP, or the programme manager. */
  runsMeetings: boolean;
}

/** Facilitators and the programme manager run the meeting. */
export function runsMeetings(standing: string | null | undefined): boolean {
  return standing === 'facilitator' || standing === 'manager';
}

/** A meeting's fields that only the person running it sets (meeting mode). */
export const MEETING_RUN_FIELDS: readonly string[] = ['currentItemId', 'currentItemStartedAt'];

export function mayRunMeeting(actor: WorkspaceActor): boolean {
  return actor.runsMeetings;
}

export function mayDeleteMeeting(actor: WorkspaceActor): boolean {
  return actor.runsMeetings;
}

export function mayDeleteAgendaItem(actor: WorkspaceActor): boolean {
  return actor.runsMeetings;
}

export function mayMarkAttendance(actor: WorkspaceActor, userId: string): boolean {
  return actor.runsMeetings || actor.userId === userId;
}

/** Who added an expense: `createdBy`, or, for expenses from before it was recorded, who paid. */
export function expenseAuthor(entry: Y.Map<unknown> | undefined): string | null {
  const createdBy = entry?.get('createdBy') ?? entry?.get('paidBy');
  return typeof createdBy === 'string' ? createdBy : null;
}

export function mayChangeExpense(actor: WorkspaceActor, author: string | null): boolean {
  return actor.runsMeetings || (author !== null && author === actor.userId);
}

export type RefusedReason =
  | 'run-meeting'
  | 'delete-meeting'
  | 'delete-agenda-item'
  | 'others-attendance'
  | 'others-expense'
  | 'unplaceable';

export interface RefusedChange {
  reason: RefusedReason;
  path: string[];
}

function meetingExists(doc: Y.Doc, meetingId: unknown): boolean {
  return typeof meetingId === 'string' && doc.getMap(MEETINGS_KEY).has(meetingId);
}

function refusal(doc: Y.Doc, change: UpdateChange, actor: WorkspaceActor): RefusedReason | null {
  const [root, key, field] = change.path;
  if (key === undefined) return null;
  if (root === MEETINGS_KEY) {
    // A meeting the server does not have yet is whoever brings it: they set it up as they like.
    if (!meetingExists(doc, key)) return null;
    if (field === undefined && change.kind === 'delete') return 'delete-meeting';
    if (field !== undefined && MEETING_RUN_FIELDS.includes(field)) return 'run-meeting';
    return null;
  }
  if (root === AGENDA_KEY && field === undefined && change.kind === 'delete') {
    // Clearing out the items of a meeting already deleted (sweepOrphans) is housekeeping.
    const item = doc.getMap(AGENDA_KEY).get(key) as Y.Map<unknown> | undefined;
    return item && meetingExists(doc, item.get('meetingId')) ? 'delete-agenda-item' : null;
  }
  if (root === ATTENDANCE_KEY && field === undefined) {
    const colon = key.indexOf(':');
    const meetingId = key.slice(0, colon);
    const userId = key.slice(colon + 1);
    if (!meetingExists(doc, meetingId)) return null;
    return mayMarkAttendance(actor, userId) ? null : 'others-attendance';
  }
  if (root === EXPENSES_KEY) {
    const existing = doc.getMap(EXPENSES_KEY).get(key) as Y.Map<unknown> | undefined;
    if (existing === undefined) {
      // A new expense: its author is the person adding it.
      return field === 'createdBy' && change.kind === 'insert' && change.value !== actor.userId ? 'others-expense' : null;
    }
    return mayChangeExpense(actor, expenseAuthor(existing)) ? null : 'others-expense';
  }
  return null;
}

/**
 * The first change in `update` that `actor` may not make to the workspace document `doc`, or
 * null when every change is theirs to make. An update that cannot be placed (it refers to structs
 * the document does not have) is refused for people who do not run meetings: what it would do
 * cannot be known until then.
 */
export function refusedWorkspaceChange(doc: Y.Doc, update: Uint8Array, actor: WorkspaceActor): RefusedChange | null {
  if (actor.runsMeetings) return null;
  const changes = updateChanges(doc, update);
  if (changes === null) return { reason: 'unplaceable', path: [] };
  for (const change of changes) {
    const reason = refusal(doc, change, actor);
    if (reason) return { reason, path: change.path };
  }
  return null;
}

/**
 * What a meeting produced: decisions, actions raised in it, open actions rolled forward from
 * earlier meetings, and attendance. Re-read when any of those (or the agenda they hang on) change.
 */
import type * as Y from 'yjs';
import {
  actionItemsMap,
  actionItemsOfMeeting,
  addActionItem,
  addDecision,
  agendaItemsMap,
  attendanceMap,
  decisionsMap,
  deleteActionItem,
  deleteDecision,
  listDecisions,
  markAttendance,
  meetingsMap,
  readAttendance,
  rolledForwardActionItems,
  type ActionItem,
  type AttendanceStatus,
  type Decision
} from '@atelier/workspace';
import { docSubscriber } from './doc-subscriber';

export class MeetingRecord {
  readonly #subscribe: () => void;

  constructor(
    private readonly doc: Y.Doc,
    readonly meetingId: string
  ) {
    this.#subscribe = docSubscriber(doc, [meetingsMap, agendaItemsMap, decisionsMap, actionItemsMap, attendanceMap]);
  }

  get decisions(): Decision[] {
    this.#subscribe();
    return listDecisions(this.doc, this.meetingId);
  }

  get actions(): ActionItem[] {
    this.#subscribe();
    return actionItemsOfMeeting(this.doc, this.meetingId);
  }

  get rolledForward(): ActionItem[] {
    this.#subscribe();
    return rolledForwardActionItems(this.doc, this.meetingId);
  }

  get attendance(): Map<string, AttendanceStatus> {
    this.#subscribe();
    return readAttendance(this.doc, this.meetingId);
  }

  addDecision(text: string, agendaItemId: string | null = null): string | undefined {
    return addDecision(this.doc, { meetingId: this.meetingId, agendaItemId, text });
  }

  deleteDecision(id: string) {
    deleteDecision(this.doc, id);
  }

  addAction(input: { what: string; ownerId?: string; dueDate?: string; agendaItemId?: string | null }): string {
    return addActionItem(this.doc, { ...input, meetingId: this.meetingId });
  }

  deleteAction(id: string) {
    deleteActionItem(this.doc, id);
  }

  mark(userId: string, status: AttendanceStatus | null) {
    markAttendance(this.doc, this.meetingId, userId, status);
  }
}

/** A COP's meetings, for Svelte: re-read whenever the meetings map changes. */
import type * as Y from 'yjs';
import {
  createMeeting,
  createMeetingFromTemplate,
  deleteMeeting,
  listMeetings,
  meetingsMap,
  nextMeeting,
  readMeeting,
  updateMeeting,
  type Meeting,
  type MeetingInput
} from '@atelier/workspace';
import { docSubscriber } from './doc-subscriber';

export class MeetingsView {
  readonly #subscribe: () => void;

  constructor(private readonly doc: Y.Doc) {
    this.#subscribe = docSubscriber(doc, [meetingsMap]);
  }

  /** Soonest first. */
  get all(): Meeting[] {
    this.#subscribe();
    return listMeetings(this.doc);
  }

  /** The first meeting that has not ended yet. */
  next(now = Date.now()): Meeting | undefined {
    this.#subscribe();
    return nextMeeting(this.doc, now);
  }

  get(meetingId: string): Meeting | undefined {
    this.#subscribe();
    return readMeeting(this.doc, meetingId);
  }

  create(input: MeetingInput): string {
    return createMeeting(this.doc, input);
  }

  createFromTemplate(templateId: string, input: { title: string; startsAt: string }): string | undefined {
    return createMeetingFromTemplate(this.doc, templateId, input);
  }

  update(meetingId: string, patch: Partial<MeetingInput>) {
    updateMeeting(this.doc, meetingId, patch);
  }

  delete(meetingId: string) {
    deleteMeeting(this.doc, meetingId);
  }
}

/**
 * One meeting's agenda and meeting mode (the current item is stored on the meeting), for Svelte:
 * re-read when meetings or agenda items change, so every device follows the current item live.
 */
import type * as Y from 'yjs';
import {
  addAgendaItem,
  agendaItemsMap,
  agendaItemText,
  deleteAgendaItem,
  listAgenda,
  meetingsMap,
  moveAgendaItem,
  readMeetingMode,
  setCurrentItem,
  stepCurrentItem,
  updateAgendaItem,
  type AgendaItem,
  type AgendaItemInput,
  type MeetingModeState
} from '@atelier/workspace';
import { docSubscriber } from './doc-subscriber';

export class AgendaView {
  readonly #subscribe: () => void;

  constructor(
    private readonly doc: Y.Doc,
    readonly meetingId: string
  ) {
    this.#subscribe = docSubscriber(doc, [meetingsMap, agendaItemsMap]);
  }

  get items(): AgendaItem[] {
    this.#subscribe();
    return listAgenda(this.doc, this.meetingId);
  }

  get mode(): MeetingModeState {
    this.#subscribe();
    return readMeetingMode(this.doc, this.meetingId);
  }

  add(input: AgendaItemInput): string | undefined {
    return addAgendaItem(this.doc, this.meetingId, input);
  }

  update(itemId: string, patch: Partial<AgendaItemInput>) {
    updateAgendaItem(this.doc, this.meetingId, itemId, patch);
  }

  /** To position `index` (0 = first): the same for buttons, keys and touch. */
  move(itemId: string, index: number) {
    moveAgendaItem(this.doc, this.meetingId, itemId, index);
  }

  delete(itemId: string) {
    deleteAgendaItem(this.doc, this.meetingId, itemId);
  }

  text(itemId: string, field: 'notes' | 'minutes'): Y.Text | undefined {
    return agendaItemText(this.doc, this.meetingId, itemId, field);
  }

  setCurrent(itemId: string | null) {
    setCurrentItem(this.doc, this.meetingId, itemId);
  }

  step(step: 1 | -1) {
    stepCurrentItem(this.doc, this.meetingId, step);
  }
}

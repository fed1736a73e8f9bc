/**
 * "Create from a previous meeting": a new meeting with the same venue, link, duration and time
 * zone, and a copy of the agenda's titles, presenters and planned minutes (not its notes,
 * minutes, decisions or attendance, which belong to the meeting that happened).
 */
import type * as Y from 'yjs';
import { addAgendaItem, listAgenda } from './agenda';
import { createMeeting, readMeeting } from './meetings';
import { LOCAL_CHANGE, type ChangeOrigin } from './origin';

export function createMeetingFromTemplate(
  doc: Y.Doc,
  templateId: string,
  input: { title: string; startsAt: string },
  origin: ChangeOrigin = LOCAL_CHANGE
): string | undefined {
  const template = readMeeting(doc, templateId);
  if (!template) return undefined;
  let id: string | undefined;
  doc.transact(() => {
    id = createMeeting(
      doc,
      { ...input, timeZone: template.timeZone, durationMinutes: template.durationMinutes, venue: template.venue, onlineLink: template.onlineLink },
      origin
    );
    for (const item of listAgenda(doc, templateId)) {
      addAgendaItem(doc, id, { title: item.title, presenter: item.presenter, plannedMinutes: item.plannedMinutes }, origin);
    }
  }, origin);
  return id;
}

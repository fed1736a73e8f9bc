/**
 * Removes entries that name a meeting which no longer exists (agenda items, decisions,
 * attendance). Reading already hides them; sweeping only frees the space. Safe to run on any
 * replica at any time: a concurrent sweep and edit converge to "gone".
 */
import * as Y from 'yjs';
import { agendaItemsMap } from './agenda';
import { attendanceMap } from './attendance';
import { decisionsMap } from './decisions';
import { meetingsMap } from './meetings';
import { LOCAL_CHANGE, type ChangeOrigin } from './origin';

export function sweepOrphans(doc: Y.Doc, origin: ChangeOrigin = LOCAL_CHANGE): number {
  const meetings = meetingsMap(doc);
  let removed = 0;
  doc.transact(() => {
    for (const map of [agendaItemsMap(doc), decisionsMap(doc)]) {
      for (const [id, entry] of [...map.entries()]) {
        const meetingId = entry instanceof Y.Map ? entry.get('meetingId') : undefined;
        if (typeof meetingId !== 'string' || !meetings.has(meetingId)) {
          map.delete(id);
          removed++;
        }
      }
    }
    const attendance = attendanceMap(doc);
    for (const key of [...attendance.keys()]) {
      if (!meetings.has(key.slice(0, key.indexOf(':')))) {
        attendance.delete(key);
        removed++;
      }
    }
  }, origin);
  return removed;
}

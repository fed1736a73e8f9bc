/**
 * Learning events as iCalendar (RFC 5545) through the `ics` library: one event or the whole
 * calendar. Titles and descriptions carry both languages (the format has no per-language text);
 * the running order goes into the description. Times are UTC; UIDs are stable; SEQUENCE follows
 * every change so calendars update the entry instead of duplicating it.
 */
import { createEvents, type EventAttributes } from 'ics';
import type { LearningEvent } from './learning-events';

function attributes(event: LearningEvent, origin: string): EventAttributes {
  const lines = [event.description.en, event.description.fr].filter(Boolean);
  lines.push('', `${origin}/events/${event.id}`);
  if (event.presentations.length) {
    lines.push('', 'Running order / Ordre de passage:');
    event.presentations.forEach((p, i) => lines.push(`${i + 1}. ${p.title} — ${p.copName} (${p.presenters}, ${p.minutes} min)`));
  }
  const toArray = (t: number) => {
    const d = new Date(t);
    return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()] as [number, number, number, number, number];
  };
  return {
    uid: `${event.id}@atelier`,
    sequence: event.sequence,
    title: event.title.en === event.title.fr ? event.title.en : `${event.title.en} / ${event.title.fr}`,
    description: lines.join('\n'),
    start: toArray(event.startsAt),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: toArray(event.endsAt),
    endInputType: 'utc',
    endOutputType: 'utc',
    location: event.place || event.onlineLink || undefined,
    // The library accepts only public-looking URLs (no localhost), so the app link rides in the
    // description and URL carries the online link when there is one.
    ...(event.onlineLink ? { url: event.onlineLink } : {}),
    categories: [event.kind === 'fair' ? 'Excellence Fair' : 'Quarterly Learning Event'],
    productId: 'atelier/learning-events',
    calName: 'Atelier — learning events / événements d’apprentissage',
    lastModified: toArray(event.updatedAt)
  };
}

export function toICalendar(events: LearningEvent[], origin: string): string {
  if (events.length === 0) {
    // The library refuses an empty list; an empty calendar is still a valid calendar.
    return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:atelier/learning-events', 'CALSCALE:GREGORIAN', 'END:VCALENDAR', ''].join('\r\n');
  }
  let { error, value } = createEvents(events.map((e) => attributes(e, origin)));
  if (error) {
    // An online link the library finds odd should not cost anyone the calendar: drop URL fields.
    ({ error, value } = createEvents(events.map((e) => ({ ...attributes(e, origin), url: undefined }))));
  }
  // The library reports a validation object, not an Error: wrap it so it is handled as one.
  if (error || !value) throw new Error(`could not write the calendar: ${error?.message ?? 'no output'}`);
  return value;
}

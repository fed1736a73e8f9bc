/**
 * Learning events as iCalendar (RFC 5545): one event or the whole calendar. Titles and
 * descriptions carry both languages (one SUMMARY per event: the format has no per-language
 * text); the labels the server adds (calendar name, "Running order", categories) are in the
 * reader's language. Times are UTC; UIDs are stable; SEQUENCE follows every change so calendars
 * update the entry instead of duplicating it.
 *
 * Written here rather than through a library: the `ics` package used before let a bare CR
 * through inside values and folded on characters, not octets. Every value goes through
 * `ical-text.ts` (escaped, folded on octets, CRLF only).
 */
import type { ExportLanguage } from '../exports/export-language';
import { calendarMessages as t } from '../messages/export-messages';
import { icalStream, icalText, icalUri, icalUtc } from './ical-text';
import type { LearningEvent } from './learning-events';

function eventLines(event: LearningEvent, origin: string, lang: ExportLanguage): string[] {
  const ordered = lang === 'fr' ? [event.description.fr, event.description.en] : [event.description.en, event.description.fr];
  const description = ordered.filter(Boolean);
  description.push('', `${origin}/events/${event.id}`);
  if (event.presentations.length) {
    description.push('', t.runningOrder().in(lang));
    event.presentations.forEach((p, i) => description.push(`${i + 1}. ${p.title} — ${p.copName} (${p.presenters}, ${t.minutes({ n: p.minutes }).in(lang)})`));
  }
  const title = event.title.en === event.title.fr ? event.title.en : lang === 'fr' ? `${event.title.fr} / ${event.title.en}` : `${event.title.en} / ${event.title.fr}`;
  const url = event.onlineLink ? icalUri(event.onlineLink) : undefined;
  const location = event.place || event.onlineLink;
  return [
    'BEGIN:VEVENT',
    `UID:${icalText(`${event.id}@atelier`)}`,
    `SEQUENCE:${Math.max(0, Math.trunc(event.sequence))}`,
    `DTSTAMP:${icalUtc(event.updatedAt)}`,
    `LAST-MODIFIED:${icalUtc(event.updatedAt)}`,
    `DTSTART:${icalUtc(event.startsAt)}`,
    `DTEND:${icalUtc(event.endsAt)}`,
    `SUMMARY:${icalText(title)}`,
    `DESCRIPTION:${icalText(description.join('\n'))}`,
    ...(location ? [`LOCATION:${icalText(location)}`] : []),
    ...(url ? [`URL:${url}`] : []),
    `CATEGORIES:${icalText((event.kind === 'fair' ? t.fair() : t.quarterly()).in(lang))}`,
    'END:VEVENT'
  ];
}

export function toICalendar(events: LearningEvent[], origin: string, lang: ExportLanguage = 'en'): string {
  return icalStream([
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:atelier/learning-events',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${icalText(t.name().in(lang))}`,
    ...events.flatMap((e) => eventLines(e, origin, lang)),
    'END:VCALENDAR'
  ]);
}

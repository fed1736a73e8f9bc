/** Words and dates for learning events, in the UI language. */
import { m } from '$lib/paraglide/messages.js';
import type { EventKind, LearningEvent } from '$lib/api/events-api';
import type { Language } from '$lib/api/types';
import { formatZonedRange } from '@atelier/workspace';

export function kindLabel(kind: EventKind): string {
  return kind === 'fair' ? m.ev_kind_fair() : m.ev_kind_quarterly();
}

/** "Thursday, March 12, 2026, 1:00–4:00 p.m. (Toronto time)" / "jeudi 12 mars 2026, 13 h – 16 h (heure de Toronto)", in the event's own zone. */
export function eventWhen(event: Pick<LearningEvent, 'startsAt' | 'endsAt' | 'timeZone'>, language: Language): string {
  const range = formatZonedRange(event.startsAt, event.endsAt, language, event.timeZone, 'full');
  const city = event.timeZone.split('/').pop()?.replace(/_/g, ' ') ?? event.timeZone;
  return `${range} (${m.ev_zone_time({ city })})`;
}

/** Upcoming events soonest first; past ones most recent first. */
export function splitByTime(events: LearningEvent[], now = Date.now()): { upcoming: LearningEvent[]; past: LearningEvent[] } {
  const upcoming = events.filter((e) => e.endsAt >= now).sort((a, b) => a.startsAt - b.startsAt);
  const past = events.filter((e) => e.endsAt < now).sort((a, b) => b.startsAt - a.startsAt);
  return { upcoming, past };
}

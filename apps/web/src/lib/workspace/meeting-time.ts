/** A meeting's start as people should read it: in the meeting's own time zone, with the zone named. */
import { formatZoned, zoneLabel, type Meeting } from '@atelier/workspace';
import { intlLocale, type UiLanguage } from '../i18n/intl-format'; // relative: unit tests run without SvelteKit's $lib alias

/** "samedi 14 mars 2026 à 13 h (HAE)" / "Saturday, March 14, 2026 at 1:00 p.m. (EDT)". */
export function meetingWhen(meeting: Pick<Meeting, 'startsAt' | 'timeZone'>, language: UiLanguage): string {
  const at = Date.parse(meeting.startsAt);
  return `${formatZoned(at, language, meeting.timeZone, 'full')} (${zoneLabel(at, language, meeting.timeZone, 'short')})`;
}

export function meetingDay(meeting: Pick<Meeting, 'startsAt' | 'timeZone'>, language: UiLanguage): string {
  return new Intl.DateTimeFormat(intlLocale(language), { dateStyle: 'medium', timeZone: meeting.timeZone }).format(Date.parse(meeting.startsAt));
}

/** "12:05" or "1:02:05" for elapsed time on the meeting-mode screen. */
export function clock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const mm = String(Math.floor((total % 3600) / 60)).padStart(h ? 2 : 1, '0');
  const ss = String(total % 60).padStart(2, '0');
  return h ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

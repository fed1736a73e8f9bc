/** A meeting's start as people should read it: in the meeting's own time zone, with the zone named. */
import type { Meeting } from '@atelier/workspace';
import { intlLocale, type UiLanguage } from '$lib/i18n/intl-format';

export function meetingWhen(meeting: Pick<Meeting, 'startsAt' | 'timeZone'>, language: UiLanguage): string {
  return new Intl.DateTimeFormat(intlLocale(language), {
    dateStyle: 'full',
    timeStyle: 'short',
    timeZone: meeting.timeZone
  }).format(Date.parse(meeting.startsAt)) + ` (${zoneName(meeting, language)})`;
}

export function meetingDay(meeting: Pick<Meeting, 'startsAt' | 'timeZone'>, language: UiLanguage): string {
  return new Intl.DateTimeFormat(intlLocale(language), { dateStyle: 'medium', timeZone: meeting.timeZone }).format(Date.parse(meeting.startsAt));
}

function zoneName(meeting: Pick<Meeting, 'startsAt' | 'timeZone'>, language: UiLanguage): string {
  const part = new Intl.DateTimeFormat(intlLocale(language), { timeZone: meeting.timeZone, timeZoneName: 'short' })
    .formatToParts(Date.parse(meeting.startsAt))
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? meeting.timeZone;
}

/** "12:05" or "1:02:05" for elapsed time on the meeting-mode screen. */
export function clock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const mm = String(Math.floor((total % 3600) / 60)).padStart(h ? 2 : 1, '0');
  const ss = String(total % 60).padStart(2, '0');
  return h ? `${h}:${mm}:${ss}` : `${mm}:${ss}`;
}

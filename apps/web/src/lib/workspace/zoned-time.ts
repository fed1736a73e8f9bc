/**
 * Meetings are planned in a time zone (the venue's): a date and a wall-clock time there become
 * one instant, and back. Done with the platform's Intl (no time zone library): the zone's offset
 * at an instant is read from formatToParts, and a wall-clock time is resolved in two passes so
 * it lands right across daylight-saving changes.
 */

/** The zone's offset from UTC at `instant`, in milliseconds (e.g. -4 h for Toronto in summer). */
function offsetAt(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit'
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** `2026-03-14` + `18:30` in `America/Toronto` → the ISO instant (UTC); null for bad input. */
export function zonedToInstant(date: string, time: string, timeZone: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return null;
  const wall = Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]));
  try {
    let instant = wall - offsetAt(wall, timeZone);
    instant = wall - offsetAt(instant, timeZone);
    return new Date(instant).toISOString();
  } catch {
    return null;
  }
}

/** The date (YYYY-MM-DD) and time (HH:MM) an instant reads as in a zone, for forms. */
export function instantToZoned(iso: string, timeZone: string): { date: string; time: string } {
  const instant = Date.parse(iso);
  const local = new Date(instant + offsetAt(instant, timeZone));
  const iso2 = local.toISOString();
  return { date: iso2.slice(0, 10), time: iso2.slice(11, 16) };
}

/** This device's zone, the default for a new meeting. */
export function deviceTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'America/Toronto';
}

/** Zones offered for meetings: Canada's, plus the device's own if it is elsewhere. */
export const CANADIAN_TIME_ZONES = [
  'America/St_Johns',
  'America/Halifax',
  'America/Moncton',
  'America/Toronto',
  'America/Winnipeg',
  'America/Regina',
  'America/Edmonton',
  'America/Vancouver',
  'America/Whitehorse',
  'America/Yellowknife',
  'America/Iqaluit'
] as const;

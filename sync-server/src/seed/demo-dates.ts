/** Dates of the demo programme, relative to the day it is seeded, in the COPs' time zone. */

const DAY = 86_400_000;

/** YYYY-MM-DD of the day `days` from `now` (negative: in the past), in `timeZone`. */
export function dayFromNow(now: number, days: number, timeZone = 'America/Toronto'): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(now + days * DAY));
}

/**
 * The working day (Monday to Friday) `days` from `now`, moving further in the same direction
 * when that day is a weekend: the demo's meetings and due dates fall on days people work.
 */
export function workingDayFromNow(now: number, days: number, timeZone = 'America/Toronto'): string {
  for (let d = days; ; d += days < 0 ? -1 : 1) {
    const day = dayFromNow(now, d, timeZone);
    const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) return day;
  }
}

/** How far `timeZone` is ahead of UTC at `instant`, in milliseconds. */
function zoneOffset(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' })
      .formatToParts(new Date(instant))
      .map((p) => [p.type, Number(p.value)])
  ) as Record<string, number>;
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!) - instant;
}

/** The instant of a wall-clock time (HH:MM) on a day (YYYY-MM-DD) in `timeZone`. */
export function zonedInstant(day: string, time: string, timeZone: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const asUtc = Date.UTC(y, m - 1, d, hh, mm);
  // Twice: the first guess may sit on the other side of a daylight-saving change.
  const first = asUtc - zoneOffset(asUtc, timeZone);
  return asUtc - zoneOffset(first, timeZone);
}

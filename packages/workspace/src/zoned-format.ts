/**
 * How a moment reads to people in Canada, in a given time zone, in English (en-CA) or Canadian
 * French (fr-CA): the one place the app and the server's exports format a time of day, so both
 * write the same thing. Only the platform's Intl.
 *
 * Why not `timeStyle: 'short'`: in fr-CA it pads the hour ("09 h 30") and `hour: 'numeric'`
 * alone pads it too ("09 h"). Canadian French writes "9 h 30", "13 h" and "13 h 05" (the
 * Translation Bureau's guide: no zero before the hour, no ":00" after a full hour). So the hour
 * and minutes are asked for as fields (`hour: 'numeric'`, `minute: '2-digit'`) and, in French, a
 * full hour's "00" is dropped from the parts. English keeps Intl's "9:30 a.m.", "1:00 p.m.".
 */

export type DisplayLanguage = 'en' | 'fr';

const LOCALE: Record<DisplayLanguage, string> = { en: 'en-CA', fr: 'fr-CA' };

/** How much of the date goes with the time: none, "Mar 14, 2026" or "Saturday, March 14, 2026". */
export type DatePart = 'none' | 'medium' | 'full';

const DATE_FIELDS: Record<DatePart, Intl.DateTimeFormatOptions> = {
  none: {},
  medium: { year: 'numeric', month: 'short', day: 'numeric' },
  full: { weekday: 'long', year: 'numeric', month: 'long', day: 'numeric' }
};

/**
 * `instant` as people read it in `timeZone` (the device's zone when omitted): "9 h 30",
 * "samedi 14 mars 2026 à 13 h", "Saturday, March 14, 2026 at 1:00 p.m.".
 * Throws RangeError for an unknown zone or an invalid instant, as Intl does.
 */
export function formatZoned(instant: number | Date, language: DisplayLanguage, timeZone?: string, date: DatePart = 'none'): string {
  return joinParts(formatter(language, timeZone, date).formatToParts(instant), language);
}

/**
 * A span in one zone, shared parts written once: "jeudi 12 mars 2026, 13 h – 16 h 30",
 * "Thursday, March 12, 2026, 1:00 – 4:30 p.m.".
 */
export function formatZonedRange(start: number | Date, end: number | Date, language: DisplayLanguage, timeZone?: string, date: DatePart = 'none'): string {
  return joinParts(formatter(language, timeZone, date).formatRangeToParts(start, end), language);
}

function formatter(language: DisplayLanguage, timeZone: string | undefined, date: DatePart): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(LOCALE[language], { ...DATE_FIELDS[date], hour: 'numeric', minute: '2-digit', timeZone });
}

/** The parts as text; in French a full hour's minutes ("13 h 00") are dropped, leaving "13 h". */
function joinParts(parts: readonly Intl.DateTimeFormatPart[], language: DisplayLanguage): string {
  let text = '';
  for (const part of parts) {
    if (language === 'fr' && part.type === 'minute' && part.value === '00') text = text.trimEnd();
    else text += part.value;
  }
  return text;
}

/** A time of day only: "9 h 30", "13 h", "13 h 05" / "9:30 a.m.", "1:05 p.m.". */
export function formatTimeOfDay(instant: number | Date, language: DisplayLanguage, timeZone?: string): string {
  return formatZoned(instant, language, timeZone, 'none');
}

/**
 * The zone's name as it applies at `instant`, with its IANA id so nobody has to guess which
 * "Eastern" it is: "heure avancée de l’Est, America/Toronto", "Eastern Daylight Time, America/Toronto".
 * `style` 'long' spells it out (exports); 'short' gives "EDT" / "HAE" (screens).
 */
export function zoneLabel(instant: number | Date, language: DisplayLanguage, timeZone: string, style: 'long' | 'short' = 'long'): string {
  const name = new Intl.DateTimeFormat(LOCALE[language], { timeZone, timeZoneName: style })
    .formatToParts(instant)
    .find((p) => p.type === 'timeZoneName')?.value;
  if (style === 'short') return name ?? timeZone;
  return name && name !== timeZone ? `${name}, ${timeZone}` : timeZone;
}

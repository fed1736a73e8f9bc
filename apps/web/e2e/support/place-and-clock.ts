// Where and in which language the browser tests' Chromium believes it is. The config sets these
// on every context (`use.timezoneId`, `use.locale`), so a test's outcome never depends on the
// zone, the language or the locale of the machine that runs it; specs that compute an expected
// date in Node use the same zone through these helpers, never the Node process's own zone.

/** The zone every browser context runs in (a context may still choose another on purpose). */
export const E2E_TIME_ZONE = 'America/Toronto';
/** The browser language every context starts with (English; a French test asks for fr-CA). */
export const E2E_LOCALE = 'en-CA';

const DAY_MS = 86_400_000;

/** The calendar day (YYYY-MM-DD) an instant falls on in `timeZone` (en-CA writes ISO dates). */
export function dayIn(instant: number | Date, timeZone: string = E2E_TIME_ZONE): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/** The day `n` days from now in `timeZone`, as a date input takes it. */
export function dayInDays(n: number, timeZone: string = E2E_TIME_ZONE): string {
  return dayIn(Date.now() + n * DAY_MS, timeZone);
}

/** A long date ("Wednesday, December 2, 2026" / "mercredi 2 décembre 2026") as the app writes today's date. */
export function longDateIn(instant: number | Date, language: 'en' | 'fr', timeZone: string = E2E_TIME_ZONE): string {
  return new Intl.DateTimeFormat(language === 'fr' ? 'fr-CA' : 'en-CA', { dateStyle: 'full', timeZone }).format(instant);
}

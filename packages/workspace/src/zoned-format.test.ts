// Times of day read as people in Canada write them, in the zone asked for, whatever the zone or
// the locale of the machine running the test (every expectation names its zone).
import { describe, expect, it } from 'vitest';
import { formatTimeOfDay, formatZoned, formatZonedRange, zoneLabel } from './zoned-format';

const TORONTO = 'America/Toronto';
const at = (iso: string) => Date.parse(iso);

// en-CA puts a narrow no-break space (U+202F) before "a.m."/"p.m.", as Intl has since ICU 72.
describe('formatTimeOfDay', () => {
  it('writes Canadian French times without a padded hour or a full hour’s zeros ("9 h 30", "13 h", "13 h 05", never "09 h 30")', () => {
    expect(formatTimeOfDay(at('2026-03-14T13:30:00Z'), 'fr', TORONTO)).toBe('9 h 30');
    expect(formatTimeOfDay(at('2026-03-14T17:00:00Z'), 'fr', TORONTO)).toBe('13 h');
    expect(formatTimeOfDay(at('2026-03-14T17:05:00Z'), 'fr', TORONTO)).toBe('13 h 05');
    expect(formatTimeOfDay(at('2026-03-14T13:00:00Z'), 'fr', TORONTO)).toBe('9 h');
    expect(formatTimeOfDay(at('2026-03-15T04:00:00Z'), 'fr', TORONTO)).toBe('0 h');
  });

  it('writes English times as en-CA does ("9:30 a.m.", "1:00 p.m.")', () => {
    expect(formatTimeOfDay(at('2026-03-14T13:30:00Z'), 'en', TORONTO)).toBe('9:30\u202fa.m.');
    expect(formatTimeOfDay(at('2026-03-14T17:00:00Z'), 'en', TORONTO)).toBe('1:00\u202fp.m.');
    expect(formatTimeOfDay(at('2026-03-14T17:05:00Z'), 'en', TORONTO)).toBe('1:05\u202fp.m.');
  });

  it('reads the time in the zone it is given, not the machine’s (St. John’s is half an hour off)', () => {
    expect(formatTimeOfDay(at('2026-07-15T11:30:00Z'), 'fr', 'America/St_Johns')).toBe('9 h');
    expect(formatTimeOfDay(at('2026-07-15T11:30:00Z'), 'en', 'Pacific/Kiritimati')).toBe('1:30\u202fa.m.');
  });
});

describe('formatZoned', () => {
  it('puts the date and the time together in both languages, the full hour without zeros in French', () => {
    expect(formatZoned(at('2026-03-14T17:00:00Z'), 'fr', TORONTO, 'full')).toBe('samedi 14 mars 2026 à 13 h');
    expect(formatZoned(at('2026-03-14T13:30:00Z'), 'fr', TORONTO, 'full')).toBe('samedi 14 mars 2026 à 9 h 30');
    expect(formatZoned(at('2026-03-14T17:05:00Z'), 'fr', TORONTO, 'medium')).toBe('14 mars 2026, 13 h 05');
    expect(formatZoned(at('2026-03-14T17:00:00Z'), 'en', TORONTO, 'full')).toBe('Saturday, March 14, 2026 at 1:00\u202fp.m.');
    expect(formatZoned(at('2026-03-14T17:05:00Z'), 'en', TORONTO, 'medium')).toBe('Mar 14, 2026, 1:05\u202fp.m.');
  });

  it('gives the day the meeting’s zone is in, even when UTC is already on the next day', () => {
    expect(formatZoned(at('2026-03-15T01:30:00Z'), 'fr', TORONTO, 'full')).toBe('samedi 14 mars 2026 à 21 h 30');
  });

  it('refuses an unknown zone as Intl does (callers flag the value instead of printing nonsense)', () => {
    expect(() => formatZoned(at('2026-03-14T17:00:00Z'), 'fr', 'Mars/Olympus')).toThrow(RangeError);
  });
});

describe('formatZonedRange', () => {
  // Intl sets French spans' dash between thin spaces (U+2009), English ones without spaces.
  it('writes a span once per shared part, each full hour without zeros in French', () => {
    expect(formatZonedRange(at('2026-03-12T17:00:00Z'), at('2026-03-12T20:30:00Z'), 'fr', TORONTO, 'full')).toBe('jeudi 12 mars 2026, 13 h\u2009–\u200916 h 30');
    expect(formatZonedRange(at('2026-03-12T13:30:00Z'), at('2026-03-12T20:00:00Z'), 'fr', TORONTO, 'full')).toBe('jeudi 12 mars 2026, 9 h 30\u2009–\u200916 h');
    expect(formatZonedRange(at('2026-03-12T17:00:00Z'), at('2026-03-12T20:30:00Z'), 'en', TORONTO, 'full')).toBe('Thursday, March 12, 2026, 1:00–4:30\u202fp.m.');
  });
});

describe('zoneLabel', () => {
  it('names the zone as it applies that day, with its IANA id, in the language asked for', () => {
    expect(zoneLabel(at('2026-03-14T17:00:00Z'), 'fr', TORONTO)).toBe('heure avancée de l’Est, America/Toronto');
    expect(zoneLabel(at('2026-01-14T17:00:00Z'), 'fr', TORONTO)).toBe('heure normale de l’Est, America/Toronto');
    expect(zoneLabel(at('2026-03-14T17:00:00Z'), 'en', TORONTO)).toBe('Eastern Daylight Time, America/Toronto');
    expect(zoneLabel(at('2026-03-14T17:00:00Z'), 'en', TORONTO, 'short')).toBe('EDT');
  });
});

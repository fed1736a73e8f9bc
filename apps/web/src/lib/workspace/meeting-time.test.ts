// A meeting's start reads in the meeting's own zone, with the zone named, the Canadian way in
// both languages ("13 h", "9 h 30", never "09 h 30"), whatever the zone of the machine.
import { describe, expect, it } from 'vitest';
import { meetingWhen } from './meeting-time';

const meeting = (startsAt: string, timeZone = 'America/Toronto') => ({ startsAt, timeZone });

describe('meetingWhen', () => {
  it('writes a French meeting time without a padded hour or a full hour’s zeros, with the zone', () => {
    expect(meetingWhen(meeting('2026-03-14T13:30:00.000Z'), 'fr')).toBe('samedi 14 mars 2026 à 9 h 30 (HAE)');
    expect(meetingWhen(meeting('2026-03-14T17:00:00.000Z'), 'fr')).toBe('samedi 14 mars 2026 à 13 h (HAE)');
    expect(meetingWhen(meeting('2026-01-14T18:05:00.000Z'), 'fr')).toBe('mercredi 14 janvier 2026 à 13 h 05 (HNE)');
  });

  it('writes an English meeting time as en-CA does, with the zone', () => {
    expect(meetingWhen(meeting('2026-03-14T17:00:00.000Z'), 'en')).toBe('Saturday, March 14, 2026 at 1:00\u202fp.m. (EDT)');
    expect(meetingWhen(meeting('2026-07-15T11:30:00.000Z', 'America/St_Johns'), 'en')).toBe('Wednesday, July 15, 2026 at 9:00\u202fa.m. (NDT)');
  });
});

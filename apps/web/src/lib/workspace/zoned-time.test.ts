import { describe, expect, it } from 'vitest';
import { instantToZoned, zonedToInstant } from './zoned-time';

describe('zonedToInstant', () => {
  it('reads a wall-clock time in the meeting\'s zone, in winter and in summer', () => {
    expect(zonedToInstant('2026-01-15', '09:00', 'America/Toronto')).toBe('2026-01-15T14:00:00.000Z');
    expect(zonedToInstant('2026-07-15', '09:00', 'America/Toronto')).toBe('2026-07-15T13:00:00.000Z');
    expect(zonedToInstant('2026-07-15', '09:00', 'America/St_Johns')).toBe('2026-07-15T11:30:00.000Z');
    expect(zonedToInstant('2026-07-15', '09:00', 'America/Regina')).toBe('2026-07-15T15:00:00.000Z');
  });

  it('refuses malformed dates, times and zones', () => {
    expect(zonedToInstant('2026-7-15', '09:00', 'America/Toronto')).toBeNull();
    expect(zonedToInstant('2026-07-15', '9h', 'America/Toronto')).toBeNull();
    expect(zonedToInstant('2026-07-15', '09:00', 'Mars/Olympus')).toBeNull();
  });
});

describe('instantToZoned', () => {
  it('gives back the date and time that were entered', () => {
    for (const zone of ['America/Vancouver', 'America/Halifax', 'Europe/Paris']) {
      const iso = zonedToInstant('2026-11-01', '18:45', zone)!;
      expect(instantToZoned(iso, zone)).toEqual({ date: '2026-11-01', time: '18:45' });
    }
  });
});

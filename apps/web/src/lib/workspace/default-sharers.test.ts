import { describe, expect, it } from 'vitest';
import type { AttendanceStatus } from '@atelier/workspace';
import { defaultSharers } from './default-sharers';

const members = [
  { userId: 'fac', role: 'facilitator', participation: 'core' },
  { userId: 'core', role: 'member', participation: 'core' },
  { userId: 'broad', role: 'member', participation: 'broader' },
  { userId: 'obs', role: 'observer', participation: 'core' }
] as const;

describe('defaultSharers', () => {
  it('ticks the core group only: never an observer or a broader participant by default', () => {
    expect(defaultSharers(members, null)).toEqual({ userIds: ['fac', 'core'], basis: 'core' });
  });

  it('ticks the members present when the expense belongs to a meeting, broader participants included, observers not', () => {
    const attendance = new Map<string, AttendanceStatus>([
      ['core', 'present'],
      ['broad', 'present'],
      ['fac', 'regrets'],
      ['obs', 'present']
    ]);
    expect(defaultSharers(members, attendance)).toEqual({ userIds: ['core', 'broad'], basis: 'attendees' });
  });

  it('falls back to the core group for a meeting nobody checked in to', () => {
    expect(defaultSharers(members, new Map())).toEqual({ userIds: ['fac', 'core'], basis: 'core' });
  });
});

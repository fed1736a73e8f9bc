/**
 * Who is ticked in "shared among" before anyone changes it: the members present at the meeting
 * the expense belongs to (a broader participant who came shares the room they sat in), or — for
 * an expense of no meeting, or a meeting nobody checked in to — the core group. Observers are
 * never ticked by default, even when present, and broader participants only as attendees: each
 * shares a cost only when someone ticks them.
 */
import type { AttendanceStatus } from '@atelier/workspace';
import type { Member } from '$lib/api/types';

export type SharerDefault = 'attendees' | 'core';

export function defaultSharers(
  members: readonly Pick<Member, 'userId' | 'role' | 'participation'>[],
  attendance: ReadonlyMap<string, AttendanceStatus> | null
): { userIds: string[]; basis: SharerDefault } {
  const present = attendance ? members.filter((m) => m.role !== 'observer' && attendance.get(m.userId) === 'present') : [];
  if (present.length > 0) return { userIds: present.map((m) => m.userId), basis: 'attendees' };
  const core = members.filter((m) => m.role !== 'observer' && m.participation === 'core');
  return { userIds: core.map((m) => m.userId), basis: 'core' };
}

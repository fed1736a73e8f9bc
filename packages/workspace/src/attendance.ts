/**
 * Attendance per meeting and person: present, absent or regrets (sent apologies ahead). One key
 * per meeting and person, so two people marking attendance at once can never create duplicates;
 * the later mark wins.
 */
import type * as Y from 'yjs';
import { meetingsMap } from './meetings';
import { LOCAL_CHANGE, type ChangeOrigin } from './origin';
import { requireOneOf } from './validation-error';

export const ATTENDANCE_KEY = 'attendance';
export const ATTENDANCE_STATUSES = ['present', 'absent', 'regrets'] as const;
export type AttendanceStatus = (typeof ATTENDANCE_STATUSES)[number];

export function attendanceMap(doc: Y.Doc): Y.Map<string> {
  return doc.getMap(ATTENDANCE_KEY);
}

export function markAttendance(
  doc: Y.Doc,
  meetingId: string,
  userId: string,
  status: AttendanceStatus | null,
  origin: ChangeOrigin = LOCAL_CHANGE
) {
  if (!meetingsMap(doc).has(meetingId)) return;
  const key = `${meetingId}:${userId}`;
  const clean = status === null ? null : requireOneOf('status', status, ATTENDANCE_STATUSES);
  doc.transact(() => {
    if (clean === null) attendanceMap(doc).delete(key);
    else if (attendanceMap(doc).get(key) !== clean) attendanceMap(doc).set(key, clean);
  }, origin);
}

/** userId → status for one meeting (people not marked yet are absent from the map). */
export function readAttendance(doc: Y.Doc, meetingId: string): Map<string, AttendanceStatus> {
  const out = new Map<string, AttendanceStatus>();
  if (!meetingsMap(doc).has(meetingId)) return out;
  const prefix = `${meetingId}:`;
  for (const [key, value] of attendanceMap(doc).entries()) {
    if (key.startsWith(prefix) && (ATTENDANCE_STATUSES as readonly string[]).includes(value)) {
      out.set(key.slice(prefix.length), value as AttendanceStatus);
    }
  }
  return out;
}

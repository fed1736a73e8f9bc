/**
 * Meetings of a COP: title, start (an instant plus the time zone it was planned in), duration,
 * venue or online link. Each meeting is a Y.Map under
 * `meetings`, keyed by a stable id. Its agenda items, decisions and attendance live in root maps
 * of their own that name the meeting (agenda.ts, decisions.ts, attendance.ts).
 */
import * as Y from 'yjs';
import { newEntityId } from './ids';
import { LOCAL_CHANGE, type ChangeOrigin } from './origin';
import { deleteWithRecord } from './recently-deleted';
import { optionalText, requireText, WorkspaceValidationError } from './validation-error';

export const MEETINGS_KEY = 'meetings';

export interface Meeting {
  id: string;
  title: string;
  /** ISO 8601 instant (UTC). */
  startsAt: string;
  /** IANA zone the meeting was planned in, e.g. America/Toronto: times are shown in it. */
  timeZone: string;
  durationMinutes: number;
  venue: string;
  onlineLink: string;
  createdAt: number;
}

export type MeetingInput = Pick<Meeting, 'title' | 'startsAt' | 'timeZone'> &
  Partial<Pick<Meeting, 'durationMinutes' | 'venue' | 'onlineLink'>>;

export function meetingsMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap(MEETINGS_KEY);
}

export function meetingMap(doc: Y.Doc, meetingId: string): Y.Map<unknown> | undefined {
  const m = meetingsMap(doc).get(meetingId);
  return m instanceof Y.Map ? m : undefined;
}

/**
 * An ISO 8601 date-time with its offset (`2026-03-14T14:00:00Z`, `…-05:00`): what every client
 * writes. `Date.parse` alone would also take "March 1, 2026" or a bare date, which other
 * engines read differently or as another instant.
 */
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/i;

export function isIsoDateTime(value: unknown): value is string {
  return typeof value === 'string' && ISO_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value));
}

/** An IANA time zone this engine knows (checked through Intl, which throws on any other). */
export function isTimeZone(zone: unknown): zone is string {
  if (typeof zone !== 'string' || zone === '' || zone.length > 64) return false;
  try {
    new Intl.DateTimeFormat('en-CA', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function cleanInput(input: Partial<MeetingInput>): Partial<MeetingInput> {
  const out: Partial<MeetingInput> = {};
  if (input.title !== undefined) out.title = requireText('title', input.title, 200);
  if (input.startsAt !== undefined) {
    if (!isIsoDateTime(input.startsAt)) throw new WorkspaceValidationError('startsAt', 'must be a date and time');
    out.startsAt = new Date(Date.parse(input.startsAt)).toISOString();
  }
  if (input.timeZone !== undefined) {
    if (!isTimeZone(input.timeZone)) throw new WorkspaceValidationError('timeZone', 'must be a time zone like America/Toronto');
    out.timeZone = input.timeZone;
  }
  if (input.durationMinutes !== undefined) {
    if (!Number.isInteger(input.durationMinutes) || input.durationMinutes < 0 || input.durationMinutes > 24 * 60) {
      throw new WorkspaceValidationError('durationMinutes', 'must be a whole number of minutes up to 1440');
    }
    out.durationMinutes = input.durationMinutes;
  }
  if (input.venue !== undefined) out.venue = optionalText('venue', input.venue, 300);
  if (input.onlineLink !== undefined) {
    const link = optionalText('onlineLink', input.onlineLink, 500);
    if (link && !/^https?:\/\//i.test(link)) throw new WorkspaceValidationError('onlineLink', 'must start with https://');
    out.onlineLink = link;
  }
  return out;
}

export function createMeeting(doc: Y.Doc, input: MeetingInput, origin: ChangeOrigin = LOCAL_CHANGE): string {
  const clean = cleanInput(input);
  const id = newEntityId();
  doc.transact(() => {
    const m = new Y.Map<unknown>();
    meetingsMap(doc).set(id, m);
    m.set('title', clean.title);
    m.set('startsAt', clean.startsAt);
    m.set('timeZone', clean.timeZone);
    m.set('durationMinutes', clean.durationMinutes ?? 120);
    m.set('venue', clean.venue ?? '');
    m.set('onlineLink', clean.onlineLink ?? '');
    m.set('createdAt', Date.now());
  }, origin);
  return id;
}

export function updateMeeting(doc: Y.Doc, meetingId: string, patch: Partial<MeetingInput>, origin: ChangeOrigin = LOCAL_CHANGE) {
  const clean = cleanInput(patch);
  const m = meetingMap(doc, meetingId);
  if (!m) return;
  doc.transact(() => {
    for (const [k, v] of Object.entries(clean)) if (m.get(k) !== v) m.set(k, v);
  }, origin);
}

/**
 * Deletes a meeting. Its agenda items, decisions and attendance stop being listed at once (they
 * name a meeting that no longer exists); `sweepOrphans` in sweep.ts removes them for good.
 */
export function deleteMeeting(doc: Y.Doc, meetingId: string, origin: ChangeOrigin = LOCAL_CHANGE): string | null {
  return deleteWithRecord(doc, 'meeting', meetingId, origin);
}

const str = (m: Y.Map<unknown>, k: string, fallback = '') => (typeof m.get(k) === 'string' ? (m.get(k) as string) : fallback);
const num = (m: Y.Map<unknown>, k: string, fallback: number) => (typeof m.get(k) === 'number' ? (m.get(k) as number) : fallback);

export function readMeeting(doc: Y.Doc, meetingId: string): Meeting | undefined {
  const m = meetingMap(doc, meetingId);
  if (!m) return undefined;
  return {
    id: meetingId,
    title: str(m, 'title'),
    startsAt: str(m, 'startsAt', new Date(0).toISOString()),
    timeZone: str(m, 'timeZone', 'America/Toronto'),
    durationMinutes: num(m, 'durationMinutes', 120),
    venue: str(m, 'venue'),
    onlineLink: str(m, 'onlineLink'),
    createdAt: num(m, 'createdAt', 0)
  };
}

/** All meetings, soonest first (ties by id, so every replica lists them alike). */
export function listMeetings(doc: Y.Doc): Meeting[] {
  return [...meetingsMap(doc).keys()]
    .map((id) => readMeeting(doc, id)!)
    .sort((a, b) => (a.startsAt !== b.startsAt ? (a.startsAt < b.startsAt ? -1 : 1) : a.id < b.id ? -1 : 1));
}

/** The first meeting that has not ended yet at `now`. */
export function nextMeeting(doc: Y.Doc, now = Date.now()): Meeting | undefined {
  return listMeetings(doc).find((m) => Date.parse(m.startsAt) + m.durationMinutes * 60_000 >= now);
}

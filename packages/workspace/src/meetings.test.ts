import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addActionItem,
  addAgendaItem,
  createMeeting,
  createMeetingFromTemplate,
  listAgenda,
  listMeetings,
  nextMeeting,
  readMeeting,
  readMeetingMode,
  rolledForwardActionItems,
  stepCurrentItem,
  updateActionItem,
  updateMeeting,
  WorkspaceValidationError
} from './index';

const at = (iso: string) => ({ title: 'Session', startsAt: iso, timeZone: 'America/Toronto' });

describe('meetings', () => {
  it('are listed soonest first, and the next one is the first not yet over', () => {
    const doc = new Y.Doc();
    const late = createMeeting(doc, at('2026-06-01T14:00:00Z'));
    const early = createMeeting(doc, at('2026-03-01T14:00:00Z'));
    expect(listMeetings(doc).map((m) => m.id)).toEqual([early, late]);
    expect(nextMeeting(doc, Date.parse('2026-04-01T00:00:00Z'))?.id).toBe(late);
    // A meeting under way (started, not ended) is still the next one.
    expect(nextMeeting(doc, Date.parse('2026-03-01T15:00:00Z'))?.id).toBe(early);
  });

  it('refuse invalid input with the field named, writing nothing', () => {
    const doc = new Y.Doc();
    expect(() => createMeeting(doc, { ...at('2026-03-01T14:00:00Z'), title: '   ' })).toThrow(WorkspaceValidationError);
    expect(() => createMeeting(doc, { ...at('not a date') })).toThrow(/^startsAt:/);
    expect(() => createMeeting(doc, { ...at('2026-03-01T14:00:00Z'), timeZone: 'Mars/Olympus' })).toThrow(/^timeZone:/);
    expect(() => createMeeting(doc, { ...at('2026-03-01T14:00:00Z'), onlineLink: 'javascript:alert(1)' })).toThrow(/^onlineLink:/);
    expect(listMeetings(doc)).toEqual([]);
    const id = createMeeting(doc, at('2026-03-01T14:00:00Z'));
    expect(() => updateMeeting(doc, id, { durationMinutes: -5 })).toThrow(/^durationMinutes:/);
  });

  it('refuse a start that is not an ISO date-time with its offset, and a time zone Intl does not know (values that made exports fail)', () => {
    const doc = new Y.Doc();
    for (const loose of ['March 1, 2026 10:00', '2026-03-01', '2026-03-01 14:00', '2026-13-01T14:00:00Z', '2026-03-01T14:00:00']) {
      expect(() => createMeeting(doc, at(loose)), loose).toThrow(/^startsAt:/);
    }
    for (const zone of ['', 'Mars/Olympus', 'America/Toronto\nX', 42 as unknown as string, 'x'.repeat(65)]) {
      expect(() => createMeeting(doc, { ...at('2026-03-01T14:00:00Z'), timeZone: zone }), String(zone)).toThrow(/^timeZone:/);
    }
    const id = createMeeting(doc, at('2026-03-01T09:00:00-05:00'));
    expect(readMeeting(doc, id)?.startsAt).toBe('2026-03-01T14:00:00.000Z');
    expect(() => updateMeeting(doc, id, { startsAt: 'tomorrow' })).toThrow(/^startsAt:/);
    expect(() => updateMeeting(doc, id, { timeZone: 'Nowhere/Land' })).toThrow(/^timeZone:/);
    expect(readMeeting(doc, id)).toMatchObject({ startsAt: '2026-03-01T14:00:00.000Z', timeZone: 'America/Toronto' });
  });

  it('can be created from a previous one: same place and agenda, fresh notes', () => {
    const doc = new Y.Doc();
    const march = createMeeting(doc, { ...at('2026-03-14T14:00:00Z'), venue: 'Hall B', durationMinutes: 150 });
    addAgendaItem(doc, march, { title: 'Welcome', plannedMinutes: 10, presenter: 'u1' });
    addAgendaItem(doc, march, { title: 'Review', plannedMinutes: 45 });
    const april = createMeetingFromTemplate(doc, march, { title: 'April session', startsAt: '2026-04-11T14:00:00Z' })!;
    expect(listMeetings(doc).find((m) => m.id === april)).toMatchObject({ venue: 'Hall B', durationMinutes: 150, timeZone: 'America/Toronto' });
    expect(listAgenda(doc, april).map((i) => [i.title, i.presenter, i.plannedMinutes, i.notes])).toEqual([
      ['Welcome', 'u1', 10, ''],
      ['Review', '', 45, '']
    ]);
    expect(listAgenda(doc, april)[0]!.id).not.toBe(listAgenda(doc, march)[0]!.id);
  });

  it('roll forward open action items from earlier meetings, not done ones or later ones', () => {
    const doc = new Y.Doc();
    const march = createMeeting(doc, at('2026-03-14T14:00:00Z'));
    const april = createMeeting(doc, at('2026-04-11T14:00:00Z'));
    const open = addActionItem(doc, { what: 'Draft the protocol', ownerId: 'u1', meetingId: march });
    const done = addActionItem(doc, { what: 'Book the room', ownerId: 'u2', meetingId: march });
    updateActionItem(doc, done, { status: 'done' });
    addActionItem(doc, { what: 'Raised in April', meetingId: april });
    expect(rolledForwardActionItems(doc, april).map((a) => a.id)).toEqual([open]);
    expect(rolledForwardActionItems(doc, march)).toEqual([]);
  });

  it('meeting mode steps through the agenda and stays within it', () => {
    const doc = new Y.Doc();
    const m = createMeeting(doc, at('2026-03-14T14:00:00Z'));
    const [a, b] = [addAgendaItem(doc, m, { title: 'A' }), addAgendaItem(doc, m, { title: 'B' })];
    stepCurrentItem(doc, m, 1, undefined, 1000);
    expect(readMeetingMode(doc, m)).toEqual({ currentItemId: a, startedAt: 1000 });
    stepCurrentItem(doc, m, 1, undefined, 2000);
    stepCurrentItem(doc, m, 1, undefined, 3000);
    expect(readMeetingMode(doc, m)).toEqual({ currentItemId: b, startedAt: 2000 });
    stepCurrentItem(doc, m, -1, undefined, 4000);
    expect(readMeetingMode(doc, m).currentItemId).toBe(a);
  });
});

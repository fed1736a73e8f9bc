import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addAgendaItem,
  addDecision,
  addExpense,
  agendaItemText,
  createMeeting,
  deleteAgendaItem,
  deleteExpense,
  deleteMeeting,
  listAgenda,
  listDecisions,
  listExpenses,
  listMeetings,
  listRecentlyDeleted,
  markAttendance,
  pruneRecentlyDeleted,
  readAttendance,
  refusedWorkspaceChange,
  restoreDeleted,
  setDeletionAuthor
} from './index';

function meetingWithEverything() {
  const doc = new Y.Doc();
  setDeletionAuthor(doc, { userId: 'fac', name: 'Geneviève Lavoie' });
  const meetingId = createMeeting(doc, { title: 'Séance de mars', startsAt: '2026-03-10T13:00:00-04:00', timeZone: 'America/Toronto' });
  const itemId = addAgendaItem(doc, meetingId, { title: 'Cadre' })!;
  agendaItemText(doc, meetingId, itemId, 'minutes')!.insert(0, 'Le cadre est adopté.');
  addDecision(doc, { meetingId, agendaItemId: itemId, text: 'Adopter le cadre' });
  markAttendance(doc, meetingId, 'mem', 'present');
  return { doc, meetingId, itemId };
}

describe('recently deleted', () => {
  it('brings back a deleted meeting with its agenda, minutes, decisions and attendance (a deletion left no way back)', () => {
    const { doc, meetingId, itemId } = meetingWithEverything();
    const before = { agenda: listAgenda(doc, meetingId), decisions: listDecisions(doc, meetingId) };
    deleteMeeting(doc, meetingId, undefined);
    expect(listMeetings(doc)).toEqual([]);
    const [entry] = listRecentlyDeleted(doc);
    expect(entry).toMatchObject({ kind: 'meeting', entityId: meetingId, label: 'Séance de mars', deletedBy: { userId: 'fac', name: 'Geneviève Lavoie' } });
    expect(restoreDeleted(doc, entry!.id)).toBe(true);
    expect(listMeetings(doc).map((m) => m.title)).toEqual(['Séance de mars']);
    expect(listAgenda(doc, meetingId)).toEqual(before.agenda);
    expect(agendaItemText(doc, meetingId, itemId, 'minutes')!.toString()).toBe('Le cadre est adopté.');
    expect(listDecisions(doc, meetingId)).toEqual(before.decisions);
    expect(readAttendance(doc, meetingId).get('mem')).toBe('present');
    expect(listRecentlyDeleted(doc)).toEqual([]);
  });

  it('restores an agenda item with its minutes as a text others can keep typing into, on every replica', () => {
    const { doc, meetingId, itemId } = meetingWithEverything();
    deleteAgendaItem(doc, meetingId, itemId);
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    restoreDeleted(other, listRecentlyDeleted(other)[0]!.id);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
    agendaItemText(doc, meetingId, itemId, 'minutes')!.insert(20, ' Unanimité.');
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    expect(agendaItemText(other, meetingId, itemId, 'minutes')!.toString()).toBe('Le cadre est adopté. Unanimité.');
  });

  it('restores an expense with its sharers, and lets its author undo their own deletion through the server rules', () => {
    const doc = new Y.Doc();
    const id = addExpense(doc, { what: 'Salle', category: 'venue', amountCents: 12_000, paidBy: 'mem', sharedAmong: ['mem', 'fac'], date: '2026-03-10', createdBy: 'mem' });
    const before = listExpenses(doc);
    deleteExpense(doc, id);
    const server = new Y.Doc();
    Y.applyUpdate(server, Y.encodeStateAsUpdate(doc));
    const sv = Y.encodeStateVector(doc);
    restoreDeleted(doc, listRecentlyDeleted(doc)[0]!.id);
    expect(listExpenses(doc)).toEqual(before);
    expect(refusedWorkspaceChange(server, Y.encodeStateAsUpdate(doc, sv), { userId: 'mem', runsMeetings: false })).toBeNull();
  });

  it('lists each thing once even when two devices deleted it offline, and forgets it after 30 days', () => {
    const { doc, meetingId } = meetingWithEverything();
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    deleteMeeting(doc, meetingId);
    deleteMeeting(other, meetingId);
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other));
    expect(listRecentlyDeleted(doc)).toHaveLength(1);
    const later = Date.now() + 31 * 86_400_000;
    expect(listRecentlyDeleted(doc, later)).toEqual([]);
    expect(pruneRecentlyDeleted(doc, later)).toBe(2);
  });
});

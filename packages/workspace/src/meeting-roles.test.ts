// The workspace rules the server applies to every update from someone who does not run meetings,
// on real Yjs documents: what a member's device sends is checked against the server's replica.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addActionItem,
  addAgendaItem,
  addDecision,
  addExpense,
  agendaItemText,
  createMeeting,
  deleteAgendaItem,
  deleteExpense,
  deleteMeeting,
  markAttendance,
  refusedWorkspaceChange,
  setCurrentItem,
  updateExpense,
  updateMeeting,
  type WorkspaceActor
} from './index';

const facilitator: WorkspaceActor = { userId: 'fac', runsMeetings: true };
const member: WorkspaceActor = { userId: 'mem', runsMeetings: false };

/** The server's replica with a meeting, an agenda item and an expense of the facilitator's. */
function room() {
  const server = new Y.Doc();
  const meetingId = createMeeting(server, { title: 'Séance de mars', startsAt: '2026-03-10T13:00:00-04:00', timeZone: 'America/Toronto' });
  const itemId = addAgendaItem(server, meetingId, { title: 'Cadre' })!;
  const expenseId = addExpense(server, { what: 'Salle', category: 'venue', amountCents: 12_000, paidBy: 'fac', sharedAmong: ['fac', 'mem'], date: '2026-03-10', createdBy: 'fac' });
  return { server, meetingId, itemId, expenseId };
}

/** What a member's device sends after `change` on its own replica of the server's document. */
function sent(server: Y.Doc, change: (device: Y.Doc) => void): Uint8Array {
  const device = new Y.Doc();
  Y.applyUpdate(device, Y.encodeStateAsUpdate(server));
  const before = Y.encodeStateVector(device);
  change(device);
  return Y.encodeStateAsUpdate(device, before);
}

describe('refusedWorkspaceChange', () => {
  it('refuses a member who deletes a meeting, deletes an agenda item or moves the current item', () => {
    const { server, meetingId, itemId } = room();
    expect(refusedWorkspaceChange(server, sent(server, (d) => deleteMeeting(d, meetingId)), member)?.reason).toBe('delete-meeting');
    expect(refusedWorkspaceChange(server, sent(server, (d) => deleteAgendaItem(d, meetingId, itemId)), member)?.reason).toBe('delete-agenda-item');
    expect(refusedWorkspaceChange(server, sent(server, (d) => setCurrentItem(d, meetingId, itemId)), member)?.reason).toBe('run-meeting');
  });

  it("refuses a member who marks someone else's attendance, and lets them mark their own", () => {
    const { server, meetingId } = room();
    expect(refusedWorkspaceChange(server, sent(server, (d) => markAttendance(d, meetingId, 'fac', 'present')), member)?.reason).toBe('others-attendance');
    expect(refusedWorkspaceChange(server, sent(server, (d) => markAttendance(d, meetingId, 'mem', 'present')), member)).toBeNull();
  });

  it("refuses a member who deletes or edits another person's expense, and lets them change their own", () => {
    const { server, expenseId } = room();
    expect(refusedWorkspaceChange(server, sent(server, (d) => deleteExpense(d, expenseId)), member)?.reason).toBe('others-expense');
    expect(refusedWorkspaceChange(server, sent(server, (d) => updateExpense(d, expenseId, { amountCents: 1 })), member)?.reason).toBe('others-expense');
    const mine = addExpense(server, { what: 'Café', category: 'other', amountCents: 900, paidBy: 'mem', sharedAmong: ['mem'], date: '2026-03-10', createdBy: 'mem' });
    expect(refusedWorkspaceChange(server, sent(server, (d) => updateExpense(d, mine, { amountCents: 1_000 })), member)).toBeNull();
    expect(refusedWorkspaceChange(server, sent(server, (d) => deleteExpense(d, mine)), member)).toBeNull();
  });

  it("refuses a member who edits the sharers or meeting of another person's expense, and lets them edit their own", () => {
    const { server, expenseId, meetingId } = room();
    expect(refusedWorkspaceChange(server, sent(server, (d) => updateExpense(d, expenseId, { sharedAmong: ['mem'] })), member)?.reason).toBe('others-expense');
    expect(refusedWorkspaceChange(server, sent(server, (d) => updateExpense(d, expenseId, { meetingId })), member)?.reason).toBe('others-expense');
    const mine = addExpense(server, { what: 'Café', category: 'other', amountCents: 900, paidBy: 'mem', sharedAmong: ['mem'], date: '2026-03-10', createdBy: 'mem' });
    const edit = { what: 'Café et muffins', amountCents: 1_500, sharedAmong: ['mem', 'fac'], meetingId, date: '2026-03-11' };
    expect(refusedWorkspaceChange(server, sent(server, (d) => updateExpense(d, mine, edit)), member)).toBeNull();
  });

  it('refuses a new expense that names someone else as its author', () => {
    const { server } = room();
    const forged = sent(server, (d) => addExpense(d, { what: 'Forged', category: 'other', amountCents: 100, paidBy: 'fac', sharedAmong: ['mem'], date: '2026-03-10', createdBy: 'fac' }));
    expect(refusedWorkspaceChange(server, forged, member)?.reason).toBe('others-expense');
    const honest = sent(server, (d) => addExpense(d, { what: 'Taxi', category: 'other', amountCents: 100, paidBy: 'fac', sharedAmong: ['mem'], date: '2026-03-10', createdBy: 'mem' }));
    expect(refusedWorkspaceChange(server, honest, member)).toBeNull();
  });

  it('lets a member plan, add agenda items, take minutes and capture decisions and actions', () => {
    const { server, meetingId, itemId } = room();
    const update = sent(server, (d) => {
      const next = createMeeting(d, { title: 'Séance d’avril', startsAt: '2026-04-14T13:00:00-04:00', timeZone: 'America/Toronto' });
      addAgendaItem(d, next, { title: 'Bilan' });
      updateMeeting(d, meetingId, { venue: 'Salle 2' });
      agendaItemText(d, meetingId, itemId, 'minutes')!.insert(0, 'Geneviève : le cadre est adopté.');
      addDecision(d, { meetingId, agendaItemId: itemId, text: 'Adopter le cadre' });
      addActionItem(d, { meetingId, what: 'Envoyer le compte rendu', ownerId: 'mem' });
    });
    expect(refusedWorkspaceChange(server, update, member)).toBeNull();
  });

  it('judges minutes typed in many small updates, each placed by its left neighbour', () => {
    const { server, meetingId, itemId } = room();
    const device = new Y.Doc();
    Y.applyUpdate(device, Y.encodeStateAsUpdate(server));
    device.on('update', (update: Uint8Array) => {
      expect(refusedWorkspaceChange(server, update, member)).toBeNull();
      Y.applyUpdate(server, update);
    });
    const minutes = agendaItemText(device, meetingId, itemId, 'minutes')!;
    for (const ch of 'Le cadre est adopté.') minutes.insert(minutes.length, ch);
    minutes.delete(0, 3);
    expect(agendaItemText(server, meetingId, itemId, 'minutes')!.toString()).toBe('cadre est adopté.');
  });

  it('lets a member clear out the agenda and attendance of a meeting already deleted', () => {
    const { server, meetingId, itemId } = room();
    markAttendance(server, meetingId, 'fac', 'present');
    const device = new Y.Doc();
    Y.applyUpdate(device, Y.encodeStateAsUpdate(server));
    deleteMeeting(server, meetingId);
    Y.applyUpdate(device, Y.encodeStateAsUpdate(server));
    const before = Y.encodeStateVector(device);
    device.transact(() => {
      device.getMap('agendaItems').delete(itemId);
      device.getMap('attendance').delete(`${meetingId}:fac`);
    });
    expect(refusedWorkspaceChange(server, Y.encodeStateAsUpdate(device, before), member)).toBeNull();
  });

  it('lets the facilitator do all of it, and refuses an update it cannot place for a member', () => {
    const { server, meetingId } = room();
    expect(refusedWorkspaceChange(server, sent(server, (d) => deleteMeeting(d, meetingId)), facilitator)).toBeNull();
    // A change to structs the server has never seen would wait, pending: not judged, refused.
    const elsewhere = new Y.Doc();
    elsewhere.getMap('meetings').set('x', new Y.Map());
    const later = new Y.Doc();
    Y.applyUpdate(later, Y.encodeStateAsUpdate(elsewhere));
    const before = Y.encodeStateVector(later);
    (later.getMap('meetings').get('x') as Y.Map<unknown>).set('currentItemId', 'i');
    expect(refusedWorkspaceChange(server, Y.encodeStateAsUpdate(later, before), member)?.reason).toBe('unplaceable');
  });
});

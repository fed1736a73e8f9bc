// Property tests: random operations on three replicas, delivered in random order and partially,
// must converge to the same workspace and keep every invariant of the model on every replica.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  addActionItem,
  addLibraryLink,
  deleteLibraryItem,
  linkedLibraryItems,
  linkLibraryItem,
  listLibrary,
  setLibraryTag,
  addAgendaItem,
  addDecision,
  addExpense,
  agendaItemText,
  ATTENDANCE_STATUSES,
  createMeeting,
  deleteActionItem,
  deleteAgendaItem,
  deleteExpense,
  deleteMeeting,
  listActionItems,
  listAgenda,
  listDecisions,
  listExpenses,
  listMeetings,
  markAttendance,
  migrateWorkspace,
  moveAgendaItem,
  netBalances,
  readAttendance,
  readMeetingMode,
  readProfiles,
  setCurrentItem,
  setSharer,
  settle,
  stepCurrentItem,
  sweepOrphans,
  updateActionItem,
  updateAgendaItem,
  updateProfile,
  type Meeting
} from './index';
import { byOrder } from './order-keys';

const USERS = ['u1', 'u2', 'u3', 'u4', 'u5'];

type Op =
  | { kind: 'addItem'; r: number; m: number; title: string; at: number | null }
  | { kind: 'moveItem'; r: number; m: number; i: number; to: number }
  | { kind: 'deleteItem'; r: number; m: number; i: number }
  | { kind: 'renameItem'; r: number; m: number; i: number; title: string }
  | { kind: 'typeNotes'; r: number; m: number; i: number; pos: number; text: string }
  | { kind: 'decide'; r: number; m: number; i: number | null; text: string }
  | { kind: 'attend'; r: number; m: number; u: number; status: number | null }
  | { kind: 'addAction'; r: number; m: number | null; i: number | null; u: number }
  | { kind: 'toggleAction'; r: number; a: number }
  | { kind: 'deleteAction'; r: number; a: number }
  | { kind: 'addExpense'; r: number; cents: number; payer: number; sharers: number[] }
  | { kind: 'share'; r: number; e: number; u: number; on: boolean }
  | { kind: 'deleteExpense'; r: number; e: number }
  | { kind: 'addMeeting'; r: number; day: number }
  | { kind: 'deleteMeeting'; r: number; m: number }
  | { kind: 'current'; r: number; m: number; i: number | null }
  | { kind: 'step'; r: number; m: number; dir: 1 | -1 }
  | { kind: 'profile'; r: number; u: number; org: string }
  | { kind: 'sweep'; r: number }
  | { kind: 'addLink'; r: number; title: string }
  | { kind: 'tag'; r: number; l: number; tag: string; on: boolean }
  | { kind: 'deleteLink'; r: number; l: number }
  | { kind: 'linkToItem'; r: number; l: number; m: number; i: number; on: boolean }
  | { kind: 'sync'; from: number; to: number };

const r = fc.integer({ min: 0, max: 2 });
const idx = fc.nat({ max: 9 });
const word = fc.string({ minLength: 1, maxLength: 6, unit: fc.constantFrom('a', 'b', 'é', ' ', 'Z', '1') }).filter((s) => s.trim() !== '');

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('addItem' as const), r, m: idx, title: word, at: fc.option(idx, { nil: null }) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('moveItem' as const), r, m: idx, i: idx, to: idx }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('deleteItem' as const), r, m: idx, i: idx }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('renameItem' as const), r, m: idx, i: idx, title: word }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('typeNotes' as const), r, m: idx, i: idx, pos: idx, text: word }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('decide' as const), r, m: idx, i: fc.option(idx, { nil: null }), text: word }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('attend' as const), r, m: idx, u: idx, status: fc.option(fc.nat({ max: 2 }), { nil: null }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('addAction' as const), r, m: fc.option(idx, { nil: null }), i: fc.option(idx, { nil: null }), u: idx }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('toggleAction' as const), r, a: idx }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deleteAction' as const), r, a: idx }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('addExpense' as const),
      r,
      cents: fc.integer({ min: 1, max: 500_000 }),
      payer: idx,
      sharers: fc.array(idx, { minLength: 1, maxLength: 5 })
    })
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('share' as const), r, e: idx, u: idx, on: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deleteExpense' as const), r, e: idx }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('addMeeting' as const), r, day: fc.nat({ max: 60 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deleteMeeting' as const), r, m: idx }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('current' as const), r, m: idx, i: fc.option(idx, { nil: null }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('step' as const), r, m: idx, dir: fc.constantFrom(1 as const, -1 as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('profile' as const), r, u: idx, org: word }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('sweep' as const), r }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('addLink' as const), r, title: word }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('tag' as const), r, l: idx, tag: fc.constantFrom('deck', 'guide', 'fr'), on: fc.boolean() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('deleteLink' as const), r, l: idx }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('linkToItem' as const), r, l: idx, m: idx, i: idx, on: fc.boolean() }) },
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('sync' as const), from: r, to: r }) }
);

const pick = <T>(list: readonly T[], i: number): T | undefined => (list.length ? list[i % list.length] : undefined);
const user = (u: number) => USERS[u % USERS.length]!;

function sync(from: Y.Doc, to: Y.Doc) {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
}

function apply(docs: Y.Doc[], op: Op) {
  if (op.kind === 'sync') return sync(docs[op.from]!, docs[op.to]!);
  const doc = docs[op.r]!;
  const meeting = (m: number): Meeting | undefined => pick(listMeetings(doc), m);
  const item = (m: number, i: number) => {
    const mt = meeting(m);
    return mt ? { meetingId: mt.id, item: pick(listAgenda(doc, mt.id), i) } : undefined;
  };
  switch (op.kind) {
    case 'addItem': {
      const mt = meeting(op.m);
      if (mt) addAgendaItem(doc, mt.id, { title: op.title, plannedMinutes: 10 }, undefined, op.at ?? undefined);
      return;
    }
    case 'moveItem': {
      const t = item(op.m, op.i);
      if (t?.item) moveAgendaItem(doc, t.meetingId, t.item.id, op.to);
      return;
    }
    case 'deleteItem': {
      const t = item(op.m, op.i);
      if (t?.item) deleteAgendaItem(doc, t.meetingId, t.item.id);
      return;
    }
    case 'renameItem': {
      const t = item(op.m, op.i);
      if (t?.item) updateAgendaItem(doc, t.meetingId, t.item.id, { title: op.title });
      return;
    }
    case 'typeNotes': {
      const t = item(op.m, op.i);
      const text = t?.item && agendaItemText(doc, t.meetingId, t.item.id, 'notes');
      if (text) doc.transact(() => text.insert(Math.min(op.pos, text.length), op.text));
      return;
    }
    case 'decide': {
      const mt = meeting(op.m);
      if (!mt) return;
      const it = op.i === null ? undefined : pick(listAgenda(doc, mt.id), op.i);
      addDecision(doc, { meetingId: mt.id, agendaItemId: it?.id ?? null, text: op.text });
      return;
    }
    case 'attend': {
      const mt = meeting(op.m);
      if (mt) markAttendance(doc, mt.id, user(op.u), op.status === null ? null : ATTENDANCE_STATUSES[op.status]!);
      return;
    }
    case 'addAction': {
      const mt = op.m === null ? undefined : meeting(op.m);
      const it = mt && op.i !== null ? pick(listAgenda(doc, mt.id), op.i) : undefined;
      addActionItem(doc, { what: 'Follow up', ownerId: user(op.u), meetingId: mt?.id ?? null, agendaItemId: it?.id ?? null, dueDate: '2026-12-01' });
      return;
    }
    case 'toggleAction': {
      const a = pick(listActionItems(doc), op.a);
      if (a) updateActionItem(doc, a.id, { status: a.status === 'open' ? 'done' : 'open' });
      return;
    }
    case 'deleteAction': {
      const a = pick(listActionItems(doc), op.a);
      if (a) deleteActionItem(doc, a.id);
      return;
    }
    case 'addExpense':
      addExpense(doc, {
        what: 'Room',
        category: 'venue',
        amountCents: op.cents,
        paidBy: user(op.payer),
        sharedAmong: op.sharers.map(user),
        date: '2026-11-20'
      });
      return;
    case 'share': {
      const e = pick(listExpenses(doc), op.e);
      if (e) setSharer(doc, e.id, user(op.u), op.on);
      return;
    }
    case 'deleteExpense': {
      const e = pick(listExpenses(doc), op.e);
      if (e) deleteExpense(doc, e.id);
      return;
    }
    case 'addMeeting':
      createMeeting(doc, { title: 'Session', startsAt: new Date(Date.UTC(2026, 10, 1 + op.day, 14)).toISOString(), timeZone: 'America/Toronto' });
      return;
    case 'deleteMeeting': {
      const mt = meeting(op.m);
      if (mt && listMeetings(doc).length > 1) deleteMeeting(doc, mt.id);
      return;
    }
    case 'current': {
      const mt = meeting(op.m);
      if (!mt) return;
      const it = op.i === null ? undefined : pick(listAgenda(doc, mt.id), op.i);
      setCurrentItem(doc, mt.id, it?.id ?? null);
      return;
    }
    case 'step': {
      const mt = meeting(op.m);
      if (mt) stepCurrentItem(doc, mt.id, op.dir);
      return;
    }
    case 'profile':
      updateProfile(doc, user(op.u), { organisation: op.org, orderOfGovernment: 'municipal' });
      return;
    case 'sweep':
      sweepOrphans(doc);
      return;
    case 'addLink':
      addLibraryLink(doc, { title: op.title, url: 'https://example.ca/doc', addedBy: 'u1' });
      return;
    case 'tag': {
      const l = pick(listLibrary(doc), op.l);
      if (l) setLibraryTag(doc, l.id, op.tag, op.on);
      return;
    }
    case 'deleteLink': {
      const l = pick(listLibrary(doc), op.l);
      if (l) deleteLibraryItem(doc, l.id);
      return;
    }
    case 'linkToItem': {
      const l = pick(listLibrary(doc), op.l);
      const t = item(op.m, op.i);
      if (l && t?.item) linkLibraryItem(doc, 'agendaItem', t.item.id, l.id, op.on);
      return;
    }
  }
}

/** Everything a person can see of the workspace, in a comparable form. */
function view(doc: Y.Doc) {
  return {
    meetings: listMeetings(doc).map((m) => ({
      ...m,
      agenda: listAgenda(doc, m.id),
      decisions: listDecisions(doc, m.id),
      attendance: [...readAttendance(doc, m.id)].sort(),
      mode: readMeetingMode(doc, m.id)
    })),
    actions: listActionItems(doc),
    expenses: listExpenses(doc),
    roster: [...readProfiles(doc)].sort(),
    library: listLibrary(doc),
    links: listMeetings(doc).flatMap((m) => listAgenda(doc, m.id).map((i) => linkedLibraryItems(doc, 'agendaItem', i.id).map((l) => l.id)))
  };
}

function checkInvariants(doc: Y.Doc) {
  const meetings = listMeetings(doc);
  expect(new Set(meetings.map((m) => m.id)).size).toBe(meetings.length);
  const allItems = new Set<string>();
  for (const m of meetings) {
    const agenda = listAgenda(doc, m.id);
    // No duplicates, a stable total order, valid fields.
    expect(new Set(agenda.map((i) => i.id)).size).toBe(agenda.length);
    expect([...agenda].sort(byOrder)).toEqual(agenda);
    for (const i of agenda) {
      expect(allItems.has(i.id)).toBe(false);
      allItems.add(i.id);
      expect(i.title.trim()).not.toBe('');
      expect(Number.isInteger(i.plannedMinutes) && i.plannedMinutes >= 0).toBe(true);
    }
    const ids = new Set(agenda.map((i) => i.id));
    // No orphans: references point at live items of the same meeting, or at nothing.
    for (const d of listDecisions(doc, m.id)) expect(d.agendaItemId === null || ids.has(d.agendaItemId)).toBe(true);
    const mode = readMeetingMode(doc, m.id);
    expect(mode.currentItemId === null || ids.has(mode.currentItemId)).toBe(true);
    for (const status of readAttendance(doc, m.id).values()) expect(ATTENDANCE_STATUSES).toContain(status);
  }
  const meetingIds = new Set(meetings.map((m) => m.id));
  for (const a of listActionItems(doc)) {
    expect(a.meetingId === null || meetingIds.has(a.meetingId)).toBe(true);
    expect(a.agendaItemId === null || (a.meetingId !== null && listAgenda(doc, a.meetingId).some((i) => i.id === a.agendaItemId))).toBe(true);
    expect(['open', 'done']).toContain(a.status);
  }
  const expenses = listExpenses(doc);
  for (const e of expenses) {
    expect(Number.isSafeInteger(e.amountCents) && e.amountCents > 0).toBe(true);
    expect(e.sharedAmong.length).toBeGreaterThan(0);
    expect(new Set(e.sharedAmong).size).toBe(e.sharedAmong.length);
  }
  const library = listLibrary(doc);
  expect(new Set(library.map((l) => l.id)).size).toBe(library.length);
  for (const l of library) expect(new Set(l.tags).size).toBe(l.tags.length);
  for (const m of meetings) {
    for (const i of listAgenda(doc, m.id)) {
      for (const linked of linkedLibraryItems(doc, 'agendaItem', i.id)) expect(library.some((l) => l.id === linked.id)).toBe(true);
    }
  }
  // Money: balances sum to zero and the settlement clears every one of them.
  const net = netBalances(expenses);
  expect([...net.values()].reduce((s, c) => s + c, 0)).toBe(0);
  const transfers = settle(net);
  const after = new Map(net);
  for (const t of transfers) {
    expect(t.cents).toBeGreaterThan(0);
    after.set(t.from, (after.get(t.from) ?? 0) + t.cents);
    after.set(t.to, (after.get(t.to) ?? 0) - t.cents);
  }
  expect([...after.values()].every((c) => c === 0)).toBe(true);
  if (net.size > 0) expect(transfers.length).toBeLessThanOrEqual(net.size - 1);
}

function seededReplicas(): Y.Doc[] {
  const base = new Y.Doc();
  const m = createMeeting(base, { title: 'March session', startsAt: '2026-03-14T14:00:00Z', timeZone: 'America/Toronto' });
  for (const title of ['Welcome', 'Portfolio review', 'Next steps']) addAgendaItem(base, m, { title, plannedMinutes: 20 });
  const seed = Y.encodeStateAsUpdate(base);
  return [1, 2, 3].map((clientID) => {
    const d = new Y.Doc();
    d.clientID = clientID; // distinct, fixed ids: runs replay exactly from a seed
    Y.applyUpdate(d, seed);
    return d;
  });
}

/** 300 in CI; set ATELIER_PROPERTY_RUNS for a deeper search locally. */
export const PROPERTY_RUNS = Number(process.env.ATELIER_PROPERTY_RUNS ?? 300);

describe('the workspace under concurrent edits on three replicas', () => {
  it(`converges and keeps every invariant (${PROPERTY_RUNS} random runs of up to 60 operations)`, () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 60 }), (ops) => {
        const docs = seededReplicas();
        for (const op of ops) {
          apply(docs, op);
          // Every replica is valid at every moment, not only at the end.
          checkInvariants(docs[op.kind === 'sync' ? op.to : op.r]!);
        }
        // Opening runs migrations (nothing to upgrade here); then deliver everything both ways.
        for (const d of docs) expect(migrateWorkspace(d)).toEqual([]);
        for (let round = 0; round < 2; round++) for (const a of docs) for (const b of docs) if (a !== b) sync(a, b);
        const [first, ...rest] = docs.map(view);
        for (const other of rest) expect(other).toEqual(first);
        for (const d of docs) checkInvariants(d);
        const vector = (d: Y.Doc) => [...Y.decodeStateVector(Y.encodeStateVector(d))].sort(([x], [y]) => x - y);
        for (const d of docs) expect(vector(d)).toEqual(vector(docs[0]!));
      }),
      { numRuns: PROPERTY_RUNS }
    );
  }, 120_000);

  it('two people reordering the same agenda at once end with each item exactly once, in one order', () => {
    const [a, b] = seededReplicas() as [Y.Doc, Y.Doc];
    const meetingId = listMeetings(a)[0]!.id;
    const [first, second, third] = listAgenda(a, meetingId);
    moveAgendaItem(a, meetingId, third!.id, 0);
    moveAgendaItem(b, meetingId, first!.id, 2);
    moveAgendaItem(b, meetingId, third!.id, 1);
    sync(a, b);
    sync(b, a);
    const titles = listAgenda(a, meetingId).map((i) => i.title);
    expect(listAgenda(b, meetingId).map((i) => i.title)).toEqual(titles);
    expect([...titles].sort()).toEqual([first!.title, second!.title, third!.title].sort());
  });

  it('deleting an item while someone types its notes removes it on both, with no orphan left', () => {
    const [a, b] = seededReplicas() as [Y.Doc, Y.Doc];
    const meetingId = listMeetings(a)[0]!.id;
    const target = listAgenda(a, meetingId)[1]!;
    addDecision(b, { meetingId, agendaItemId: target.id, text: 'Adopt the template' });
    agendaItemText(b, meetingId, target.id, 'notes')!.insert(0, 'Typing while it goes away');
    setCurrentItem(b, meetingId, target.id);
    deleteAgendaItem(a, meetingId, target.id);
    sync(a, b);
    sync(b, a);
    for (const d of [a, b]) {
      expect(listAgenda(d, meetingId).map((i) => i.id)).not.toContain(target.id);
      expect(listDecisions(d, meetingId)).toEqual([expect.objectContaining({ text: 'Adopt the template', agendaItemId: null })]);
      expect(readMeetingMode(d, meetingId).currentItemId).toBeNull();
    }
  });

  it('two people marking the same person’s attendance leave one mark, the same on both', () => {
    const [a, b] = seededReplicas() as [Y.Doc, Y.Doc];
    const meetingId = listMeetings(a)[0]!.id;
    markAttendance(a, meetingId, 'u1', 'present');
    markAttendance(b, meetingId, 'u1', 'regrets');
    sync(a, b);
    sync(b, a);
    expect(readAttendance(a, meetingId)).toEqual(readAttendance(b, meetingId));
    expect(readAttendance(a, meetingId).size).toBe(1);
  });
});

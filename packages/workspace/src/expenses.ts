/**
 * Shared costs: members pay for the venue, tools and consultants themselves and share them.
 * Each expense says what, category, amount in integer cents (CAD), who paid, who shares it, the
 * date and optionally the meeting. `sharedAmong` is a map of user ids, so two people adding or
 * removing sharers at once both keep their change.
 */
import * as Y from 'yjs';
import { newEntityId } from './ids';
import { meetingsMap } from './meetings';
import { LOCAL_CHANGE, type ChangeOrigin } from './origin';
import { deleteWithRecord } from './recently-deleted';
import { requireDate, requireOneOf, requireText, WorkspaceValidationError } from './validation-error';

export const EXPENSES_KEY = 'expenses';
export const EXPENSE_CATEGORIES = ['venue', 'tools', 'consultant', 'other'] as const;
export type ExpenseCategory = (typeof EXPENSE_CATEGORIES)[number];

/** One expense at most a million dollars: a typo guard, not a policy. */
export const MAX_EXPENSE_CENTS = 100_000_000;

export interface Expense {
  id: string;
  what: string;
  category: ExpenseCategory;
  amountCents: number;
  paidBy: string;
  sharedAmong: string[];
  /** YYYY-MM-DD */
  date: string;
  meetingId: string | null;
  createdAt: number;
  /** Who added it (they and the people running meetings may change it); who paid, for older ones. */
  createdBy: string | null;
}

export type ExpenseInput = Omit<Expense, 'id' | 'createdAt' | 'meetingId' | 'createdBy'> & { meetingId?: string | null; createdBy?: string };

export function expensesMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap(EXPENSES_KEY);
}

function cleanAmount(cents: number): number {
  if (!Number.isSafeInteger(cents) || cents <= 0 || cents > MAX_EXPENSE_CENTS) {
    throw new WorkspaceValidationError('amountCents', 'must be a whole number of cents above 0 and at most 1,000,000.00 $');
  }
  return cents;
}

function cleanSharers(ids: string[]): string[] {
  const unique = [...new Set(ids.map((s) => s.trim()).filter(Boolean))];
  if (unique.length === 0) throw new WorkspaceValidationError('sharedAmong', 'must name at least one person');
  return unique;
}

export function addExpense(doc: Y.Doc, input: ExpenseInput, origin: ChangeOrigin = LOCAL_CHANGE, now = Date.now()): string {
  const what = requireText('what', input.what, 300);
  const category = requireOneOf('category', input.category, EXPENSE_CATEGORIES);
  const amountCents = cleanAmount(input.amountCents);
  const paidBy = requireText('paidBy', input.paidBy, 100);
  const sharers = cleanSharers(input.sharedAmong);
  const date = requireDate('date', input.date);
  const id = newEntityId();
  doc.transact(() => {
    const e = new Y.Map<unknown>();
    e.set('what', what);
    e.set('category', category);
    e.set('amountCents', amountCents);
    e.set('paidBy', paidBy);
    const shared = new Y.Map<boolean>();
    for (const s of sharers) shared.set(s, true);
    e.set('sharedAmong', shared);
    e.set('date', date);
    e.set('meetingId', input.meetingId ?? null);
    e.set('createdAt', now);
    if (input.createdBy !== undefined) e.set('createdBy', requireText('createdBy', input.createdBy, 100));
    expensesMap(doc).set(id, e);
  }, origin);
  return id;
}

/** What an edit of a saved expense may change: everything but its id, author and creation time. */
export type ExpensePatch = Partial<Pick<Expense, 'what' | 'category' | 'amountCents' | 'paidBy' | 'date' | 'sharedAmong'>> & { meetingId?: string | null };

/**
 * Changes a saved expense in one transaction (one undo step, one update on the wire): every
 * field is validated first, so a bad field changes nothing. Only fields whose value differs are
 * written, and sharers are added and removed one by one in the existing map, so a sharer someone
 * else ticks at the same time is kept. `createdBy` never changes: the author stays the author.
 */
export function updateExpense(doc: Y.Doc, id: string, patch: ExpensePatch, origin: ChangeOrigin = LOCAL_CHANGE) {
  const clean: Record<string, unknown> = {};
  if (patch.what !== undefined) clean.what = requireText('what', patch.what, 300);
  if (patch.category !== undefined) clean.category = requireOneOf('category', patch.category, EXPENSE_CATEGORIES);
  if (patch.amountCents !== undefined) clean.amountCents = cleanAmount(patch.amountCents);
  if (patch.paidBy !== undefined) clean.paidBy = requireText('paidBy', patch.paidBy, 100);
  if (patch.date !== undefined) clean.date = requireDate('date', patch.date);
  if (patch.meetingId !== undefined) clean.meetingId = patch.meetingId === null ? null : requireText('meetingId', patch.meetingId, 100);
  const sharers = patch.sharedAmong === undefined ? undefined : new Set(cleanSharers(patch.sharedAmong));
  const e = expensesMap(doc).get(id);
  if (!(e instanceof Y.Map)) return;
  doc.transact(() => {
    for (const [k, v] of Object.entries(clean)) if (e.get(k) !== v) e.set(k, v);
    if (sharers === undefined) return;
    let shared = e.get('sharedAmong');
    if (!(shared instanceof Y.Map)) {
      shared = new Y.Map<boolean>();
      e.set('sharedAmong', shared);
    }
    const map = shared as Y.Map<boolean>;
    for (const userId of [...map.keys()]) if (!sharers.has(userId)) map.delete(userId);
    for (const userId of sharers) if (!map.has(userId)) map.set(userId, true);
  }, origin);
}

/** Adds or removes one person from those sharing an expense. */
export function setSharer(doc: Y.Doc, id: string, userId: string, shares: boolean, origin: ChangeOrigin = LOCAL_CHANGE) {
  const shared = expensesMap(doc).get(id)?.get('sharedAmong');
  if (!(shared instanceof Y.Map)) return;
  doc.transact(() => (shares ? shared.set(userId, true) : shared.delete(userId)), origin);
}

export function deleteExpense(doc: Y.Doc, id: string, origin: ChangeOrigin = LOCAL_CHANGE): string | null {
  return deleteWithRecord(doc, 'expense', id, origin);
}

function read(doc: Y.Doc, id: string, e: Y.Map<unknown>): Expense | undefined {
  const amount = e.get('amountCents');
  const shared = e.get('sharedAmong');
  const paidBy = e.get('paidBy');
  const sharers = shared instanceof Y.Map ? [...shared.keys()].sort() : [];
  // Removing every sharer concurrently can leave nobody: the payer then carries the cost alone.
  if (typeof paidBy !== 'string' || !Number.isSafeInteger(amount) || (amount as number) <= 0) return undefined;
  const category = e.get('category');
  const meetingId = e.get('meetingId');
  return {
    id,
    what: typeof e.get('what') === 'string' ? (e.get('what') as string) : '',
    category: (EXPENSE_CATEGORIES as readonly unknown[]).includes(category) ? (category as ExpenseCategory) : 'other',
    amountCents: amount as number,
    paidBy,
    sharedAmong: sharers.length ? sharers : [paidBy],
    date: typeof e.get('date') === 'string' ? (e.get('date') as string) : '',
    meetingId: typeof meetingId === 'string' && meetingsMap(doc).has(meetingId) ? meetingId : null,
    createdAt: typeof e.get('createdAt') === 'number' ? (e.get('createdAt') as number) : 0,
    createdBy: typeof e.get('createdBy') === 'string' ? (e.get('createdBy') as string) : paidBy
  };
}

/** Every valid expense, most recent date first. */
export function listExpenses(doc: Y.Doc): Expense[] {
  const out: Expense[] = [];
  for (const [id, e] of expensesMap(doc).entries()) {
    const x = e instanceof Y.Map ? read(doc, id, e) : undefined;
    if (x) out.push(x);
  }
  return out.sort((a, b) => (a.date !== b.date ? (a.date < b.date ? 1 : -1) : b.createdAt - a.createdAt || (a.id < b.id ? -1 : 1)));
}

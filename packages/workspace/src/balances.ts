/**
 * Who owes whom. Each expense is split equally among its sharers in whole cents (the cents left
 * over go, one each, to the sharers first in id order, so every replica computes the same), and
 * the payer is credited. Settling uses the fewest transfers: the balances are split into the most
 * groups that each sum to zero (exact search for up to 16 people with a balance, which covers a
 * COP's core group and then some; greedy beyond), and each group of k people settles in k-1.
 */
import type { Expense } from './expenses';

export interface Transfer {
  from: string;
  to: string;
  cents: number;
}

/** userId → net cents: positive is owed to them, negative they owe. Sums to zero. */
export function netBalances(expenses: readonly Pick<Expense, 'amountCents' | 'paidBy' | 'sharedAmong'>[]): Map<string, number> {
  const net = new Map<string, number>();
  const add = (id: string, cents: number) => net.set(id, (net.get(id) ?? 0) + cents);
  for (const e of expenses) {
    const sharers = [...new Set(e.sharedAmong)].sort();
    if (sharers.length === 0) continue;
    const base = Math.floor(e.amountCents / sharers.length);
    let remainder = e.amountCents - base * sharers.length;
    add(e.paidBy, e.amountCents);
    for (const s of sharers) {
      add(s, -(base + (remainder > 0 ? 1 : 0)));
      if (remainder > 0) remainder--;
    }
  }
  for (const [id, cents] of net) if (cents === 0) net.delete(id);
  return net;
}

const EXACT_LIMIT = 16;

/** The fewest transfers that bring every balance to zero. */
export function settle(balances: ReadonlyMap<string, number>): Transfer[] {
  const people = [...balances.entries()].filter(([, c]) => c !== 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (people.length === 0) return [];
  const groups = people.length <= EXACT_LIMIT ? zeroSumGroups(people) : [people];
  return groups.flatMap(settleGroup);
}

/** Greedy within a zero-sum group: largest debtor pays largest creditor; k people, ≤ k-1 transfers. */
function settleGroup(group: [string, number][]): Transfer[] {
  const creditors = group.filter(([, c]) => c > 0).map(([id, c]) => ({ id, c }));
  const debtors = group.filter(([, c]) => c < 0).map(([id, c]) => ({ id, c: -c }));
  const transfers: Transfer[] = [];
  const order = (xs: { id: string; c: number }[]) => xs.sort((a, b) => b.c - a.c || (a.id < b.id ? -1 : 1));
  order(creditors);
  order(debtors);
  while (creditors.length && debtors.length) {
    const cr = creditors[0]!;
    const de = debtors[0]!;
    const cents = Math.min(cr.c, de.c);
    transfers.push({ from: de.id, to: cr.id, cents });
    cr.c -= cents;
    de.c -= cents;
    if (cr.c === 0) creditors.shift();
    if (de.c === 0) debtors.shift();
    order(creditors);
    order(debtors);
  }
  return transfers;
}

/**
 * Splits the people into the largest number of disjoint groups that each sum to zero
 * (dynamic programming over subsets: best[mask] = most complete groups within mask).
 */
function zeroSumGroups(people: [string, number][]): [string, number][][] {
  const n = people.length;
  const size = 1 << n;
  const sum = new Float64Array(size);
  for (let mask = 1; mask < size; mask++) {
    const low = mask & -mask;
    sum[mask] = sum[mask ^ low]! + people[31 - Math.clz32(low)]![1];
  }
  // best[mask]: along the best order of removing people one at a time, how many of the masks
  // passed through sum to zero — each such step closes one zero-sum group.
  const best = new Int8Array(size);
  const from = new Int32Array(size);
  for (let mask = 1; mask < size; mask++) {
    // Dropping any one person gives a lower bound; a whole zero-sum mask adds a group.
    let b = -1;
    let f = 0;
    for (let rest = mask; rest; rest &= rest - 1) {
      const low = rest & -rest;
      const prev = mask ^ low;
      if (best[prev]! > b) {
        b = best[prev]!;
        f = prev;
      }
    }
    best[mask] = b + (sum[mask] === 0 ? 1 : 0);
    from[mask] = f;
  }
  // Walk the best chain down to the empty set: the people removed between two consecutive
  // zero-sum masks form one zero-sum group.
  const groups: [string, number][][] = [];
  let mask = size - 1;
  let groupMask = 0;
  while (mask) {
    const prev = from[mask]!;
    groupMask |= mask ^ prev;
    mask = prev;
    if (sum[mask] === 0) {
      groups.push(people.filter((_, i) => groupMask & (1 << i)));
      groupMask = 0;
    }
  }
  return groups;
}

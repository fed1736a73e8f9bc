import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { netBalances, settle, type Transfer } from './balances';

const applyTransfers = (net: Map<string, number>, transfers: Transfer[]) => {
  const after = new Map(net);
  for (const t of transfers) {
    after.set(t.from, (after.get(t.from) ?? 0) + t.cents);
    after.set(t.to, (after.get(t.to) ?? 0) - t.cents);
  }
  return after;
};

/** The true minimum by brute force: n minus the most disjoint zero-sum groups. */
function minimumTransfers(values: number[]): number {
  const n = values.length;
  let best = 0;
  const search = (remaining: number[], groups: number): void => {
    if (remaining.length === 0) {
      best = Math.max(best, groups);
      return;
    }
    const [first, ...rest] = remaining;
    // Try every subset of `rest` that, with `first`, sums to zero.
    for (let mask = 0; mask < 1 << rest.length; mask++) {
      let sum = values[first!]!;
      for (let i = 0; i < rest.length; i++) if (mask & (1 << i)) sum += values[rest[i]!]!;
      if (sum === 0) search(rest.filter((_, i) => !(mask & (1 << i))), groups + 1);
    }
  };
  search([...Array(n).keys()], 0);
  return n - best;
}

describe('netBalances', () => {
  it('splits an expense equally in whole cents, the odd cents going to the first sharers by id', () => {
    const net = netBalances([{ amountCents: 1000, paidBy: 'ana', sharedAmong: ['ana', 'ben', 'cy'] }]);
    expect(Object.fromEntries(net)).toEqual({ ana: 1000 - 334, ben: -333, cy: -333 });
  });

  it('ignores a payer who pays only for themselves', () => {
    expect(netBalances([{ amountCents: 500, paidBy: 'ana', sharedAmong: ['ana'] }]).size).toBe(0);
  });
});

describe('settle', () => {
  it('pays each creditor from each debtor with the fewest transfers', () => {
    const transfers = settle(new Map([['a', 500], ['b', -500], ['c', 300], ['d', -300]]));
    expect(transfers).toHaveLength(2);
    expect(transfers).toEqual(expect.arrayContaining([{ from: 'b', to: 'a', cents: 500 }, { from: 'd', to: 'c', cents: 300 }]));
  });

  it('finds zero-sum groups a greedy settlement misses', () => {
    // Largest-first greedy needs 4 transfers here; the groups {b, c} and {a, d, e} need only 3.
    const net = new Map([['a', 600], ['b', 500], ['c', -500], ['d', -400], ['e', -200]]);
    expect(settle(net)).toHaveLength(3);
  });

  it('clears every balance with the minimum number of transfers (property, vs brute force)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -5000, max: 5000 }).filter((x) => x !== 0), { minLength: 1, maxLength: 8 }), (values) => {
        const total = values.reduce((s, v) => s + v, 0);
        const all = total === 0 ? values : [...values, -total];
        const net = new Map(all.map((v, i) => [`p${i}`, v] as [string, number]));
        const transfers = settle(net);
        expect([...applyTransfers(net, transfers).values()].every((v) => v === 0)).toBe(true);
        expect(transfers.every((t) => t.cents > 0 && Number.isInteger(t.cents))).toBe(true);
        expect(transfers.length).toBe(minimumTransfers(all));
      }),
      { numRuns: 300 }
    );
  });

  it('still settles, greedily, when more than 16 people have a balance', () => {
    const values = Array.from({ length: 30 }, (_, i) => (i % 2 ? -(i * 7 + 3) : i * 7 + 3 + 7));
    const total = values.reduce((s, v) => s + v, 0);
    const net = new Map([...values, -total].map((v, i) => [`p${String(i).padStart(2, '0')}`, v] as [string, number]));
    const transfers = settle(net);
    expect([...applyTransfers(net, transfers).values()].every((v) => v === 0)).toBe(true);
    expect(transfers.length).toBeLessThanOrEqual(net.size - 1);
  });
});

/**
 * CSV export of who owes whom: each person's net balance, then the fewest transfers that settle
 * everything (from `balances.ts`), as two tables separated by a blank line so it reads as it
 * does on the costs page. Amounts are dollars with a dot; a positive balance is owed to that
 * person. Headers are the caller's, in the person's language; cells are written by `csv.ts`.
 */
import type { Transfer } from './balances';
import { csvDollars, csvFile, type CsvValue } from './csv';

export interface BalancesCsvHeaders {
  person: string;
  /** The balance column: say that positive is owed to the person. */
  balance: string;
  from: string;
  to: string;
  amount: string;
}

export const BALANCES_CSV_KEYS: BalancesCsvHeaders = {
  person: 'person',
  balance: 'balance_cad',
  from: 'from',
  to: 'to',
  amount: 'amount_cad'
};

export function balancesToCsv(
  balances: ReadonlyMap<string, number>,
  transfers: readonly Transfer[],
  nameOf: (userId: string) => string = (id) => id,
  headers: BalancesCsvHeaders = BALANCES_CSV_KEYS
): string {
  const people = [...balances.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const rows: CsvValue[][] = [[headers.person, headers.balance], ...people.map(([id, cents]) => [nameOf(id), csvDollars(cents)])];
  if (transfers.length > 0) {
    rows.push([], [headers.from, headers.to, headers.amount], ...transfers.map((t) => [nameOf(t.from), nameOf(t.to), csvDollars(t.cents)]));
  }
  return csvFile(rows);
}

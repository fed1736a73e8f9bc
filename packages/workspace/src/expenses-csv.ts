/**
 * CSV export of a COP's expenses for records and reimbursement claims. Amounts are in dollars with
 * two decimals and a dot (machine-readable whatever the UI language); names come from `nameOf`;
 * headers are the caller's, in the person's language. Cells are written by `csv.ts`.
 */
import { csvDollars, csvFile } from './csv';
import type { Expense } from './expenses';

/** Column headings, in the order written. */
export interface ExpensesCsvHeaders {
  date: string;
  what: string;
  category: string;
  amount: string;
  paidBy: string;
  sharedAmong: string;
}

/** The headings used when the caller gives none (stable identifiers, for scripts). */
export const EXPENSES_CSV_KEYS: ExpensesCsvHeaders = {
  date: 'date',
  what: 'what',
  category: 'category',
  amount: 'amount_cad',
  paidBy: 'paid_by',
  sharedAmong: 'shared_among'
};

export function expensesToCsv(
  expenses: readonly Expense[],
  nameOf: (userId: string) => string = (id) => id,
  headers: ExpensesCsvHeaders = EXPENSES_CSV_KEYS,
  categoryOf: (category: Expense['category']) => string = (c) => c
): string {
  const rows = expenses.map((e) => [
    e.date,
    e.what,
    categoryOf(e.category),
    csvDollars(e.amountCents),
    nameOf(e.paidBy),
    e.sharedAmong.map(nameOf).join('; ')
  ]);
  const h = headers;
  return csvFile([[h.date, h.what, h.category, h.amount, h.paidBy, h.sharedAmong], ...rows]);
}

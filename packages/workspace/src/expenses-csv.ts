/**
 * CSV export of a COP's expenses for records and reimbursement claims. Amounts are in dollars with
 * two decimals and a dot (machine-readable whatever the UI language); names come from `nameOf`.
 * Cells are quoted and formula-leading characters neutralised so spreadsheets never run them.
 */
import type { Expense } from './expenses';

const HEADER = ['date', 'what', 'category', 'amount_cad', 'paid_by', 'shared_among'];

function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) || safe !== value ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function expensesToCsv(expenses: readonly Expense[], nameOf: (userId: string) => string = (id) => id): string {
  const rows = expenses.map((e) => [
    e.date,
    e.what,
    e.category,
    (e.amountCents / 100).toFixed(2),
    nameOf(e.paidBy),
    e.sharedAmong.map(nameOf).join('; ')
  ]);
  return [HEADER, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

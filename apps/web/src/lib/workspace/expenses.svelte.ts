/** Shared costs: expenses, net balances and the fewest transfers that settle them, for Svelte. */
import type * as Y from 'yjs';
import {
  addExpense,
  balancesToCsv,
  deleteExpense,
  expensesMap,
  expensesToCsv,
  listExpenses,
  meetingsMap,
  netBalances,
  settle,
  updateExpense,
  type Expense,
  type ExpenseInput,
  type ExpensePatch,
  type Transfer
} from '@atelier/workspace';
import { m } from '$lib/paraglide/messages.js';
import { docSubscriber } from './doc-subscriber';
import { categoryLabel } from './labels';

export class ExpensesView {
  readonly #subscribe: () => void;

  constructor(private readonly doc: Y.Doc) {
    this.#subscribe = docSubscriber(doc, [expensesMap, meetingsMap]);
  }

  /** Most recent first. */
  get all(): Expense[] {
    this.#subscribe();
    return listExpenses(this.doc);
  }

  /** userId → cents (positive: owed to them). */
  get balances(): Map<string, number> {
    return netBalances(this.all);
  }

  get transfers(): Transfer[] {
    return settle(this.balances);
  }

  add(input: ExpenseInput): string {
    return addExpense(this.doc, input);
  }

  /** Saves an edit of an expense (one transaction). */
  update(id: string, patch: ExpensePatch) {
    updateExpense(this.doc, id, patch);
  }

  delete(id: string) {
    deleteExpense(this.doc, id);
  }

  /** The expenses as CSV, headers and categories in the UI language. */
  csv(nameOf: (userId: string) => string): string {
    const headers = {
      date: m.ws_csv_date(),
      what: m.ws_csv_what(),
      category: m.ws_csv_category(),
      amount: m.ws_csv_amount(),
      paidBy: m.ws_csv_paid_by(),
      sharedAmong: m.ws_csv_shared_among()
    };
    return expensesToCsv(this.all, nameOf, headers, categoryLabel);
  }

  /** Each person's balance and the transfers that settle them, as CSV in the UI language. */
  balancesCsv(nameOf: (userId: string) => string): string {
    const headers = { person: m.ws_csv_person(), balance: m.ws_csv_balance(), from: m.ws_csv_from(), to: m.ws_csv_to(), amount: m.ws_csv_amount() };
    const balances = this.balances;
    return balancesToCsv(balances, settle(balances), nameOf, headers);
  }
}

/** Shared costs: expenses, net balances and the fewest transfers that settle them, for Svelte. */
import type * as Y from 'yjs';
import {
  addExpense,
  deleteExpense,
  expensesMap,
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
import type { UiLanguage } from '$lib/i18n/intl-format';
import { balancesCsvIn, expensesCsvIn } from './costs-csv';
import { docSubscriber } from './doc-subscriber';

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

  /** The expenses as CSV, headers and categories in `language` (the COP's: `costs-csv.ts`). */
  csv(nameOf: (userId: string) => string, language: UiLanguage): string {
    return expensesCsvIn(this.all, nameOf, language);
  }

  /** Each person's balance and the transfers that settle them, as CSV in `language` (the COP's). */
  balancesCsv(nameOf: (userId: string) => string, language: UiLanguage): string {
    const balances = this.balances;
    return balancesCsvIn(balances, settle(balances), nameOf, language);
  }
}

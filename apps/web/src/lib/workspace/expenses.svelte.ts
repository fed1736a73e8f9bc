/** Shared costs: expenses, net balances and the fewest transfers that settle them, for Svelte. */
import type * as Y from 'yjs';
import {
  addExpense,
  deleteExpense,
  expensesMap,
  expensesToCsv,
  listExpenses,
  meetingsMap,
  netBalances,
  settle,
  type Expense,
  type ExpenseInput,
  type Transfer
} from '@atelier/workspace';
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

  delete(id: string) {
    deleteExpense(this.doc, id);
  }

  csv(nameOf: (userId: string) => string): string {
    return expensesToCsv(this.all, nameOf);
  }
}

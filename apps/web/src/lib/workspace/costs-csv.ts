/**
 * The costs page's CSV files in the COP's language: the expenses (headers and category labels)
 * and the balances with the transfers that settle them. A COP's costs are its records, so an
 * English-speaking member of a French COP downloads them in French, like the minutes the server
 * exports (`sync-server/src/exports/export-language.ts`); the page itself stays in the person's
 * language. Cells and the UTF-8 mark are written by `@atelier/workspace`'s `csv.ts`.
 */
import { balancesToCsv, expensesToCsv, type Expense, type ExpenseCategory, type Transfer } from '@atelier/workspace';
// Relative, not `$lib`: unit tests run without SvelteKit's alias.
import { m } from '../paraglide/messages.js';
import type { UiLanguage } from '../i18n/intl-format';

/** A category's word in `language` (the same words the costs page shows). */
export function categoryIn(category: ExpenseCategory, language: UiLanguage): string {
  const locale = { locale: language };
  return {
    venue: () => m.ws_category_venue({}, locale),
    tools: () => m.ws_category_tools({}, locale),
    consultant: () => m.ws_category_consultant({}, locale),
    other: () => m.ws_category_other({}, locale)
  }[category]();
}

/** The expenses as CSV, headers and categories in `language`. */
export function expensesCsvIn(expenses: readonly Expense[], nameOf: (userId: string) => string, language: UiLanguage): string {
  const locale = { locale: language };
  const headers = {
    date: m.ws_csv_date({}, locale),
    what: m.ws_csv_what({}, locale),
    category: m.ws_csv_category({}, locale),
    amount: m.ws_csv_amount({}, locale),
    paidBy: m.ws_csv_paid_by({}, locale),
    sharedAmong: m.ws_csv_shared_among({}, locale)
  };
  return expensesToCsv(expenses, nameOf, headers, (c) => categoryIn(c, language));
}

/** Each person's balance and the transfers that settle them, as CSV with headers in `language`. */
export function balancesCsvIn(
  balances: ReadonlyMap<string, number>,
  transfers: readonly Transfer[],
  nameOf: (userId: string) => string,
  language: UiLanguage
): string {
  const locale = { locale: language };
  const headers = {
    person: m.ws_csv_person({}, locale),
    balance: m.ws_csv_balance({}, locale),
    from: m.ws_csv_from({}, locale),
    to: m.ws_csv_to({}, locale),
    amount: m.ws_csv_amount({}, locale)
  };
  return balancesToCsv(balances, transfers, nameOf, headers);
}

// A COP's costs CSVs are its records, in the COP's language: a French COP's expenses and
// balances come out with French headers and category labels while the page (Paraglide's current
// locale) is in English, as it is for an English-speaking member.
import { describe, expect, it } from 'vitest';
import type { Expense } from '@atelier/workspace';
import { m } from '../paraglide/messages.js';
import { balancesCsvIn, expensesCsvIn } from './costs-csv';

const names: Record<string, string> = { u1: 'Hélène Gagnon', u2: 'Amara Singh' };
const nameOf = (id: string) => names[id] ?? id;
const expense: Expense = {
  id: 'e1',
  date: '2026-03-14',
  what: 'Location de salle',
  category: 'venue',
  amountCents: 24000,
  paidBy: 'u1',
  sharedAmong: ['u1', 'u2'],
  meetingId: null,
  createdBy: 'u1',
  createdAt: 0
};
const rows = (csv: string) => csv.slice(1).split('\r\n');

describe('costs CSV in the COP’s language', () => {
  it('writes a French COP’s expenses with French headers and category labels while the page is in English', () => {
    expect(m.ws_csv_category()).toBe('Category');
    const csv = expensesCsvIn([expense], nameOf, 'fr');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(rows(csv)[0]).toBe('Date,Objet,Catégorie,Montant ($ CA),Payée par,Partagée entre');
    expect(rows(csv)[1]).toBe('2026-03-14,Location de salle,Lieu,240.00,Hélène Gagnon,Hélène Gagnon; Amara Singh');
  });

  it('writes an English COP’s expenses in English, category words and not codes', () => {
    const csv = expensesCsvIn([{ ...expense, category: 'consultant' }], nameOf, 'en');
    expect(rows(csv)[0]).toBe('Date,What,Category,Amount (CAD),Paid by,Shared among');
    expect(rows(csv)[1]).toContain(',Consultant,');
    expect(expensesCsvIn([{ ...expense, category: 'consultant' }], nameOf, 'fr')).toContain(',Services-conseils,');
  });

  it('writes a French COP’s balances and transfers with French headers', () => {
    const csv = balancesCsvIn(new Map([['u1', 12000], ['u2', -12000]]), [{ from: 'u2', to: 'u1', cents: 12000 }], nameOf, 'fr');
    expect(rows(csv)).toEqual([
      'Personne,Solde ($ CA; positif : somme à recevoir)',
      'Hélène Gagnon,120.00',
      'Amara Singh,-120.00',
      '',
      'De,À,Montant ($ CA)',
      'Amara Singh,Hélène Gagnon,120.00',
      ''
    ]);
  });
});

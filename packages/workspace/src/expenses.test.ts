import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addExpense, expensesToCsv, listExpenses, setSharer, updateProfile, readProfile } from './index';

const base = { what: 'Room rental', category: 'venue' as const, amountCents: 24000, paidBy: 'u1', sharedAmong: ['u1', 'u2', 'u3'], date: '2026-03-14' };

describe('expenses', () => {
  it('keep money in integer cents and refuse anything else', () => {
    const doc = new Y.Doc();
    for (const amountCents of [0, -100, 12.5, Number.NaN, 1e12]) {
      expect(() => addExpense(doc, { ...base, amountCents })).toThrow(/^amountCents:/);
    }
    expect(() => addExpense(doc, { ...base, sharedAmong: [] })).toThrow(/^sharedAmong:/);
    expect(() => addExpense(doc, { ...base, date: '14/03/2026' })).toThrow(/^date:/);
    expect(() => addExpense(doc, { ...base, category: 'food' as never })).toThrow(/^category:/);
    expect(listExpenses(doc)).toEqual([]);
  });

  it('charge the payer alone when every sharer is removed at once', () => {
    const doc = new Y.Doc();
    const id = addExpense(doc, { ...base, sharedAmong: ['u2'] });
    setSharer(doc, id, 'u2', false);
    expect(listExpenses(doc)[0]!.sharedAmong).toEqual(['u1']);
  });

  it('export to CSV with dot decimals, names, and formulas neutralised', () => {
    const doc = new Y.Doc();
    addExpense(doc, { ...base, what: '=HYPERLINK("x")' });
    addExpense(doc, { ...base, what: 'Facilitation, day 2', category: 'consultant', amountCents: 123456, date: '2026-03-15' });
    const names: Record<string, string> = { u1: 'Amara Singh', u2: 'Hélène Gagnon', u3: 'Kwame "KM" Mensah' };
    const csv = expensesToCsv(listExpenses(doc), (id) => names[id] ?? id);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'date,what,category,amount_cad,paid_by,shared_among',
      '2026-03-15,"Facilitation, day 2",consultant,1234.56,Amara Singh,"Amara Singh; Hélène Gagnon; Kwame ""KM"" Mensah"',
      `2026-03-14,"'=HYPERLINK(""x"")",venue,240.00,Amara Singh,"Amara Singh; Hélène Gagnon; Kwame ""KM"" Mensah"`,
      ''
    ]);
  });

  it('export to CSV with the headers and category names given (the person\'s language)', () => {
    const doc = new Y.Doc();
    addExpense(doc, { ...base, what: '＝1+1' });
    const headers = { date: 'Date', what: 'Objet', category: 'Catégorie', amount: 'Montant ($)', paidBy: 'Payé par', sharedAmong: 'Partagé entre' };
    const csv = expensesToCsv(listExpenses(doc), (id) => id, headers, (c) => (c === 'venue' ? 'Salle' : c));
    expect(csv.slice(1).split('\r\n').slice(0, 2)).toEqual(['Date,Objet,Catégorie,Montant ($),Payé par,Partagé entre', `2026-03-14,"'＝1+1",Salle,240.00,u1,u1; u2; u3`]);
  });
});

describe('roster profiles', () => {
  it('merge two people editing different fields of one profile at once', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    updateProfile(a, 'u1', { organisation: 'City of Whitehorse' });
    updateProfile(b, 'u1', { orderOfGovernment: 'municipal', experience: 'learning' });
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    expect(readProfile(a, 'u1')).toMatchObject({ organisation: 'City of Whitehorse', orderOfGovernment: 'municipal', experience: 'learning' });
    expect(() => updateProfile(a, 'u1', { orderOfGovernment: 'galactic' as never })).toThrow(/^orderOfGovernment:/);
  });
});

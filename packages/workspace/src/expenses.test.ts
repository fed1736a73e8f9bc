import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addExpense, expensesToCsv, expensesMap, listExpenses, netBalances, setSharer, updateExpense, updateProfile, readProfile } from './index';

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

  it('an edit of a saved expense changes every field in one transaction and keeps its author', () => {
    const doc = new Y.Doc();
    doc.getMap('meetings').set('m1', new Y.Map());
    const id = addExpense(doc, { ...base, createdBy: 'u2' });
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    updateExpense(doc, id, { what: 'Room and coffee', category: 'other', amountCents: 30000, paidBy: 'u3', date: '2026-03-15', meetingId: 'm1', sharedAmong: ['u3', 'u4'] });
    expect(transactions).toBe(1);
    const [edited] = listExpenses(doc);
    expect(edited).toMatchObject({ id, what: 'Room and coffee', category: 'other', amountCents: 30000, paidBy: 'u3', date: '2026-03-15', meetingId: 'm1', sharedAmong: ['u3', 'u4'], createdBy: 'u2' });
    expect([...netBalances(listExpenses(doc)).entries()].sort()).toEqual([['u3', 15000], ['u4', -15000]]);
    updateExpense(doc, id, { meetingId: null });
    expect(listExpenses(doc)[0]!.meetingId).toBeNull();
  });

  it('an edit with one bad field changes nothing of the expense', () => {
    const doc = new Y.Doc();
    const id = addExpense(doc, base);
    const before = listExpenses(doc);
    expect(() => updateExpense(doc, id, { what: 'Changed', amountCents: 0 })).toThrow(/^amountCents:/);
    expect(() => updateExpense(doc, id, { what: 'Changed', sharedAmong: [' '] })).toThrow(/^sharedAmong:/);
    expect(() => updateExpense(doc, id, { what: 'Changed', date: 'tomorrow' })).toThrow(/^date:/);
    expect(listExpenses(doc)).toEqual(before);
  });

  it('an edit of the sharers keeps a sharer another device ticked at the same time', () => {
    const a = new Y.Doc();
    const id = addExpense(a, { ...base, sharedAmong: ['u1', 'u2'] });
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    updateExpense(a, id, { sharedAmong: ['u1'] });
    setSharer(b, id, 'u3', true);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(listExpenses(a)[0]!.sharedAmong).toEqual(['u1', 'u3']);
    expect(listExpenses(b)[0]!.sharedAmong).toEqual(['u1', 'u3']);
    // Unchanged fields are not rewritten (an edit of the amount alone leaves the rest to others).
    const sharedMap = expensesMap(a).get(id)!.get('sharedAmong');
    updateExpense(a, id, { amountCents: 100, sharedAmong: ['u1', 'u3'] });
    expect(expensesMap(a).get(id)!.get('sharedAmong')).toBe(sharedMap);
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

import { describe, expect, it } from 'vitest';
import { balancesToCsv, csvCell, csvDollars, csvFile, isFormulaLike, UTF8_BOM } from './index';

describe('CSV cells never run as formulas in a spreadsheet', () => {
  const formulaStarts: [string, string][] = [
    ['=', '=1+1'],
    ['+', '+1+1'],
    ['-', '-1+1'],
    ['@', '@SUM(A1)'],
    ['tab', '\t=1+1'],
    ['tab before text', '\tplain'],
    ['carriage return', '\r=1+1'],
    ['carriage return before text', '\rplain'],
    ['space before =', ' =1+1'],
    ['spaces before +', '   +1+1'],
    ['newline before -', '\n-1+1'],
    ['tab before @', '\t@SUM(A1)'],
    ['no-break space before =', '\u00A0=1+1'],
    ['narrow no-break space before =', '\u202F=1+1'],
    ['em space before +', '\u2003+1'],
    ['ideographic space before =', '\u3000=1+1'],
    ['line separator before =', '\u2028=1+1'],
    ['byte-order mark before =', '\uFEFF=1+1'],
    ['zero-width space before =', '\u200B=1+1'],
    ['Mongolian vowel separator before =', '\u180E=1+1'],
    ['full-width =', '＝1+1'],
    ['full-width +', '＋1'],
    ['full-width -', '－1'],
    ['full-width @', '＠SUM(A1)'],
    ['no-break space before full-width =', '\u00A0＝1+1']
  ];
  it.each(formulaStarts)('a cell starting with %s gets a quote first and is quoted', (_, value) => {
    expect(isFormulaLike(value)).toBe(true);
    expect(csvCell(value)).toBe(`"'${value.replace(/"/g, '""')}"`);
  });

  it('a cell that only contains a formula sign later is left as written', () => {
    for (const value of ['Room rental', 'Hélène Gagnon', 'a=b', '  indented text', '5 + 5', 'e-mail']) {
      expect(isFormulaLike(value)).toBe(false);
      expect(csvCell(value)).toBe(value);
    }
  });

  it('a quote, a comma or a line break inside a cell quotes it with quotes doubled', () => {
    expect(csvCell('Kwame "KM" Mensah')).toBe('"Kwame ""KM"" Mensah"');
    expect(csvCell('Facilitation, day 2')).toBe('"Facilitation, day 2"');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  it('a negative amount the product computed stays a number, not neutralised text', () => {
    expect(csvCell(csvDollars(-1250))).toBe('-12.50');
    expect(csvCell('-12.50')).toBe(`"'-12.50"`);
  });

  it('a CSV file starts with the UTF-8 byte-order mark so Excel keeps accents', () => {
    const file = csvFile([['Hélène', 'Montréal']]);
    expect(file.startsWith(UTF8_BOM)).toBe(true);
    expect(new TextEncoder().encode(file).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    expect(file).toBe('\uFEFFHélène,Montréal\r\n');
  });
});

describe('balances CSV', () => {
  it('lists each balance (positive owed) then the transfers, with the headers given and names neutralised', () => {
    const balances = new Map([
      ['u1', 16000],
      ['u2', -8000],
      ['u3', -8000]
    ]);
    const transfers = [
      { from: 'u2', to: 'u1', cents: 8000 },
      { from: 'u3', to: 'u1', cents: 8000 }
    ];
    const names: Record<string, string> = { u1: 'Amara Singh', u2: 'Hélène Gagnon', u3: '=cmd|"/c calc"!A1' };
    const csv = balancesToCsv(balances, transfers, (id) => names[id]!, { person: 'Personne', balance: 'Solde ($, positif : à recevoir)', from: 'De', to: 'À', amount: 'Montant ($)' });
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'Personne,"Solde ($, positif : à recevoir)"',
      'Amara Singh,160.00',
      'Hélène Gagnon,-80.00',
      `"'=cmd|""/c calc""!A1",-80.00`,
      '',
      'De,À,Montant ($)',
      'Hélène Gagnon,Amara Singh,80.00',
      `"'=cmd|""/c calc""!A1",Amara Singh,80.00`,
      ''
    ]);
  });

  it('has no transfers table when everything is settled', () => {
    expect(balancesToCsv(new Map(), [])).toBe('\uFEFFperson,balance_cad\r\n');
  });
});

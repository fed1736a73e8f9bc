// Two replicas (one offline) each add a line at the end of the same minutes: after the merge,
// and once each device has run separateMergedLines, both read the two lines on separate lines.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { separateMergedLines } from './minutes-lines';

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
}

function replicas(clientA: number, clientB: number, start: string) {
  const a = new Y.Doc();
  a.clientID = clientA;
  const b = new Y.Doc();
  b.clientID = clientB;
  a.getText('minutes').insert(0, start);
  sync(a, b);
  return { a, b };
}

describe('minutes written on two devices at once', () => {
  for (const [clientA, clientB] of [
    [10, 20],
    [20, 10]
  ] as const) {
    it(`a line added offline at the end no longer runs into the other person's line (clients ${clientA}, ${clientB})`, () => {
      const { a, b } = replicas(clientA, clientB, 'Ouverture à 9 h.\n');
      const ta = a.getText('minutes');
      const tb = b.getText('minutes');
      ta.insert(ta.length, 'Marc : on valide avant chaque étape.');
      tb.insert(tb.length, 'Geneviève : le cadre est adopté.');
      sync(a, b);
      // Without the rule the merge reads "…étape.Geneviève : …" (or the mirror).
      expect(ta.toString()).toMatch(/étape\.Geneviève|adopté\.Marc/);
      const fixed = [separateMergedLines(ta), separateMergedLines(tb)];
      // Exactly one device, the one whose text came first, adds the line break.
      expect(fixed.filter(Boolean)).toHaveLength(1);
      sync(a, b);
      expect(separateMergedLines(ta) || separateMergedLines(tb)).toBe(false);
      expect(ta.toString()).toBe(tb.toString());
      expect(['Ouverture à 9 h.\nMarc : on valide avant chaque étape.\nGeneviève : le cadre est adopté.', 'Ouverture à 9 h.\nGeneviève : le cadre est adopté.\nMarc : on valide avant chaque étape.']).toContain(ta.toString());
    });
  }

  for (const [clientA, clientB] of [
    [10, 20],
    [20, 10]
  ] as const) {
    it(`a line break written while the other person is still typing never cuts their line in two (clients ${clientA}, ${clientB})`, () => {
      // Online, both typing: Priya's first key reached Étienne before he typed his; his caret stayed
      // where it was, before her text, so his line comes first whatever the client ids.
      const { a, b } = replicas(clientA, clientB, 'Ouverture.\n');
      const ta = a.getText('minutes');
      const tb = b.getText('minutes');
      tb.insert(tb.length, 'Priya : le');
      sync(a, b);
      ta.insert('Ouverture.\n'.length, 'Étienne : les');
      sync(a, b);
      expect(ta.toString()).toBe('Ouverture.\nÉtienne : lesPriya : le');
      expect([separateMergedLines(ta), separateMergedLines(tb)].filter(Boolean)).toHaveLength(1);
      // Before the break reaches the other device, each goes on typing their own line where their caret is.
      const endOfOwn = (text: Y.Text, start: string) => text.toString().indexOf(start) + start.length;
      ta.insert(endOfOwn(ta, 'Étienne : les'), ' régions');
      tb.insert(endOfOwn(tb, 'Priya : le'), ' cadre');
      sync(a, b);
      expect(ta.toString()).toBe('Ouverture.\nÉtienne : les régions\nPriya : le cadre');
      expect(tb.toString()).toBe(ta.toString());
      expect(separateMergedLines(ta) || separateMergedLines(tb)).toBe(false);
    });
  }

  it('text typed after reading the other person’s line is left as typed (continuing their sentence)', () => {
    const { a, b } = replicas(1, 2, 'Marc : on valide');
    const tb = b.getText('minutes');
    tb.insert(tb.length, ' avant chaque étape.');
    sync(a, b);
    expect(separateMergedLines(a.getText('minutes'))).toBe(false);
    expect(separateMergedLines(tb)).toBe(false);
    expect(tb.toString()).toBe('Marc : on valide avant chaque étape.');
  });

  it('lines that each started on their own line gain no extra break', () => {
    const { a, b } = replicas(1, 2, 'Ouverture.');
    const ta = a.getText('minutes');
    const tb = b.getText('minutes');
    ta.insert(ta.length, '\nMarc : oui.');
    tb.insert(tb.length, '\nGeneviève : non.');
    sync(a, b);
    expect(separateMergedLines(ta) || separateMergedLines(tb)).toBe(false);
  });

  it('a device that reopened the app (a new client id) still separates the line it typed before', () => {
    const { a, b } = replicas(10, 20, 'Ouverture.\n');
    const tb = b.getText('minutes');
    tb.insert(tb.length, 'Geneviève : le cadre est adopté.');
    // B closes the app; reopened, the same device writes under a new client id.
    const reopened = new Y.Doc();
    reopened.clientID = 21;
    Y.applyUpdate(reopened, Y.encodeStateAsUpdate(b));
    const ta = a.getText('minutes');
    ta.insert(ta.length, 'Marc : on valide avant chaque étape.');
    sync(a, reopened);
    const mine = (client: number) => client === 20 || client === 21;
    const fixed = [separateMergedLines(ta), separateMergedLines(reopened.getText('minutes'), mine)];
    expect(fixed.filter(Boolean)).toHaveLength(1);
    sync(a, reopened);
    expect(ta.toString().split('\n')).toHaveLength(3);
    expect(ta.toString()).toBe(reopened.getText('minutes').toString());
  });
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { shiftIndex, textEdit } from './collaborative-text';

describe('textEdit', () => {
  it('finds the smallest edit between two strings', () => {
    expect(textEdit('hello world', 'hello brave world')).toEqual({ at: 6, remove: 0, insert: 'brave ' });
    expect(textEdit('hello brave world', 'hello world')).toEqual({ at: 6, remove: 6, insert: '' });
    expect(textEdit('abc', 'axc')).toEqual({ at: 1, remove: 1, insert: 'x' });
    expect(textEdit('same', 'same')).toBeNull();
  });

  it('keeps both people\'s words when two replicas type into the same text', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    a.getText('t').insert(0, 'Budget review');
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    for (const [doc, after] of [
      [a, 'Budget review, Q3'],
      [b, 'Draft budget review']
    ] as const) {
      const t = doc.getText('t');
      const edit = textEdit(t.toString(), after)!;
      t.delete(edit.at, edit.remove);
      t.insert(edit.at, edit.insert);
    }
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(a.getText('t').toString()).toBe(b.getText('t').toString());
    expect(a.getText('t').toString()).toContain('Q3');
    expect(a.getText('t').toString()).toContain('raft');
  });
});

describe('shiftIndex', () => {
  it('moves a caret after an insertion before it and not after one behind it', () => {
    expect(shiftIndex(5, [{ insert: 'ab' }])).toBe(7);
    expect(shiftIndex(5, [{ retain: 6 }, { insert: 'ab' }])).toBe(5);
  });

  it('pulls a caret back over a deletion before it, never past the deletion start', () => {
    expect(shiftIndex(10, [{ retain: 2 }, { delete: 3 }])).toBe(7);
    expect(shiftIndex(4, [{ retain: 2 }, { delete: 5 }])).toBe(2);
  });
});

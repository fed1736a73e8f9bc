import { describe, expect, it } from 'vitest';
import { diffDocuments, diffStats, diffWords, textBlocks, type RichTextNode } from './index';

const t = (text: string): RichTextNode => ({ type: 'text', text });
const p = (text: string): RichTextNode => ({ type: 'paragraph', content: text ? [t(text)] : [] });
const h = (level: number, text: string): RichTextNode => ({ type: 'heading', attrs: { level }, content: [t(text)] });
const doc = (...content: RichTextNode[]): RichTextNode => ({ type: 'doc', content });
const list = (...items: string[]): RichTextNode => ({ type: 'bulletList', content: items.map((x) => ({ type: 'listItem', content: [p(x)] })) });

describe('version diff', () => {
  it('marks word additions and deletions inside an edited paragraph', () => {
    expect(diffWords('The panel meets twice a year.', 'The review panel meets once a year.')).toEqual([
      { op: 'same', text: 'The ' },
      { op: 'added', text: 'review ' },
      { op: 'same', text: 'panel meets ' },
      { op: 'removed', text: 'twice' },
      { op: 'added', text: 'once' },
      { op: 'same', text: ' a year.' }
    ]);
  });

  it('finds added, removed and changed blocks and keeps unchanged ones', () => {
    const before = doc(h(1, 'Protocol'), p('Scope: all regions.'), list('Prepare', 'Review'), p('Old closing.'));
    const after = doc(h(1, 'Protocol'), p('Intro paragraph.'), p('Scope: all provinces.'), list('Prepare', 'Review', 'Publish'));
    const blocks = diffDocuments(before, after);
    expect(blocks.map((b) => [b.op, b.kind])).toEqual([
      ['same', 'heading1'],
      ['added', 'paragraph'],
      ['changed', 'paragraph'],
      ['same', 'listItem'],
      ['same', 'listItem'],
      ['removed', 'paragraph'],
      ['added', 'listItem']
    ]);
    // The edited block shows exactly which words changed.
    expect(blocks[2]!.parts.filter((x) => x.op !== 'same')).toEqual([
      { op: 'removed', text: 'regions.' },
      { op: 'added', text: 'provinces.' }
    ]);
    expect(diffStats(blocks)).toEqual({ added: 4, removed: 3 });
  });

  it('reports nothing changed between identical versions, and everything added from an empty one', () => {
    const d = doc(p('One'), p('Two'));
    expect(diffDocuments(d, d).every((b) => b.op === 'same')).toBe(true);
    expect(diffDocuments(doc(), d).map((b) => b.op)).toEqual(['added', 'added']);
    expect(textBlocks(doc({ type: 'blockquote', content: [p('Quoted')] }))).toEqual([{ kind: 'blockquote', text: 'Quoted' }]);
  });

  it('finds each scattered edit of a fifty-page document', () => {
    const paras = Array.from({ length: 1500 }, (_, i) => p(`Paragraph ${i} of the protocol, with enough words to be realistic for a page.`));
    const edited = paras.map((x, i) => (i % 97 === 0 ? p(`Paragraph ${i} of the protocol, with enough words to be realistic for one page.`) : x));
    // Speed is the editor benchmark's business (pnpm bench:editor), not a timed test's.
    const blocks = diffDocuments(doc(...paras), doc(...edited));
    expect(blocks.filter((b) => b.op === 'changed')).toHaveLength(16);
    expect(blocks.filter((b) => b.op !== 'same' && b.op !== 'changed')).toHaveLength(0);
  });
});

import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { documentPlainText, RICH_TEXT_FIELD } from './index';

describe('document plain text', () => {
  it('reads paragraphs, headings, lists and tables from the fragment, one block a line', () => {
    const doc = new Y.Doc();
    const frag = doc.getXmlFragment(RICH_TEXT_FIELD);
    const el = (name: string, children: (Y.XmlElement | Y.XmlText)[]) => {
      const e = new Y.XmlElement(name);
      e.insert(0, children);
      return e;
    };
    const txt = (s: string, bold = false) => {
      const t = new Y.XmlText();
      t.insert(0, s, bold ? { bold: {} } : undefined);
      return t;
    };
    frag.insert(0, [
      el('heading', [txt('Réunion de mars')]),
      el('paragraph', [txt('Bold ', true)]),
      el('bulletList', [el('listItem', [el('paragraph', [txt('one')])])]),
      el('table', [el('tableRow', [el('tableCell', [el('paragraph', [txt('a')])]), el('tableCell', [el('paragraph', [txt('b')])])])])
    ]);
    (frag.get(1) as Y.XmlElement).insert(1, [txt('text')]);
    expect(documentPlainText(doc)).toBe('Réunion de mars\nBold text\none\na\n b\n\n');
  });
});

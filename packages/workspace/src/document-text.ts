/**
 * The words of a note or protocol straight from its Y.XmlFragment, without the editor or its
 * schema (so the notes list and search stay light): text blocks end with a newline, table cells
 * are separated by a space.
 */
import * as Y from 'yjs';
import { RICH_TEXT_FIELD } from './documents';

const LINE_BLOCKS = new Set(['paragraph', 'heading', 'codeBlock']);

function textOf(node: Y.XmlElement | Y.XmlFragment | Y.XmlText, out: string[]) {
  if (node instanceof Y.XmlText) {
    for (const op of node.toDelta() as { insert?: unknown }[]) if (typeof op.insert === 'string') out.push(op.insert);
    return;
  }
  if (node instanceof Y.XmlElement && node.nodeName === 'hardBreak') {
    out.push('\n');
    return;
  }
  for (const child of node.toArray()) {
    if (child instanceof Y.XmlElement || child instanceof Y.XmlText) textOf(child, out);
  }
  if (node instanceof Y.XmlElement) {
    if (LINE_BLOCKS.has(node.nodeName)) out.push('\n');
    else if (node.nodeName === 'tableCell' || node.nodeName === 'tableHeader') out.push(' ');
    else if (node.nodeName === 'tableRow') out.push('\n');
  }
}

/** The plain text of a note's or protocol's Y.Doc. */
export function documentPlainText(doc: Y.Doc): string {
  const out: string[] = [];
  textOf(doc.getXmlFragment(RICH_TEXT_FIELD), out);
  return out.join('').replace(/[ \t]+\n/g, '\n');
}

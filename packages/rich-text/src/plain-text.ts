/** The words of a document, for search indexes and summaries: block boundaries become newlines. */
import { limitDepth, type RichTextNode } from './rich-text-json';

const BLOCKS = new Set(['paragraph', 'heading', 'listItem', 'taskItem', 'blockquote', 'codeBlock', 'tableRow', 'tableCell', 'tableHeader']);

export function plainText(node: RichTextNode): string {
  return textOf(limitDepth(node));
}

function textOf(node: RichTextNode): string {
  if (node.type === 'text') return node.text ?? '';
  if (node.type === 'hardBreak') return '\n';
  const inner = (node.content ?? []).map(textOf).join(node.type === 'tableRow' ? ' ' : '');
  return BLOCKS.has(node.type) ? `${inner}\n` : inner;
}

/**
 * Renders rich-text JSON to Markdown (CommonMark with GFM task lists, tables and strikethrough)
 * for exports. Like the HTML renderer it is an allow-list: text is escaped (`markdown-text.ts`:
 * no text ever becomes HTML, a block or a link), links must be http(s) or mailto, unknown nodes
 * keep only their text, and documents deeper than MAX_RICH_TEXT_DEPTH are cut to their text.
 *
 * Underline has no Markdown syntax. It is written as `<u>…</u>`: CommonMark and GFM pass it
 * through as inline HTML, GitHub's and most sanitisers' allow-lists keep it, and plain-text
 * readers still see where it is. It is the only tag this renderer writes, it has no attributes,
 * and since every `<` of a person's text is escaped as `&lt;`, no other tag can appear.
 * (`++text++` and `[text]{.underline}` are extensions few renderers know; they would show as
 * stray punctuation.)
 */
import { escapeLineStart, markdownCodeBlock, markdownCodeSpan, markdownHref, markdownInline } from './markdown-text';
import { limitDepth, type RichTextMark, type RichTextNode } from './rich-text-json';

/** Wraps `text` in a delimiter pair, keeping its outer spaces outside (`** a**` is not bold). */
function wrap(text: string, open: string, close = open): string {
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(text)!;
  return m[2] ? `${m[1]}${open}${m[2]}${close}${m[3]}` : text;
}

function textNode(n: RichTextNode): string {
  const marks = (n.marks ?? []) as RichTextMark[];
  const has = (type: string) => marks.some((m) => m.type === type);
  let out = has('code') ? markdownCodeSpan(n.text ?? '') : markdownInline(n.text ?? '');
  if (has('bold')) out = wrap(out, '**');
  if (has('italic')) out = wrap(out, '*');
  if (has('strike')) out = wrap(out, '~~');
  if (has('underline')) out = wrap(out, '<u>', '</u>');
  const link = marks.find((m) => m.type === 'link');
  const href = link ? markdownHref(link.attrs?.href) : undefined;
  if (href && out.trim()) out = `[${out}](${href})`;
  return out;
}

/** Inline content; a hard break starts a new line, whose start is escaped like the first. */
function inline(nodes: RichTextNode[] = []): string {
  const line = nodes.map((n) => (n.type === 'hardBreak' ? '\\\n' : n.type === 'text' ? textNode(n) : inline(n.content))).join('');
  return line.split('\n').map(escapeLineStart).join('\n');
}

/** Indents every line after the first (continuation lines of a list item). */
const hang = (text: string, indent: string) => text.split('\n').map((l, i) => (i === 0 || l === '' ? l : indent + l)).join('\n');

const LISTS = new Set(['bulletList', 'orderedList', 'taskList']);

function block(node: RichTextNode): string {
  const children = node.content ?? [];
  switch (node.type) {
    case 'doc':
      return children.map(block).filter((b) => b !== '').join('\n\n');
    case 'paragraph':
      return inline(children);
    case 'heading':
      return `${'#'.repeat(Math.min(6, Math.max(1, Number(node.attrs?.level) || 1)))} ${inline(children).replace(/\\?\n/g, ' ')}`;
    case 'blockquote':
      return children
        .map(block)
        .join('\n\n')
        .split('\n')
        .map((l) => (l ? `> ${l}` : '>'))
        .join('\n');
    case 'codeBlock':
      return markdownCodeBlock(children.map((t) => t.text ?? '').join(''));
    case 'horizontalRule':
      return '---';
    case 'bulletList':
    case 'orderedList':
    case 'taskList': {
      const start = Number(node.attrs?.start) || 1;
      return children
        .map((item, i) => {
          const marker =
            node.type === 'orderedList' ? `${start + i}.` : node.type === 'taskList' ? `- [${item.attrs?.checked === true ? 'x' : ' '}]` : '-';
          const indent = ' '.repeat((node.type === 'orderedList' ? marker.length : 1) + 1);
          const [first, ...rest] = item.content ?? [];
          // A nested list follows its item's first line directly (a tight list); other blocks
          // after a blank line, as their own paragraphs of the item.
          const body = [first ? block(first) : '', ...rest.map((c) => (LISTS.has(c.type) ? block(c) : `\n${block(c)}`))].join('\n');
          return hang(`${marker} ${body}`.trimEnd(), indent);
        })
        .join('\n');
    }
    case 'table': {
      const rows = children.map((row) =>
        (row.content ?? []).map((cell) =>
          (cell.content ?? [])
            .map((p) => inline(p.content))
            .join(' ')
            .replace(/\\?\n/g, ' ')
        )
      );
      if (rows.length === 0) return '';
      const width = Math.max(...rows.map((r) => r.length));
      const line = (cells: string[]) => `| ${Array.from({ length: width }, (_, i) => cells[i] ?? '').join(' | ')} |`;
      return [line(rows[0]!), `| ${Array(width).fill('---').join(' | ')} |`, ...rows.slice(1).map(line)].join('\n');
    }
    case 'text':
      return escapeLineStart(textNode(node));
    case 'hardBreak':
      return '';
    default:
      // Unknown node (a newer client's extension): keep its text, drop its markup.
      return children.map(block).filter((b) => b !== '').join('\n\n');
  }
}

export function renderMarkdown(doc: RichTextNode): string {
  return block(limitDepth(doc)).trim() + '\n';
}

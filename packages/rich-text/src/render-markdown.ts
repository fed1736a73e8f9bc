/**
 * Renders rich-text JSON to Markdown (CommonMark with GFM task lists and tables) for exports.
 */
import { isSafeHref, type RichTextMark, type RichTextNode } from './rich-text-json';

const escapeText = (text: string) => text.replace(/([\\`*_[\]#<>|])/g, '\\$1');

function inline(nodes: RichTextNode[] = []): string {
  return nodes
    .map((n) => {
      if (n.type === 'hardBreak') return '  \n';
      if (n.type !== 'text') return inline(n.content);
      let out = (n.marks ?? []).some((m) => m.type === 'code') ? `\`${n.text ?? ''}\`` : escapeText(n.text ?? '');
      for (const mark of (n.marks ?? []) as RichTextMark[]) {
        if (mark.type === 'bold') out = `**${out}**`;
        else if (mark.type === 'italic') out = `*${out}*`;
        else if (mark.type === 'strike') out = `~~${out}~~`;
        else if (mark.type === 'link' && isSafeHref(mark.attrs?.href)) out = `[${out}](${(mark.attrs!.href as string).replace(/\)/g, '%29')})`;
      }
      return out;
    })
    .join('');
}

function block(node: RichTextNode, indent = ''): string {
  const children = node.content ?? [];
  switch (node.type) {
    case 'doc':
      return children.map((c) => block(c)).join('\n\n');
    case 'paragraph':
      return indent + inline(children);
    case 'heading':
      return `${'#'.repeat(Math.min(6, Math.max(1, Number(node.attrs?.level) || 1)))} ${inline(children)}`;
    case 'blockquote':
      return children.map((c) => block(c).split('\n').map((l) => `> ${l}`).join('\n')).join('\n>\n');
    case 'codeBlock':
      return '```\n' + children.map((t) => t.text ?? '').join('') + '\n```';
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
          const [first, ...rest] = item.content ?? [];
          const head = `${indent}${marker} ${first ? block(first).trim() : ''}`;
          const tail = rest.map((c) => block(c, indent + '  ')).join('\n');
          return tail ? `${head}\n${tail}` : head;
        })
        .join('\n');
    }
    case 'table': {
      const rows = children.map((row) => (row.content ?? []).map((cell) => (cell.content ?? []).map((p) => inline(p.content)).join(' ').replace(/\n/g, ' ')));
      if (rows.length === 0) return '';
      const width = Math.max(...rows.map((r) => r.length));
      const line = (cells: string[]) => `| ${Array.from({ length: width }, (_, i) => cells[i] ?? '').join(' | ')} |`;
      return [line(rows[0]!), `| ${Array(width).fill('---').join(' | ')} |`, ...rows.slice(1).map(line)].join('\n');
    }
    default:
      return children.map((c) => block(c, indent)).join('\n\n');
  }
}

export function renderMarkdown(doc: RichTextNode): string {
  return block(doc).trim() + '\n';
}

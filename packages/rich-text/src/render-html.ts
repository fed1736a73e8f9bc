/**
 * Renders rich-text JSON to HTML for published protocols, exports and print. Only the schema's
 * nodes and marks produce markup; everything else is dropped, text is escaped and links must be
 * http(s) or mailto — so the output is safe to serve whatever a client put in the document.
 */
import { isSafeHref, limitDepth, type RichTextMark, type RichTextNode } from './rich-text-json';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function renderMarks(text: string, marks: RichTextMark[] = []): string {
  let out = escape(text);
  for (const mark of marks) {
    switch (mark.type) {
      case 'bold':
        out = `<strong>${out}</strong>`;
        break;
      case 'italic':
        out = `<em>${out}</em>`;
        break;
      case 'underline':
        out = `<u>${out}</u>`;
        break;
      case 'strike':
        out = `<s>${out}</s>`;
        break;
      case 'code':
        out = `<code>${out}</code>`;
        break;
      case 'link':
        if (isSafeHref(mark.attrs?.href)) out = `<a href="${escape(mark.attrs.href as string)}" rel="noopener noreferrer nofollow">${out}</a>`;
        break;
    }
  }
  return out;
}

const cellAttrs = (node: RichTextNode) => {
  const span = (k: string) => (Number.isInteger(node.attrs?.[k]) && (node.attrs![k] as number) > 1 ? ` ${k}="${node.attrs![k]}"` : '');
  return span('colspan') + span('rowspan');
};

function renderNode(node: RichTextNode): string {
  const inner = () => (node.content ?? []).map(renderNode).join('');
  switch (node.type) {
    case 'doc':
      return inner();
    case 'text':
      return renderMarks(node.text ?? '', node.marks);
    case 'paragraph':
      return `<p>${inner()}</p>`;
    case 'heading': {
      const level = Math.min(6, Math.max(1, Number(node.attrs?.level) || 1));
      return `<h${level}>${inner()}</h${level}>`;
    }
    case 'bulletList':
      return `<ul>${inner()}</ul>`;
    case 'orderedList': {
      const start = Number(node.attrs?.start);
      return `<ol${Number.isInteger(start) && start !== 1 ? ` start="${start}"` : ''}>${inner()}</ol>`;
    }
    case 'listItem':
      return `<li>${inner()}</li>`;
    case 'taskList':
      return `<ul class="task-list">${inner()}</ul>`;
    case 'taskItem': {
      const checked = node.attrs?.checked === true;
      return `<li class="task-item" data-checked="${checked}"><input type="checkbox" disabled${checked ? ' checked' : ''} aria-label="${checked ? 'done' : 'to do'}"> ${inner()}</li>`;
    }
    case 'blockquote':
      return `<blockquote>${inner()}</blockquote>`;
    case 'codeBlock':
      return `<pre><code>${(node.content ?? []).map((t) => escape(t.text ?? '')).join('')}</code></pre>`;
    case 'horizontalRule':
      return '<hr>';
    case 'hardBreak':
      return '<br>';
    case 'table':
      return `<table><tbody>${inner()}</tbody></table>`;
    case 'tableRow':
      return `<tr>${inner()}</tr>`;
    case 'tableHeader':
      return `<th${cellAttrs(node)}>${inner()}</th>`;
    case 'tableCell':
      return `<td${cellAttrs(node)}>${inner()}</td>`;
    default:
      // Unknown node (a newer client's extension): keep its text, drop its markup.
      return inner();
  }
}

export function renderHtml(doc: RichTextNode): string {
  return renderNode(limitDepth(doc));
}

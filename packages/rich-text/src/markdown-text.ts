/**
 * Plain text and link targets made safe to put into Markdown (CommonMark + GFM), for the
 * rich-text renderer and for everything exports write around it (titles, summaries, meeting
 * titles, names). A Markdown file is rendered by whatever opens it, and most renderers pass raw
 * HTML through: so no text of a person's may ever become markup, a heading, a list or a link.
 *
 * - `<` and `>` become `&lt;` / `&gt;` (not backslash escapes: an entity is literal text in
 *   every renderer, while a renderer that ignores `\<` would still see a tag); `&` becomes
 *   `&amp;` only where it starts something entity-like, so "R&D" stays readable.
 * - Markdown punctuation that can start emphasis, code, links, tables, strikethrough or
 *   headings is backslash-escaped; line breaks become spaces (a title with a newline must not
 *   start a new block).
 * - At the start of a line, what would begin a list, a setext underline or an indented code
 *   block is escaped too (`markdownLine`).
 * - Link targets: only http:, https: and mailto:, written in their parsed, percent-encoded form
 *   so no space, bracket, quote or line break of the original survives.
 */
import { isSafeHref } from './rich-text-json';

const PUNCTUATION = /[\\`*_[\]#|~]/g;
const ENTITY_LIKE = /&(?=#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{0,31};)/g;

/** Text for use anywhere inside a line of Markdown: it renders as exactly these characters. */
export function markdownInline(text: string): string {
  return text
    .replace(/\r\n|[\r\n\u2028\u2029]/g, ' ')
    .replace(ENTITY_LIKE, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(PUNCTUATION, '\\$&');
}

/**
 * Escapes what would make an already-escaped line start a block of its own: a bullet (`-`,
 * `+`), an ordered item (`1.`, `1)`), a setext underline or rule (`=`, `-`), or indentation.
 */
export function escapeLineStart(line: string): string {
  const trimmed = line.replace(/^[ \t\u00a0]+/, '');
  const ordered = /^(\d{1,9})([.)])/.exec(trimmed);
  if (ordered) return `${ordered[1]}\\${ordered[2]}${trimmed.slice(ordered[0].length)}`;
  return /^[-+=]/.test(trimmed) ? `\\${trimmed}` : trimmed;
}

/** One line of text (a title, a heading's words, a name) as Markdown. */
export function markdownLine(text: string): string {
  return escapeLineStart(markdownInline(text.trim()));
}

/** Multi-line plain text (a summary): each non-empty line is a paragraph of its own. */
export function markdownParagraphs(text: string): string {
  return text
    .split(/\r\n|[\r\n\u2028\u2029]/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map(markdownLine)
    .join('\n\n');
}

/**
 * A link target fit for `[text](…)`, or undefined when the link must be dropped (any scheme but
 * http, https and mailto, or not a URL at all). The parsed form has no line breaks or tabs;
 * characters that could end the destination or start markup are percent-encoded.
 */
export function markdownHref(href: unknown): string | undefined {
  if (!isSafeHref(href)) return undefined;
  return new URL(href).href.replace(/[^A-Za-z0-9\-._~:/?#@!$&'*+,;=%]/g, (ch) =>
    [...new TextEncoder().encode(ch)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('')
  );
}

/** A code span for `text`: a backtick run longer than any inside it, padded when needed. */
export function markdownCodeSpan(text: string): string {
  const inner = text.replace(/\r\n|[\r\n]/g, ' ');
  const longest = Math.max(0, ...(inner.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  // CommonMark strips one space from each side when both are present, so a span that begins or
  // ends with a backtick (or with a space on both sides) is padded to keep its text exact.
  const pad = inner.startsWith('`') || inner.endsWith('`') || (inner.startsWith(' ') && inner.endsWith(' ') && inner.trim() !== '') ? ' ' : '';
  return `${fence}${pad}${inner}${pad}${fence}`;
}

/** A fenced code block for `code`: the fence is longer than any backtick run inside. */
export function markdownCodeBlock(code: string): string {
  const body = code.replace(/\r\n?/g, '\n');
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}\n${body}${body.endsWith('\n') || body === '' ? '' : '\n'}${fence}`;
}

/** ProseMirror's JSON form of a note or protocol, as the editor and y-tiptap produce it. */
export interface RichTextMark {
  type: string;
  attrs?: Record<string, unknown>;
}

export interface RichTextNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: RichTextNode[];
  marks?: RichTextMark[];
  text?: string;
}

/** Links may only point at the web or at an email address, everywhere text is shown or exported. */
export function isSafeHref(href: unknown): href is string {
  if (typeof href !== 'string') return false;
  try {
    const url = new URL(href);
    return url.protocol === 'https:' || url.protocol === 'http:' || url.protocol === 'mailto:';
  } catch {
    return false;
  }
}

/**
 * How deep a document may nest (doc → list → item → paragraph … → text). The editor's schema
 * makes real documents a handful of levels deep; nested lists and quotes a few dozen at most.
 * A client writing the Y.Doc by hand can nest 20,000 levels, which overflows the stack of any
 * recursive reader — so readers cut there (`limitDepth`) and writers refuse past it.
 */
export const MAX_RICH_TEXT_DEPTH = 64;

/** The deepest level of `node` (a lone text node is 1), counted without recursion. */
export function richTextDepth(node: RichTextNode): number {
  let deepest = 0;
  const stack: [RichTextNode, number][] = [[node, 1]];
  while (stack.length) {
    const [n, depth] = stack.pop()!;
    if (depth > deepest) deepest = depth;
    for (const child of n.content ?? []) stack.push([child, depth + 1]);
  }
  return deepest;
}

/** The text under `node`, gathered without recursion (for content cut by `limitDepth`). */
export function textUnder(node: RichTextNode): string {
  const out: string[] = [];
  const stack: RichTextNode[] = [node];
  while (stack.length) {
    const n = stack.pop()!;
    if (typeof n.text === 'string') out.push(n.text);
    const children = n.content ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return out.join(' ').replace(/\s+/g, ' ').trim();
}

/**
 * `node` with everything nested deeper than MAX_RICH_TEXT_DEPTH replaced by one paragraph of its
 * text: nothing a person wrote is lost, and every recursive renderer stays within the stack.
 * Returns `node` itself when it is shallow enough.
 */
export function limitDepth(node: RichTextNode, max = MAX_RICH_TEXT_DEPTH): RichTextNode {
  if (richTextDepth(node) <= max) return node;
  const cut = (n: RichTextNode, depth: number): RichTextNode => {
    if (!n.content) return n;
    if (depth >= max - 2) {
      const text = textUnder(n);
      return { type: 'paragraph', content: text ? [{ type: 'text', text }] : [] };
    }
    return { ...n, content: n.content.map((c) => cut(c, depth + 1)) };
  };
  return cut(node, 1);
}

/**
 * Between a note's or protocol's Y.Doc and rich-text JSON. The text lives in the XmlFragment
 * named RICH_TEXT_FIELD ('content'). Writing goes through y-tiptap (the binding the editor
 * uses), checked against the schema. Reading is done here, in the same shape y-tiptap gives,
 * but bounded: a Y.Doc is whatever a client sent, and one nested 20,000 levels deep overflowed
 * y-tiptap's recursive reader (every export of the COP answered 500). Past MAX_RICH_TEXT_DEPTH
 * a branch becomes one paragraph of its text, gathered without recursion.
 */
import { RICH_TEXT_FIELD } from '@atelier/workspace';
import { getSchema } from '@tiptap/core';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { richTextExtensions } from './editor-extensions';
import { MAX_RICH_TEXT_DEPTH, richTextDepth, type RichTextMark, type RichTextNode } from './rich-text-json';

let schema: ReturnType<typeof getSchema> | undefined;
export function richTextSchema() {
  return (schema ??= getSchema(richTextExtensions()));
}

/** y-prosemirror stores a mark that may overlap itself as `name--hash`; the mark is `name`. */
const markName = (attribute: string) => /^(.*)--[a-zA-Z0-9+/=]{8}$/.exec(attribute)?.[1] ?? attribute;

function textNodes(text: Y.XmlText): RichTextNode[] {
  const out: RichTextNode[] = [];
  for (const op of text.toDelta() as { insert?: unknown; attributes?: Record<string, unknown> }[]) {
    // Embeds are not part of the schema; only strings are text.
    if (typeof op.insert !== 'string' || op.insert === '') continue;
    const node: RichTextNode = { type: 'text', text: op.insert };
    if (op.attributes) {
      node.marks = Object.entries(op.attributes).map(([name, attrs]): RichTextMark => {
        const mark: RichTextMark = { type: markName(name) };
        if (attrs && typeof attrs === 'object') mark.attrs = attrs as Record<string, unknown>;
        return mark;
      });
    }
    out.push(node);
  }
  return out;
}

/** Every string under a Y element, without recursion. */
function flatText(element: Y.XmlElement): string {
  const out: string[] = [];
  const stack: (Y.XmlElement | Y.XmlText)[] = [element];
  while (stack.length) {
    const item = stack.pop()!;
    if (item instanceof Y.XmlText) {
      for (const node of textNodes(item)) out.push(node.text!);
      continue;
    }
    const children = item.toArray().filter((c): c is Y.XmlElement | Y.XmlText => c instanceof Y.XmlElement || c instanceof Y.XmlText);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return out.join(' ').replace(/\s+/g, ' ').trim();
}

function elementJson(element: Y.XmlElement, depth: number): RichTextNode {
  if (depth >= MAX_RICH_TEXT_DEPTH - 1) {
    const text = flatText(element);
    return { type: 'paragraph', content: text ? [{ type: 'text', text }] : [] };
  }
  const node: RichTextNode = { type: element.nodeName };
  const attrs = element.getAttributes();
  if (Object.keys(attrs).length) node.attrs = attrs;
  const content = childrenJson(element, depth + 1);
  if (content.length) node.content = content;
  return node;
}

function childrenJson(parent: Y.XmlFragment | Y.XmlElement, depth: number): RichTextNode[] {
  const out: RichTextNode[] = [];
  for (const child of parent.toArray()) {
    if (child instanceof Y.XmlText) out.push(...textNodes(child));
    else if (child instanceof Y.XmlElement) out.push(elementJson(child, depth));
  }
  return out;
}

/** The document as rich-text JSON, at most MAX_RICH_TEXT_DEPTH levels deep. */
export function docToJson(doc: Y.Doc): RichTextNode {
  return { type: 'doc', content: childrenJson(doc.getXmlFragment(RICH_TEXT_FIELD), 2) };
}

/** Writes JSON into a Y.Doc's fragment (appending), checked against the schema and the depth bound. */
export function writeJson(doc: Y.Doc, json: RichTextNode) {
  if (richTextDepth(json) > MAX_RICH_TEXT_DEPTH) throw new RangeError(`rich text may nest at most ${MAX_RICH_TEXT_DEPTH} levels`);
  const node = richTextSchema().nodeFromJSON(json);
  node.check();
  prosemirrorJSONToYXmlFragment(richTextSchema(), node.toJSON(), doc.getXmlFragment(RICH_TEXT_FIELD));
}

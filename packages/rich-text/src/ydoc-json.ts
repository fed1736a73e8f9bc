/**
 * Between a note's or protocol's Y.Doc and rich-text JSON. The text lives in the XmlFragment
 * named RICH_TEXT_FIELD ('content'); y-tiptap (the binding the editor uses) converts it.
 */
import { RICH_TEXT_FIELD } from '@atelier/workspace';
import { getSchema } from '@tiptap/core';
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import { richTextExtensions } from './editor-extensions';
import type { RichTextNode } from './rich-text-json';

let schema: ReturnType<typeof getSchema> | undefined;
export function richTextSchema() {
  return (schema ??= getSchema(richTextExtensions()));
}

export function docToJson(doc: Y.Doc): RichTextNode {
  const json = yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(RICH_TEXT_FIELD)) as RichTextNode;
  return json.content ? json : { type: 'doc', content: [] };
}

/** Writes JSON into a Y.Doc's fragment (appending), checked against the schema. */
export function writeJson(doc: Y.Doc, json: RichTextNode) {
  const node = richTextSchema().nodeFromJSON(json);
  node.check();
  prosemirrorJSONToYXmlFragment(richTextSchema(), node.toJSON(), doc.getXmlFragment(RICH_TEXT_FIELD));
}

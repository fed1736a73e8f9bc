/** The rich text of a stored document from its state and updates (on an export worker). */
import { docToJson, type RichTextNode } from '@atelier/rich-text';
import * as Y from 'yjs';

export function storedJson(parts: Uint8Array[]): RichTextNode {
  const doc = new Y.Doc();
  if (parts.length) Y.applyUpdate(doc, parts.length === 1 ? parts[0]! : Y.mergeUpdates(parts));
  return docToJson(doc);
}

/** A protocol's text as stored on the server, rendered for publishing and export. */
import { documentDocName, readDocument, type CopDocument } from '@atelier/workspace';
import { docToJson, plainText, renderHtml, renderMarkdown, type RichTextNode } from '@atelier/rich-text';
import { workspaceDocName } from '@atelier/workspace';
import type * as Y from 'yjs';
import type { DocumentStore } from '../sync/document-store';
import { readStoredDocument } from './stored-document';

export interface RenderedProtocol {
  meta: CopDocument;
  json: RichTextNode;
  html: string;
  markdown: string;
  text: string;
}

export async function readWorkspace(store: DocumentStore, copId: string): Promise<Y.Doc> {
  return readStoredDocument(store, workspaceDocName(copId), copId);
}

export async function renderProtocol(store: DocumentStore, copId: string, meta: CopDocument): Promise<RenderedProtocol> {
  const doc = await readStoredDocument(store, documentDocName(copId, meta.kind, meta.id), copId);
  const json = docToJson(doc);
  return { meta, json, html: renderHtml(json), markdown: renderMarkdown(json), text: plainText(json) };
}

/** The protocol and, when paired, its counterpart, as listed in the stored workspace document. */
export function protocolWithCounterpart(workspace: Y.Doc, protocolId: string): { protocol?: CopDocument; counterpart?: CopDocument } {
  const protocol = readDocument(workspace, protocolId);
  if (!protocol || protocol.kind !== 'protocol') return {};
  const counterpart = protocol.pairedWith ? readDocument(workspace, protocol.pairedWith) : undefined;
  return { protocol, counterpart };
}

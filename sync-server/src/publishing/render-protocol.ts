/** A protocol's text as stored on the server, rendered for publishing and export. */
import { documentDocName, type CopDocument } from '@atelier/workspace';
import { docToJson, plainText, renderHtml, renderMarkdown, type RichTextNode } from '@atelier/rich-text';
import { workspaceDocName } from '@atelier/workspace';
import type * as Y from 'yjs';
import type { DocumentStore } from '../sync/document-store';
import { readStoredDocument } from './stored-document';

export interface RenderedText {
  json: RichTextNode;
  html: string;
  markdown: string;
  text: string;
}

export interface RenderedProtocol extends RenderedText {
  meta: CopDocument;
}

/** Renders rich-text JSON (as stored, or as pinned at approval) into every published form. */
export function renderJson(json: RichTextNode): RenderedText {
  return { json, html: renderHtml(json), markdown: renderMarkdown(json), text: plainText(json) };
}

export async function readWorkspace(store: DocumentStore, copId: string): Promise<Y.Doc> {
  return readStoredDocument(store, workspaceDocName(copId), copId);
}

export async function renderProtocol(store: DocumentStore, copId: string, meta: CopDocument): Promise<RenderedProtocol> {
  const doc = await readStoredDocument(store, documentDocName(copId, meta.kind, meta.id), copId);
  return { meta, ...renderJson(docToJson(doc)) };
}

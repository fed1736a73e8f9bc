/** A COP's notes and protocols as listed in its workspace document, for Svelte. */
import type * as Y from 'yjs';
import { createDocument, documentsMap, listDocuments, readDocument, touchDocument, updateDocument, type CopDocument, type DocumentKind } from '@atelier/workspace';
import { docSubscriber } from '$lib/workspace/doc-subscriber';

export class DocumentsView {
  readonly #subscribe: () => void;

  constructor(private readonly doc: Y.Doc) {
    this.#subscribe = docSubscriber(doc, [documentsMap]);
  }

  /** Most recently edited first. */
  list(kind: DocumentKind, includeArchived = false): CopDocument[] {
    this.#subscribe();
    return listDocuments(this.doc, { kind, includeArchived });
  }

  get(id: string): CopDocument | undefined {
    this.#subscribe();
    return readDocument(this.doc, id);
  }

  create(input: { kind: DocumentKind; title: string; language: 'en' | 'fr'; createdBy: string }): string {
    return createDocument(this.doc, input);
  }

  rename(id: string, title: string) {
    updateDocument(this.doc, id, { title });
  }

  setArchived(id: string, archived: boolean) {
    updateDocument(this.doc, id, { archived });
  }

  touch(id: string, userId: string) {
    touchDocument(this.doc, id, userId);
  }
}

/** A note's or protocol's comments and versions, for Svelte: re-read when their maps change. */
import { commentsMap, listCommentThreads, listVersions, versionsMap, type CommentThread, type DocumentVersion } from '@atelier/workspace';
import type * as Y from 'yjs';
import { docSubscriber } from '$lib/workspace/doc-subscriber';

export class CommentsView {
  readonly #subscribe: () => void;
  constructor(private readonly doc: Y.Doc) {
    this.#subscribe = docSubscriber(doc, [commentsMap]);
  }
  get threads(): CommentThread[] {
    this.#subscribe();
    return listCommentThreads(this.doc);
  }
}

export class VersionsView {
  readonly #subscribe: () => void;
  constructor(private readonly doc: Y.Doc) {
    this.#subscribe = docSubscriber(doc, [versionsMap]);
  }
  get all(): DocumentVersion[] {
    this.#subscribe();
    return listVersions(this.doc);
  }
}

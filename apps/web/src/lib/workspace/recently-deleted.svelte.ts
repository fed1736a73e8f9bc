/** A COP's recent deletions, for Svelte: re-read whenever something is deleted, restored or recreated. */
import type * as Y from 'yjs';
import {
  actionItemsMap,
  agendaItemsMap,
  decisionsMap,
  expensesMap,
  listRecentlyDeleted,
  meetingsMap,
  recentlyDeletedMap,
  restoreDeleted,
  type DeletedEntry
} from '@atelier/workspace';
import { docSubscriber } from './doc-subscriber';

export class RecentlyDeletedView {
  readonly #subscribe: () => void;

  constructor(private readonly doc: Y.Doc) {
    this.#subscribe = docSubscriber(doc, [recentlyDeletedMap, meetingsMap, agendaItemsMap, decisionsMap, actionItemsMap, expensesMap]);
  }

  get all(): DeletedEntry[] {
    this.#subscribe();
    return listRecentlyDeleted(this.doc);
  }

  restore(recordId: string): boolean {
    return restoreDeleted(this.doc, recordId);
  }
}

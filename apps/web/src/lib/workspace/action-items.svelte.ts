/** Every action item of the workspace (open ones on the home page), and changing one. */
import type * as Y from 'yjs';
import { actionItemsMap, listActionItems, listOpenActionItems, meetingsMap, updateActionItem, type ActionItem } from '@atelier/workspace';
import { docSubscriber } from './doc-subscriber';

/** What may change of an action after it was captured. */
export type ActionPatch = Partial<Pick<ActionItem, 'what' | 'ownerId' | 'dueDate' | 'status'>>;

export class ActionItemsView {
  readonly #subscribe: () => void;

  constructor(private readonly doc: Y.Doc) {
    this.#subscribe = docSubscriber(doc, [actionItemsMap, meetingsMap]);
  }

  get all(): ActionItem[] {
    this.#subscribe();
    return listActionItems(this.doc);
  }

  get open(): ActionItem[] {
    this.#subscribe();
    return listOpenActionItems(this.doc);
  }

  update(id: string, patch: ActionPatch) {
    updateActionItem(this.doc, id, patch);
  }
}

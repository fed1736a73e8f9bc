/**
 * The COP library (links and files) of the open workspace, for Svelte: re-read when an item, a
 * tag or a link from an agenda item/note/protocol changes, on this device or another.
 */
import type * as Y from 'yjs';
import {
  addLibraryFile,
  addLibraryLink,
  deleteLibraryItem,
  LIBRARY_LINKS_KEY,
  LIBRARY_TAGS_KEY,
  libraryMap,
  linkedLibraryItems,
  linkLibraryItem,
  listLibrary,
  searchLibrary,
  setLibraryTag,
  updateLibraryItem,
  type LibraryItem,
  type LibraryLanguage,
  type LinkTarget,
  type NewLibraryFile,
  type NewLibraryLink
} from '@atelier/workspace';
import { docSubscriber } from '$lib/workspace/doc-subscriber';

/** What the list can be narrowed to; '' means "any". */
export interface LibraryFilter {
  query: string;
  tag: string;
  folder: string;
  language: LibraryLanguage | '';
}

export type LibraryPatch = Partial<{ title: string; description: string; language: LibraryLanguage; folder: string; url: string }>;

export class LibraryView {
  readonly #subscribe: () => void;

  constructor(private readonly doc: Y.Doc) {
    // The tag and link maps have no accessor in the model's public API; their keys are exported.
    this.#subscribe = docSubscriber(doc, [libraryMap, (d) => d.getMap(LIBRARY_TAGS_KEY), (d) => d.getMap(LIBRARY_LINKS_KEY)]);
  }

  /** Every item, newest first. */
  get all(): LibraryItem[] {
    this.#subscribe();
    return listLibrary(this.doc);
  }

  get(id: string): LibraryItem | undefined {
    return this.all.find((item) => item.id === id);
  }

  /** Tags and folders in use, sorted for pickers. */
  get tags(): string[] {
    return [...new Set(this.all.flatMap((item) => item.tags))].sort((a, b) => a.localeCompare(b));
  }

  get folders(): string[] {
    return [...new Set(this.all.map((item) => item.folder).filter(Boolean))].sort((a, b) => a.localeCompare(b));
  }

  /** Search (accent- and case-insensitive, on the device) then the filters. */
  filtered(filter: LibraryFilter): LibraryItem[] {
    return searchLibrary(this.all, filter.query).filter(
      (item) =>
        (!filter.tag || item.tags.includes(filter.tag)) &&
        (!filter.folder || item.folder === filter.folder) &&
        (!filter.language || item.language === filter.language || item.language === 'both')
    );
  }

  addLink(input: NewLibraryLink): string {
    return addLibraryLink(this.doc, input);
  }

  addFile(input: NewLibraryFile): string {
    return addLibraryFile(this.doc, input);
  }

  update(id: string, patch: LibraryPatch) {
    updateLibraryItem(this.doc, id, patch);
  }

  /** Makes the item's tags exactly `tags` (adding and removing only what changed). */
  setTags(id: string, tags: readonly string[]) {
    const current = this.get(id)?.tags ?? [];
    const wanted = new Set(tags.map((t) => t.trim().toLowerCase().replace(/\s+/g, ' ')).filter(Boolean));
    for (const tag of current) if (!wanted.has(tag)) setLibraryTag(this.doc, id, tag, false);
    for (const tag of wanted) if (!current.includes(tag)) setLibraryTag(this.doc, id, tag, true);
  }

  delete(id: string) {
    deleteLibraryItem(this.doc, id);
  }

  linked(target: LinkTarget, targetId: string): LibraryItem[] {
    this.#subscribe();
    return linkedLibraryItems(this.doc, target, targetId);
  }

  link(target: LinkTarget, targetId: string, itemId: string, on: boolean) {
    linkLibraryItem(this.doc, target, targetId, itemId, on);
  }
}

/** "budget, Data sharing , " → ["budget", "data sharing"] (the model cleans each tag further). */
export function parseTags(text: string): string[] {
  return [...new Set(text.split(/[,;\n]/).map((t) => t.trim().toLowerCase().replace(/\s+/g, ' ')).filter(Boolean))];
}

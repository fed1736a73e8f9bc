/**
 * What an update would change in a document, as paths from a root type — read before the update
 * is applied, so a server can refuse it whole. `['meetings', id]` is a meeting's entry in the
 * root map, `['meetings', id, 'currentItemId']` one of its fields, `['agendaItems', id, 'minutes',
 * '#']` text inside a nested Y.Text ('#' stands for a position in a sequence).
 *
 * Yjs encodes where a struct goes compactly: an item with a left or right neighbour carries no
 * parent (it inherits its neighbour's), and an item's parent is named by the id of the item that
 * holds the parent type. Both are resolved against the update's own structs first, then against
 * the document's store. Deletions name id ranges; they are looked up the same way.
 */
import * as Y from 'yjs';

export interface UpdateChange {
  kind: 'insert' | 'delete';
  path: string[];
  /** For an inserted plain value (a map field set to a string, number…), the value. */
  value?: unknown;
}

type Ref = { client: number; clock: number };
/** A struct as decodeUpdate gives it: parent and parentSub are only set when Yjs had to write them. */
type DecodedItem = Y.Item & { parent: string | Ref | null };

const SEQUENCE = '#';
/** The path of what lands inside something already garbage-collected: no change at all. */
const GONE: string[] = [];

function storedEnd(structs: (Y.Item | Y.GC)[]): number {
  const last = structs[structs.length - 1];
  return last ? last.id.clock + last.length : 0;
}

class Resolver {
  readonly #byClient = new Map<number, (DecodedItem | Y.GC)[]>();
  readonly #paths = new Map<Y.Item, string[] | null>();

  constructor(
    private readonly doc: Y.Doc,
    structs: (Y.Item | Y.GC | Y.Skip)[]
  ) {
    for (const s of structs) {
      if (s instanceof Y.Skip) continue;
      const list = this.#byClient.get(s.id.client) ?? [];
      list.push(s as DecodedItem | Y.GC);
      this.#byClient.set(s.id.client, list);
    }
  }

  /** The struct (of this update or of the document) that contains the clock `ref`. */
  find(ref: Ref): { item: Y.Item | Y.GC; fromUpdate: boolean } | null {
    const own = this.#byClient.get(ref.client)?.find((s) => s.id.clock <= ref.clock && ref.clock < s.id.clock + s.length);
    if (own) return { item: own, fromUpdate: true };
    const stored = this.doc.store.clients.get(ref.client);
    if (!stored || ref.clock >= storedEnd(stored)) return null;
    const struct = stored[Y.findIndexSS(stored, ref.clock)];
    return struct instanceof Y.Item || struct instanceof Y.GC ? { item: struct, fromUpdate: false } : null;
  }

  /** Path of an item of the document (integrated: its parent is a type). */
  #storedPath(item: Y.Item): string[] | null {
    const keys: string[] = [];
    let current: Y.Item | null = item;
    while (current) {
      keys.unshift(current.parentSub ?? SEQUENCE);
      const parent = current.parent as Y.AbstractType<unknown> | null;
      if (!parent) return null;
      if (parent._item === null) {
        const root = Y.findRootTypeKey(parent);
        keys.unshift(root);
        return keys;
      }
      current = parent._item;
    }
    return null;
  }

  /** Path of an item of this update (not integrated: parent and parentSub may be implicit). */
  #updatePath(item: DecodedItem, depth: number): string[] | null {
    if (depth > 64) return null;
    const parent = item.parent;
    if (typeof parent === 'string') return [parent, item.parentSub ?? SEQUENCE];
    if (parent !== null) {
      const holder = this.find(parent as Ref);
      if (!holder) return null;
      // Inside something already garbage-collected: Yjs drops it on arrival.
      if (holder.item instanceof Y.GC) return GONE;
      const holderPath = this.path(holder.item, depth + 1);
      if (holderPath === GONE) return GONE;
      return holderPath && [...holderPath, item.parentSub ?? SEQUENCE];
    }
    // No parent written: the same parent and key as the neighbour it was inserted next to.
    const neighbour = item.origin ?? item.rightOrigin;
    if (!neighbour) return null;
    const found = this.find(neighbour);
    if (!found) return null;
    if (found.item instanceof Y.GC) return GONE;
    const beside = this.path(found.item, depth + 1);
    // The neighbour's own path ends with its key (or '#'): an item beside it shares all of it.
    return beside;
  }

  path(item: Y.Item, depth = 0): string[] | null {
    if (this.#paths.has(item)) return this.#paths.get(item)!;
    const isStored = item.parent instanceof Y.AbstractType;
    const path = isStored ? this.#storedPath(item) : this.#updatePath(item as DecodedItem, depth);
    this.#paths.set(item, path);
    return path;
  }

  *decodedItems(): Generator<DecodedItem> {
    for (const list of this.#byClient.values()) for (const s of list) if (s instanceof Y.Item) yield s;
  }
}

/**
 * Every change `update` would make to `doc`, or null when part of it cannot be placed (it refers
 * to structs neither the update nor the document holds: it would wait, pending, in Yjs).
 * Deleting what is already deleted, or already garbage-collected, is no change.
 */
export function updateChanges(doc: Y.Doc, update: Uint8Array): UpdateChange[] | null {
  const { structs, ds } = Y.decodeUpdate(update);
  const resolver = new Resolver(doc, structs);
  const changes: UpdateChange[] = [];
  for (const item of resolver.decodedItems()) {
    // Already in the document (a duplicate the client resent): nothing new.
    const stored = doc.store.clients.get(item.id.client);
    if (stored && item.id.clock + item.length <= storedEnd(stored)) continue;
    const path = resolver.path(item);
    if (!path) return null;
    if (path === GONE) continue;
    const content = item.content;
    const value = content instanceof Y.ContentAny ? content.getContent()[0] : content instanceof Y.ContentString ? content.str : undefined;
    changes.push({ kind: 'insert', path, value });
  }
  for (const [client, ranges] of ds.clients) {
    for (const { clock, len } of ranges) {
      for (let c = clock; c < clock + len; ) {
        const found = resolver.find({ client, clock: c });
        // Never seen: a delete that would wait, pending, for its structs.
        if (!found) return null;
        const { item, fromUpdate } = found;
        if (item instanceof Y.Item && (fromUpdate || !item.deleted)) {
          const path = resolver.path(item);
          if (!path) return null;
          if (path !== GONE) changes.push({ kind: 'delete', path });
        }
        c = item.id.clock + item.length;
      }
    }
  }
  return changes;
}

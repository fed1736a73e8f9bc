/**
 * Order of list items as fractional-index keys stored on each item, not as array positions:
 * moving an item rewrites one key (last writer wins), so two people reordering at once never
 * duplicate or lose an item. Equal keys (two inserts at the same spot) are ordered by id, so
 * every replica shows the same order.
 */
import { generateKeyBetween } from 'fractional-indexing';

export interface Ordered {
  id: string;
  order: string;
}

export function byOrder(a: Ordered, b: Ordered): number {
  if (a.order !== b.order) return a.order < b.order ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** A key after every item of the list. */
export function keyAtEnd(sorted: readonly Ordered[]): string {
  return generateKeyBetween(sorted.at(-1)?.order ?? null, null);
}

/**
 * The key that puts `id` at position `index` of the list without it (0 = first). Items with
 * equal keys around the spot are handled by generating between distinct neighbours.
 */
export function keyForPosition(sorted: readonly Ordered[], id: string, index: number): string {
  const others = sorted.filter((item) => item.id !== id);
  const clamped = Math.max(0, Math.min(index, others.length));
  const before = others[clamped - 1]?.order ?? null;
  let after: string | null = others[clamped]?.order ?? null;
  if (before !== null && after !== null && before >= after) {
    // Neighbours share a key (concurrent inserts): place after `before` and before the next larger key.
    after = others.slice(clamped).find((o) => o.order > before)?.order ?? null;
  }
  return generateKeyBetween(before, after);
}

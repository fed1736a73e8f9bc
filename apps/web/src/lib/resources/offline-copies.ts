/**
 * Resource Centre pages this device has already opened, kept in localStorage so they open again
 * with no network ("available offline once viewed"). Each entry is the JSON the server answered,
 * keyed by item (and version); the oldest entries go first when there are too many or storage is
 * full. Published versions never change, so a kept copy of a version is never stale; a kept item
 * may miss versions published since, which the page says ("offline copy").
 */
const PREFIX = 'atelier.resources.v1.';
/** Enough for a season of reading at a venue; each entry is one protocol's rendered text. */
const MAX_ENTRIES = 60;

interface Entry<T> {
  savedAt: number;
  value: T;
}

const keyOf = (itemId: string, version?: number) => `${PREFIX}${itemId}${version === undefined ? '' : `@${version}`}`;

function entries(): { key: string; savedAt: number }[] {
  const out: { key: string; savedAt: number }[] = [];
  for (let i = 0; i < localStorage.length; i++) {
    const key = localStorage.key(i);
    if (!key?.startsWith(PREFIX)) continue;
    try {
      out.push({ key, savedAt: (JSON.parse(localStorage.getItem(key) ?? '{}') as Entry<unknown>).savedAt ?? 0 });
    } catch {
      out.push({ key, savedAt: 0 });
    }
  }
  return out.sort((a, b) => a.savedAt - b.savedAt);
}

function dropOldest(count: number) {
  for (const { key } of entries().slice(0, count)) localStorage.removeItem(key);
}

/** Keeps what the server answered for an item (no version) or one version. */
export function keepCopy<T>(value: T, itemId: string, version?: number, now = Date.now()) {
  if (typeof localStorage === 'undefined') return;
  const raw = JSON.stringify({ savedAt: now, value } satisfies Entry<T>);
  const key = keyOf(itemId, version);
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      localStorage.setItem(key, raw);
      const extra = entries().length - MAX_ENTRIES;
      if (extra > 0) dropOldest(extra);
      return;
    } catch {
      // Storage full: make room from the oldest copies and try again (at most three times).
      dropOldest(5);
    }
  }
}

/** The kept copy, if this device has one. */
export function keptCopy<T>(itemId: string, version?: number): { savedAt: number; value: T } | null {
  if (typeof localStorage === 'undefined') return null;
  try {
    const raw = localStorage.getItem(keyOf(itemId, version));
    return raw ? (JSON.parse(raw) as Entry<T>) : null;
  } catch {
    // Unreadable copy: as if there were none.
    return null;
  }
}

/** Forgets the copies of an item (after it was unpublished). */
export function forgetCopies(itemId: string) {
  if (typeof localStorage === 'undefined') return;
  for (const { key } of entries()) if (key === keyOf(itemId) || key.startsWith(`${keyOf(itemId)}@`)) localStorage.removeItem(key);
}

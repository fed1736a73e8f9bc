/**
 * Search of a COP's notes and protocols on this device: by title and by text, ignoring case and
 * accents (so "reunion" finds "Réunion"), every word of the query must appear. Titles rank first;
 * each hit carries a short excerpt around the first match in the text.
 */
export interface Searchable {
  id: string;
  title: string;
  /** The document's plain text, or null when the device has no copy of it yet. */
  text: string | null;
}

export interface SearchHit {
  id: string;
  inTitle: boolean;
  /** Text around the first match in the body ('' when only the title matched). */
  excerpt: string;
}

/** Lower case without accents, with the same length as the input (so indexes carry over). */
export function fold(text: string): string {
  let out = '';
  for (const ch of text) {
    const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
    // Keep positions aligned: characters that fold to more or fewer units keep their own length.
    out += base.length === ch.length ? base : ch.toLowerCase().padEnd(ch.length).slice(0, ch.length);
  }
  return out;
}

function terms(query: string): string[] {
  return fold(query).split(/\s+/).filter(Boolean);
}

const EXCERPT_BEFORE = 40;
const EXCERPT_LENGTH = 140;

function excerptAt(text: string, index: number): string {
  const start = Math.max(0, index - EXCERPT_BEFORE);
  const slice = text.slice(start, start + EXCERPT_LENGTH).replace(/\s+/g, ' ').trim();
  return `${start > 0 ? '…' : ''}${slice}${start + EXCERPT_LENGTH < text.length ? '…' : ''}`;
}

export function searchDocuments(items: readonly Searchable[], query: string): SearchHit[] {
  const words = terms(query);
  if (words.length === 0) return [];
  const hits: (SearchHit & { rank: number })[] = [];
  for (const item of items) {
    const title = fold(item.title);
    const body = item.text === null ? '' : fold(item.text);
    // Every word must be somewhere: in the title or in the text.
    if (!words.every((w) => title.includes(w) || body.includes(w))) continue;
    const inTitle = words.every((w) => title.includes(w));
    const first = words.map((w) => body.indexOf(w)).filter((i) => i >= 0);
    const excerpt = first.length && item.text !== null ? excerptAt(item.text, Math.min(...first)) : '';
    hits.push({ id: item.id, inTitle, excerpt, rank: inTitle ? 0 : 1 });
  }
  return hits.sort((a, b) => a.rank - b.rank).map(({ rank: _rank, ...hit }) => hit);
}

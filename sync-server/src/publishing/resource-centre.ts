/**
 * The Resource Centre: published protocols of the whole programme. Each item holds one protocol
 * in one or both official languages; each publication adds an immutable version (v1, v2…). Search
 * covers the latest version of every item that is still published, in both languages, with
 * accents and case folded (SQLite FTS5, unicode61 remove_diacritics).
 */
import type { ResourceItem } from '@atelier/api-types';
import type { RichTextNode } from '@atelier/rich-text';
import type { SqliteDatabase } from '../db/database';
import { newId } from '../accounts/ids';

export type Lang = 'en' | 'fr';

export interface LanguageVersion {
  title: string;
  summary: string;
  html: string;
  markdown: string;
  text: string;
  /** The rich-text JSON the others were rendered from (for DOCX and future formats). */
  json: RichTextNode;
}

export interface ResourceVersion {
  itemId: string;
  version: number;
  publishedAt: number;
  publishedBy: string | null;
  changeSummary: string;
  authors: { id: string; name: string }[];
  en: LanguageVersion | null;
  fr: LanguageVersion | null;
}

/** What the Resource Centre lists of an item: the API's shape, shared with the web client. */
export type ResourceItemSummary = ResourceItem;

interface VersionRow {
  item_id: string;
  version: number;
  published_at: number;
  published_by: string | null;
  change_summary: string;
  authors: string;
  en_title: string | null;
  en_summary: string | null;
  en_html: string | null;
  en_markdown: string | null;
  en_text: string | null;
  en_json: string | null;
  fr_title: string | null;
  fr_summary: string | null;
  fr_html: string | null;
  fr_markdown: string | null;
  fr_text: string | null;
  fr_json: string | null;
}

const lang = (r: VersionRow, l: Lang): LanguageVersion | null =>
  r[`${l}_title`] === null
    ? null
    : {
        title: r[`${l}_title`]!,
        summary: r[`${l}_summary`] ?? '',
        html: r[`${l}_html`] ?? '',
        markdown: r[`${l}_markdown`] ?? '',
        text: r[`${l}_text`] ?? '',
        json: JSON.parse(r[`${l}_json`] ?? '{"type":"doc","content":[]}') as RichTextNode
      };

const toVersion = (r: VersionRow): ResourceVersion => ({
  itemId: r.item_id,
  version: r.version,
  publishedAt: r.published_at,
  publishedBy: r.published_by,
  changeSummary: r.change_summary,
  authors: JSON.parse(r.authors) as { id: string; name: string }[],
  en: lang(r, 'en'),
  fr: lang(r, 'fr')
});

/** The item one COP's protocol (or its counterpart) was published under, if any. */
export function findItemForProtocols(db: SqliteDatabase, copId: string, protocolIds: string[]): { id: string } | undefined {
  const find = db.prepare('SELECT id FROM resource_items WHERE cop_id = ? AND (protocol_en = ? OR protocol_fr = ?)');
  for (const id of protocolIds) {
    const row = find.get(copId, id, id) as { id: string } | undefined;
    if (row) return row;
  }
  return undefined;
}

/** Ids of every item a COP published, taken-down ones included, oldest first. */
export function listCopItems(db: SqliteDatabase, copId: string): string[] {
  return db.prepare('SELECT id FROM resource_items WHERE cop_id = ? ORDER BY created_at, id').pluck(true).all(copId) as string[];
}

export function addVersion(
  db: SqliteDatabase,
  input: {
    copId: string;
    protocols: Partial<Record<Lang, string>>;
    publishedBy: string;
    changeSummary: string;
    authors: { id: string; name: string }[];
    content: Partial<Record<Lang, LanguageVersion>>;
    isPublic?: boolean;
  },
  now = Date.now()
): ResourceVersion {
  let item = findItemForProtocols(db, input.copId, Object.values(input.protocols).filter(Boolean) as string[]);
  if (!item) {
    item = { id: newId() };
    db.prepare('INSERT INTO resource_items (id, cop_id, protocol_en, protocol_fr, is_public, created_at) VALUES (?, ?, ?, ?, ?, ?)').run(
      item.id,
      input.copId,
      input.protocols.en ?? null,
      input.protocols.fr ?? null,
      input.isPublic ? 1 : 0,
      now
    );
  } else {
    // A later publication may add the other language, and puts an unpublished item back.
    db.prepare(
      `UPDATE resource_items SET protocol_en = COALESCE(?, protocol_en), protocol_fr = COALESCE(?, protocol_fr), unpublished_at = NULL,
       is_public = COALESCE(?, is_public) WHERE id = ?`
    ).run(input.protocols.en ?? null, input.protocols.fr ?? null, input.isPublic === undefined ? null : input.isPublic ? 1 : 0, item.id);
  }
  const next = ((db.prepare('SELECT MAX(version) AS v FROM resource_versions WHERE item_id = ?').get(item.id) as { v: number | null }).v ?? 0) + 1;
  const c = (l: Lang) => input.content[l];
  db.prepare(
    `INSERT INTO resource_versions (item_id, version, published_at, published_by, change_summary, authors,
       en_title, en_summary, en_html, en_markdown, en_text, en_json, fr_title, fr_summary, fr_html, fr_markdown, fr_text, fr_json)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
  ).run(
    item.id,
    next,
    now,
    input.publishedBy,
    input.changeSummary.trim(),
    JSON.stringify(input.authors),
    c('en')?.title ?? null,
    c('en')?.summary ?? null,
    c('en')?.html ?? null,
    c('en')?.markdown ?? null,
    c('en')?.text ?? null,
    c('en') ? JSON.stringify(c('en')!.json) : null,
    c('fr')?.title ?? null,
    c('fr')?.summary ?? null,
    c('fr')?.html ?? null,
    c('fr')?.markdown ?? null,
    c('fr')?.text ?? null,
    c('fr') ? JSON.stringify(c('fr')!.json) : null
  );
  reindex(db, item.id);
  return getVersion(db, item.id, next)!;
}

function reindex(db: SqliteDatabase, itemId: string) {
  db.prepare('DELETE FROM resource_search WHERE item_id = ?').run(itemId);
  const latest = latestVersion(db, itemId);
  const item = db.prepare('SELECT unpublished_at FROM resource_items WHERE id = ?').get(itemId) as { unpublished_at: number | null };
  if (!latest || item.unpublished_at !== null) return;
  for (const l of ['en', 'fr'] as const) {
    const v = latest[l];
    if (v) db.prepare('INSERT INTO resource_search (item_id, language, title, summary, body) VALUES (?, ?, ?, ?, ?)').run(itemId, l, v.title, v.summary, v.text);
  }
}

export function getVersion(db: SqliteDatabase, itemId: string, version: number): ResourceVersion | undefined {
  const row = db.prepare('SELECT * FROM resource_versions WHERE item_id = ? AND version = ?').get(itemId, version) as VersionRow | undefined;
  return row && toVersion(row);
}

export function latestVersion(db: SqliteDatabase, itemId: string): ResourceVersion | undefined {
  const row = db.prepare('SELECT * FROM resource_versions WHERE item_id = ? ORDER BY version DESC LIMIT 1').get(itemId) as VersionRow | undefined;
  return row && toVersion(row);
}

export function listVersions(db: SqliteDatabase, itemId: string): Omit<ResourceVersion, 'en' | 'fr'>[] {
  const rows = db.prepare('SELECT * FROM resource_versions WHERE item_id = ? ORDER BY version DESC').all(itemId) as VersionRow[];
  return rows.map((r) => {
    const { en: _en, fr: _fr, ...rest } = toVersion(r);
    return rest;
  });
}

/** What a list of items needs, read in one statement: the item, its COP, its latest version's titles and summaries. */
interface SummaryRow {
  id: string;
  cop_id: string;
  is_public: number;
  unpublished_at: number | null;
  cop_name: string;
  area: string;
  version: number;
  published_at: number;
  en_title: string | null;
  en_summary: string | null;
  fr_title: string | null;
  fr_summary: string | null;
}

const SUMMARY_COLUMNS = `i.id, i.cop_id, i.is_public, i.unpublished_at, c.name AS cop_name, c.area_of_interest AS area,
  v.version, v.published_at, v.en_title, v.en_summary, v.fr_title, v.fr_summary`;
// The latest version through the (item_id, version) primary key: no text, HTML or JSON is read.
const SUMMARY_JOINS = `JOIN cops c ON c.id = i.cop_id
  JOIN resource_versions v ON v.item_id = i.id AND v.version = (SELECT MAX(version) FROM resource_versions WHERE item_id = i.id)`;

function toSummary(r: SummaryRow): ResourceItemSummary {
  const languages = (['en', 'fr'] as const).filter((l) => r[`${l}_title`] !== null);
  return {
    id: r.id,
    copId: r.cop_id,
    copName: r.cop_name,
    areaOfInterest: r.area,
    isPublic: r.is_public === 1,
    published: r.unpublished_at === null,
    latestVersion: r.version,
    publishedAt: r.published_at,
    languages: [...languages],
    title: Object.fromEntries(languages.map((l) => [l, r[`${l}_title`]!])),
    summary: Object.fromEntries(languages.map((l) => [l, r[`${l}_summary`] ?? ''])),
    translationPending: languages.length < 2
  };
}

export function itemSummary(db: SqliteDatabase, itemId: string): ResourceItemSummary | undefined {
  const row = db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM resource_items i ${SUMMARY_JOINS} WHERE i.id = ?`).get(itemId) as SummaryRow | undefined;
  return row && toSummary(row);
}

/** Turns what a person typed into an FTS5 query: every word must match, as a prefix. */
function ftsQuery(q: string): string | undefined {
  const words = q
    .normalize('NFC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 12);
  return words.length ? words.map((w) => `"${w.replace(/"/g, '""')}"*`).join(' ') : undefined;
}

export interface ResourceQuery {
  q?: string;
  copId?: string;
  area?: string;
  language?: Lang;
  from?: number;
  to?: number;
  publicOnly?: boolean;
}

/** Published items matching the query, best match first (or newest first without words), in one statement. */
export function searchResources(db: SqliteDatabase, query: ResourceQuery = {}): ResourceItemSummary[] {
  const match = query.q ? ftsQuery(query.q) : undefined;
  const where = ['i.unpublished_at IS NULL'];
  const params: Record<string, string | number> = {};
  if (query.copId) (where.push('i.cop_id = @cop'), (params.cop = query.copId));
  if (query.language) where.push(query.language === 'fr' ? 'v.fr_title IS NOT NULL' : 'v.en_title IS NOT NULL');
  if (query.from !== undefined) (where.push('v.published_at >= @from'), (params.from = query.from));
  if (query.to !== undefined) (where.push('v.published_at <= @to'), (params.to = query.to));
  if (query.publicOnly) where.push('i.is_public = 1');
  if (match) params.match = match;
  const sql = match
    ? `WITH hits AS (SELECT item_id, MIN(rank) AS rank FROM resource_search WHERE resource_search MATCH @match GROUP BY item_id)
       SELECT ${SUMMARY_COLUMNS} FROM hits JOIN resource_items i ON i.id = hits.item_id ${SUMMARY_JOINS}
       WHERE ${where.join(' AND ')} ORDER BY hits.rank`
    : `SELECT ${SUMMARY_COLUMNS} FROM resource_items i ${SUMMARY_JOINS} WHERE ${where.join(' AND ')} ORDER BY v.published_at DESC, i.id`;
  const rows = db.prepare(sql).all(params) as SummaryRow[];
  // Areas are compared with accents and case folded, which SQLite's lower() cannot do.
  const fold = (t: string) => t.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
  const area = query.area === undefined ? undefined : fold(query.area);
  return rows.filter((r) => area === undefined || fold(r.area) === area).map(toSummary);
}

export function setPublic(db: SqliteDatabase, itemId: string, isPublic: boolean) {
  db.prepare('UPDATE resource_items SET is_public = ? WHERE id = ?').run(isPublic ? 1 : 0, itemId);
}

export function unpublishItem(db: SqliteDatabase, itemId: string, now = Date.now()): { protocolIds: string[]; copId: string } | undefined {
  const row = db.prepare('SELECT cop_id, protocol_en, protocol_fr FROM resource_items WHERE id = ? AND unpublished_at IS NULL').get(itemId) as
    | { cop_id: string; protocol_en: string | null; protocol_fr: string | null }
    | undefined;
  if (!row) return undefined;
  db.prepare('UPDATE resource_items SET unpublished_at = ? WHERE id = ?').run(now, itemId);
  reindex(db, itemId);
  return { copId: row.cop_id, protocolIds: [row.protocol_en, row.protocol_fr].filter((x): x is string => !!x) };
}

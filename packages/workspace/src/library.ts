/**
 * The COP library: links (URL, title, note) and files (kept by the server under a client-chosen
 * id, see docs/api.md) with title, description, language, tags and folder, who added it and when.
 * Tags are flat keys (`{itemId}:{tag}`) so two people tagging at once both keep their tag. Items
 * can be linked from agenda items, notes and protocols (`libraryLinks`, flat keys too).
 */
import * as Y from 'yjs';
import { newEntityId } from './ids';
import { LOCAL_CHANGE, type ChangeOrigin } from './origin';
import { optionalText, requireOneOf, requireText, WorkspaceValidationError } from './validation-error';

export const LIBRARY_KEY = 'library';
export const LIBRARY_TAGS_KEY = 'libraryTags';
export const LIBRARY_LINKS_KEY = 'libraryLinks';

export const LIBRARY_LANGUAGES = ['en', 'fr', 'both'] as const;
export type LibraryLanguage = (typeof LIBRARY_LANGUAGES)[number];
export const LINK_TARGETS = ['agendaItem', 'note', 'protocol'] as const;
export type LinkTarget = (typeof LINK_TARGETS)[number];

interface LibraryItemBase {
  id: string;
  title: string;
  description: string;
  language: LibraryLanguage;
  tags: string[];
  folder: string;
  addedBy: string;
  addedAt: number;
}
export interface LibraryLink extends LibraryItemBase {
  kind: 'link';
  url: string;
}
export interface LibraryFile extends LibraryItemBase {
  kind: 'file';
  /** The server's file id (PUT /api/cops/{copId}/files/{fileId}). */
  fileId: string;
  fileName: string;
  size: number;
  contentType: string;
}
export type LibraryItem = LibraryLink | LibraryFile;

type Common = { title: string; description?: string; language?: LibraryLanguage; tags?: string[]; folder?: string; addedBy: string };
export type NewLibraryLink = Common & { url: string };
export type NewLibraryFile = Common & { fileId: string; fileName: string; size: number; contentType: string };

export function libraryMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap(LIBRARY_KEY);
}
function tagsMap(doc: Y.Doc): Y.Map<boolean> {
  return doc.getMap(LIBRARY_TAGS_KEY);
}
function linksMap(doc: Y.Doc): Y.Map<boolean> {
  return doc.getMap(LIBRARY_LINKS_KEY);
}

function cleanTag(tag: string): string {
  const t = tag.trim().toLowerCase().replace(/\s+/g, ' ');
  if (!t || t.length > 40 || t.includes(':')) throw new WorkspaceValidationError('tags', 'each tag is 1 to 40 characters, without ":"');
  return t;
}

function cleanUrl(url: string): string {
  const value = requireText('url', url, 2000);
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new WorkspaceValidationError('url', 'must be a web address like https://example.ca');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new WorkspaceValidationError('url', 'must start with https:// or http://');
  return parsed.href;
}

function addItem(doc: Y.Doc, fields: Record<string, unknown>, common: Common, origin: ChangeOrigin, now: number): string {
  const title = requireText('title', common.title, 300);
  const description = optionalText('description', common.description, 4000);
  const language = requireOneOf('language', common.language ?? 'both', LIBRARY_LANGUAGES);
  const folder = optionalText('folder', common.folder, 100);
  const tags = (common.tags ?? []).map(cleanTag);
  const id = newEntityId();
  doc.transact(() => {
    const item = new Y.Map<unknown>();
    for (const [k, v] of Object.entries({ ...fields, title, description, language, folder, addedBy: common.addedBy, addedAt: now })) item.set(k, v);
    libraryMap(doc).set(id, item);
    for (const tag of tags) tagsMap(doc).set(`${id}:${tag}`, true);
  }, origin);
  return id;
}

export function addLibraryLink(doc: Y.Doc, input: NewLibraryLink, origin: ChangeOrigin = LOCAL_CHANGE, now = Date.now()): string {
  return addItem(doc, { kind: 'link', url: cleanUrl(input.url) }, input, origin, now);
}

export function addLibraryFile(doc: Y.Doc, input: NewLibraryFile, origin: ChangeOrigin = LOCAL_CHANGE, now = Date.now()): string {
  if (!/^[a-z0-9]{8,64}$/.test(input.fileId)) throw new WorkspaceValidationError('fileId', 'must be 8 to 64 lower-case letters and digits');
  if (!Number.isSafeInteger(input.size) || input.size < 0) throw new WorkspaceValidationError('size', 'must be a whole number of bytes');
  const fileName = requireText('fileName', input.fileName, 255);
  return addItem(doc, { kind: 'file', fileId: input.fileId, fileName, size: input.size, contentType: optionalText('contentType', input.contentType, 200) }, input, origin, now);
}

export function updateLibraryItem(
  doc: Y.Doc,
  id: string,
  patch: Partial<{ title: string; description: string; language: LibraryLanguage; folder: string; url: string }>,
  origin: ChangeOrigin = LOCAL_CHANGE
) {
  const item = libraryMap(doc).get(id);
  if (!(item instanceof Y.Map)) return;
  const clean: Record<string, unknown> = {};
  if (patch.title !== undefined) clean.title = requireText('title', patch.title, 300);
  if (patch.description !== undefined) clean.description = optionalText('description', patch.description, 4000);
  if (patch.language !== undefined) clean.language = requireOneOf('language', patch.language, LIBRARY_LANGUAGES);
  if (patch.folder !== undefined) clean.folder = optionalText('folder', patch.folder, 100);
  if (patch.url !== undefined && item.get('kind') === 'link') clean.url = cleanUrl(patch.url);
  doc.transact(() => {
    for (const [k, v] of Object.entries(clean)) if (item.get(k) !== v) item.set(k, v);
  }, origin);
}

export function setLibraryTag(doc: Y.Doc, id: string, tag: string, on: boolean, origin: ChangeOrigin = LOCAL_CHANGE) {
  if (!libraryMap(doc).has(id)) return;
  const key = `${id}:${cleanTag(tag)}`;
  doc.transact(() => (on ? tagsMap(doc).set(key, true) : tagsMap(doc).delete(key)), origin);
}

export function deleteLibraryItem(doc: Y.Doc, id: string, origin: ChangeOrigin = LOCAL_CHANGE) {
  doc.transact(() => {
    libraryMap(doc).delete(id);
    for (const key of [...tagsMap(doc).keys()]) if (key.startsWith(`${id}:`)) tagsMap(doc).delete(key);
    for (const key of [...linksMap(doc).keys()]) if (key.endsWith(`:${id}`)) linksMap(doc).delete(key);
  }, origin);
}

function tagsOf(doc: Y.Doc): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const key of tagsMap(doc).keys()) {
    const i = key.indexOf(':');
    const list = out.get(key.slice(0, i)) ?? [];
    list.push(key.slice(i + 1));
    out.set(key.slice(0, i), list);
  }
  return out;
}

function read(id: string, m: Y.Map<unknown>, tags: string[]): LibraryItem | undefined {
  const s = (k: string) => (typeof m.get(k) === 'string' ? (m.get(k) as string) : '');
  const language = (LIBRARY_LANGUAGES as readonly unknown[]).includes(m.get('language')) ? (m.get('language') as LibraryLanguage) : 'both';
  const base = {
    id,
    title: s('title'),
    description: s('description'),
    language,
    tags: [...tags].sort(),
    folder: s('folder'),
    addedBy: s('addedBy'),
    addedAt: typeof m.get('addedAt') === 'number' ? (m.get('addedAt') as number) : 0
  };
  if (m.get('kind') === 'link') return { ...base, kind: 'link', url: s('url') };
  if (m.get('kind') === 'file') {
    const size = m.get('size');
    return { ...base, kind: 'file', fileId: s('fileId'), fileName: s('fileName'), size: typeof size === 'number' ? size : 0, contentType: s('contentType') };
  }
  return undefined; // a kind from a newer Atelier: not shown rather than shown wrong
}

/** Every item, newest first. */
export function listLibrary(doc: Y.Doc): LibraryItem[] {
  const tags = tagsOf(doc);
  const out: LibraryItem[] = [];
  for (const [id, m] of libraryMap(doc).entries()) {
    const item = m instanceof Y.Map ? read(id, m, tags.get(id) ?? []) : undefined;
    if (item) out.push(item);
  }
  return out.sort((a, b) => b.addedAt - a.addedAt || (a.id < b.id ? -1 : 1));
}

/** Accent- and case-insensitive search over title, description, tags and file name. */
export function searchLibrary(items: readonly LibraryItem[], query: string): LibraryItem[] {
  const fold = (t: string) => t.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...items];
  return items.filter((item) => {
    const hay = fold([item.title, item.description, item.folder, ...item.tags, item.kind === 'file' ? item.fileName : item.url].join(' '));
    return words.every((w) => hay.includes(w));
  });
}

export function linkLibraryItem(doc: Y.Doc, target: LinkTarget, targetId: string, itemId: string, on: boolean, origin: ChangeOrigin = LOCAL_CHANGE) {
  requireOneOf('target', target, LINK_TARGETS);
  if (on && !libraryMap(doc).has(itemId)) return;
  const key = `${target}:${targetId}:${itemId}`;
  doc.transact(() => (on ? linksMap(doc).set(key, true) : linksMap(doc).delete(key)), origin);
}

/** Library items linked from one agenda item, note or protocol (deleted items are skipped). */
export function linkedLibraryItems(doc: Y.Doc, target: LinkTarget, targetId: string): LibraryItem[] {
  const prefix = `${target}:${targetId}:`;
  const ids = new Set([...linksMap(doc).keys()].filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length)));
  return listLibrary(doc).filter((i) => ids.has(i.id));
}

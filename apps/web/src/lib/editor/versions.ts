/**
 * Frozen copies of a note or protocol (see @atelier/workspace `document-versions.ts`): the
 * rich-text JSON, gzip-compressed with the platform's CompressionStream (a 50-page protocol's
 * JSON shrinks about tenfold, well under the sync server's 1 MiB frame limit), stored in the
 * document itself so they sync, merge and survive the server's compaction.
 */
import { addVersion, contentFingerprint, listVersions, pruneAutomaticVersions, versionContent, type DocumentVersion } from '@atelier/workspace';
import { docToJson, type RichTextNode } from '@atelier/rich-text';
import type * as Y from 'yjs';

/** While someone keeps editing, an automatic copy at most this often (a working session's pace). */
export const AUTO_VERSION_INTERVAL_MS = 10 * 60_000;

async function gzip(text: string): Promise<Uint8Array> {
  const stream = new Blob([text]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function gunzip(bytes: Uint8Array): Promise<string> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Response(stream).text();
}

export interface VersionAuthor {
  id: string;
  name: string;
}

/**
 * Stores the current text as a version. An automatic copy is skipped when the text is the same as
 * the newest version's; automatic copies beyond the limit are pruned, oldest first.
 */
export async function takeVersion(doc: Y.Doc, author: VersionAuthor, options: { name?: string; automatic: boolean }): Promise<string | null> {
  const json = JSON.stringify(docToJson(doc));
  const fingerprint = contentFingerprint(json);
  if (options.automatic && listVersions(doc)[0]?.fingerprint === fingerprint) return null;
  const content = await gzip(json);
  const id = addVersion(doc, { name: options.name, automatic: options.automatic, createdBy: author.id, createdByName: author.name, content, fingerprint });
  pruneAutomaticVersions(doc);
  return id;
}

/** A version's text as rich-text JSON. */
export async function readVersion(doc: Y.Doc, id: string): Promise<RichTextNode | null> {
  const content = versionContent(doc, id);
  return content ? (JSON.parse(await gunzip(content)) as RichTextNode) : null;
}

export type { DocumentVersion };

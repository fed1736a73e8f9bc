/**
 * What an export worker builds: each job is plain data (structured-cloneable) and its result is
 * the file's bytes. Kept apart from the worker entry so that the same code runs in the worker
 * and, for tests of the output, in-process. Nothing here reads the database or the store: the
 * main thread loads the stored bytes (fast) and the worker does the CPU work (merging updates,
 * rendering, packing DOCX, compressing zips).
 */
import { docToJson, type RichTextNode } from '@atelier/rich-text';
import { zipSync } from 'fflate';
import * as Y from 'yjs';
import { toDocx, type DocxSection } from './docx-export';

export type ExportJob =
  /** A DOCX of rich-text JSON already at hand (minutes, published versions). */
  | { kind: 'docx'; title: string; subtitle?: string[]; sections: DocxSection[] }
  /** A DOCX of a stored document: its state and updates as the store holds them. */
  | { kind: 'document-docx'; title: string; subtitle?: string[]; parts: Uint8Array[] }
  /** A zip of ready files (the records export), compressed at level 6. */
  | { kind: 'zip'; files: Record<string, Uint8Array> };

/** The rich text of a stored document from its state and updates. */
export function storedJson(parts: Uint8Array[]): RichTextNode {
  const doc = new Y.Doc();
  if (parts.length) Y.applyUpdate(doc, parts.length === 1 ? parts[0]! : Y.mergeUpdates(parts));
  return docToJson(doc);
}

export async function buildExport(job: ExportJob): Promise<Uint8Array> {
  switch (job.kind) {
    case 'docx':
      return new Uint8Array(await toDocx(job));
    case 'document-docx':
      return new Uint8Array(await toDocx({ title: job.title, subtitle: job.subtitle, sections: [{ body: storedJson(job.parts) }] }));
    case 'zip':
      return zipSync(job.files, { level: 6 });
  }
}

/**
 * What an export worker builds: each job is plain data (structured-cloneable) and its result is
 * the file's bytes. Kept apart from the worker entry so that the same code runs in the worker
 * and, for tests of the output, in-process. Nothing here reads the database or the store: the
 * main thread loads the stored bytes (fast) and the worker does the CPU work (merging updates,
 * rendering, packing DOCX, compressing zips).
 */
import { toDocx, type DocxSection } from './docx-export';
import { recordsZip, type RecordsJob } from './records-zip';
import { storedJson } from './stored-json';

export type ExportJob =
  /** A DOCX of rich-text JSON already at hand (minutes, published versions). */
  | { kind: 'docx'; title: string; subtitle?: string[]; sections: DocxSection[] }
  /** A DOCX of a stored document: its state and updates as the store holds them. */
  | { kind: 'document-docx'; title: string; subtitle?: string[]; parts: Uint8Array[] }
  /** The records zip: its documents rendered to Markdown, then everything compressed. */
  | RecordsJob;

export async function buildExport(job: ExportJob): Promise<Uint8Array> {
  switch (job.kind) {
    case 'docx':
      return new Uint8Array(await toDocx(job));
    case 'document-docx':
      return new Uint8Array(await toDocx({ title: job.title, subtitle: job.subtitle, sections: [{ body: storedJson(job.parts) }] }));
    case 'records':
      return recordsZip(job);
  }
}

/**
 * The worker's half of the records export (`cop-records.ts` gathers the parts): renders each
 * note and protocol from its stored bytes to Markdown, lists any that cannot be rendered in
 * `problems.txt` (in the reader's language) rather than failing the export, and zips it all.
 */
import type { Language } from '@atelier/api-types';
import { renderMarkdown } from '@atelier/rich-text';
import { strToU8, zipSync } from 'fflate';
import { recordsMessages } from '../messages/export-messages';
import { markdownDocument } from './markdown-document';
import { storedJson } from './stored-json';

export interface RecordsDocument {
  path: string;
  id: string;
  kind: 'note' | 'protocol';
  title: string;
  /** The document's stored state and updates. */
  parts: Uint8Array[];
}

export interface RecordsJob {
  kind: 'records';
  lang: Language;
  /** Files ready as they are (JSON, minutes, published versions), by path in the zip. */
  files: Record<string, Uint8Array>;
  documents: RecordsDocument[];
  /** Problems met while gathering, already in `lang`. */
  problems: string[];
}

const problemOf = (err: unknown) => (err instanceof Error ? `${err.name}: ${err.message}` : String(err)).slice(0, 300);

export function recordsZip(job: RecordsJob): Uint8Array {
  const files = { ...job.files };
  const problems = [...job.problems];
  for (const d of job.documents) {
    try {
      files[d.path] = strToU8(markdownDocument(d.title, renderMarkdown(storedJson(d.parts))));
    } catch (err) {
      const kind = d.kind === 'note' ? recordsMessages.note() : recordsMessages.protocol();
      problems.push(recordsMessages.documentUnreadable({ kind, id: d.id, problem: problemOf(err) }).in(job.lang));
    }
  }
  if (problems.length) files['problems.txt'] = strToU8(`${recordsMessages.problemsFile().in(job.lang)}\n\n${problems.map((p) => `- ${p}`).join('\n')}\n`);
  return zipSync(files, { level: 6 });
}

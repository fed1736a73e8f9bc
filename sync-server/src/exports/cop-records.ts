/**
 * The whole-COP records export for facilitators (records management, access to information
 * requests): a zip of JSON and Markdown of everything the COP holds — the COP and its members,
 * the workspace (roster, meetings, decisions, actions, attendance, costs, library), every note and
 * protocol as Markdown, each meeting's minutes, protocol lifecycles and published versions.
 *
 * What members' devices wrote may be in a form the server cannot render (a meeting's start or
 * time zone no setter would accept, a document that fails to read): such an item is listed in
 * `problems.txt` (in the reader's language) instead of failing the whole download.
 * Rendering the documents and zipping run on an export worker (`records-zip.ts`).
 */
import { markdownParagraphs } from '@atelier/rich-text';
import {
  documentDocName,
  listActionItems,
  listAgenda,
  listDecisions,
  listDocuments,
  listExpenses,
  listLibrary,
  listMeetings,
  readAttendance,
  readProfiles
} from '@atelier/workspace';
import { strToU8 } from 'fflate';
import type { Cop } from '../accounts/cops';
import { listMembers } from '../accounts/memberships';
import type { SqliteDatabase } from '../db/database';
import { timeline } from '../publishing/lifecycle';
import { readWorkspace } from '../publishing/render-protocol';
import { getVersion, listCopItems, listVersions } from '../publishing/resource-centre';
import { storedParts } from './build-export';
import type { RecordsDocument, RecordsJob } from './records-zip';
import type { DocumentStore } from '../sync/document-store';
import { fileNameFor } from './download';
import type { Language } from '@atelier/api-types';
import { recordsMessages } from '../messages/export-messages';
import { meetingDay, meetingMinutes } from './meeting-minutes';
import { markdownDocument } from './markdown-document';

/**
 * What the records zip is made of, read on the main thread: ready files (JSON, minutes,
 * published versions), the notes' and protocols' stored bytes, and the problems met so far. The
 * export worker renders the documents and zips everything (`records-zip.ts`).
 */
export async function copRecordsJob(db: SqliteDatabase, store: DocumentStore, cop: Cop, lang: Language): Promise<RecordsJob> {
  const workspace = await readWorkspace(store, cop.id);
  const members = listMembers(db, cop.id);
  const names = new Map(members.map((m) => [m.userId, m.name]));
  const nameOf = (id: string) => names.get(id) ?? id;
  const files: Record<string, Uint8Array> = {};
  const json = (value: unknown) => strToU8(JSON.stringify(value, null, 2));
  const problems: string[] = [];
  const problemOf = (err: unknown) => (err instanceof Error ? `${err.name}: ${err.message}` : String(err)).slice(0, 300);

  files['cop.json'] = json({ cop, members, exportedAt: new Date().toISOString() });
  const meetings = listMeetings(workspace).map((m) => ({
    ...m,
    agenda: listAgenda(workspace, m.id),
    decisions: listDecisions(workspace, m.id),
    attendance: Object.fromEntries(readAttendance(workspace, m.id))
  }));
  files['workspace.json'] = json({
    roster: Object.fromEntries(readProfiles(workspace)),
    meetings,
    actionItems: listActionItems(workspace),
    expenses: listExpenses(workspace),
    library: listLibrary(workspace),
    documents: listDocuments(workspace, { includeArchived: true })
  });
  for (const m of meetings) {
    try {
      const minutes = meetingMinutes(workspace, m.id, nameOf, lang);
      if (!minutes) continue;
      files[`minutes/${meetingDay(m)}-${m.id}-${fileNameFor(m.title, 'md')}`] = strToU8(minutes.markdown);
      for (const p of minutes.problems) problems.push(recordsMessages.meetingUnreadable({ id: m.id, problem: p }).in(lang));
    } catch (err) {
      problems.push(recordsMessages.meetingUnreadable({ id: m.id, problem: problemOf(err) }).in(lang));
    }
  }
  const documents: RecordsDocument[] = [];
  for (const d of listDocuments(workspace, { includeArchived: true })) {
    const folder = d.kind === 'note' ? 'notes' : 'protocols';
    try {
      const parts = await storedParts(store, documentDocName(cop.id, d.kind, d.id), cop.id);
      documents.push({ path: `${folder}/${d.id}-${fileNameFor(d.title, 'md')}`, id: d.id, kind: d.kind, title: d.title, parts });
    } catch (err) {
      const kind = d.kind === 'note' ? recordsMessages.note() : recordsMessages.protocol();
      problems.push(recordsMessages.documentUnreadable({ kind, id: d.id, problem: problemOf(err) }).in(lang));
    }
    // The lifecycle of this COP's protocol under that id: another COP's of the same id is not ours.
    if (d.kind === 'protocol') files[`protocols/${d.id}-lifecycle.json`] = json(timeline(db, { copId: cop.id, protocolId: d.id }));
  }
  // Every version this COP ever published, taken-down items included: the COP's own record.
  for (const itemId of listCopItems(db, cop.id)) {
    for (const v of listVersions(db, itemId)) {
      const full = getVersion(db, itemId, v.version)!;
      for (const l of ['en', 'fr'] as const) {
        const c = full[l];
        if (c) files[`resource-centre/${itemId}-v${v.version}-${l}.md`] = strToU8(markdownDocument(c.title, markdownParagraphs(c.summary), c.markdown));
      }
    }
  }
  return { kind: 'records', lang, files, documents, problems };
}

/**
 * The whole-COP records export for facilitators (records management, access to information
 * requests): a zip of JSON and Markdown of everything the COP holds — the COP and its members,
 * the workspace (roster, meetings, decisions, actions, attendance, costs, library), every note and
 * protocol as Markdown, each meeting's minutes, protocol lifecycles and published versions.
 */
import { renderMarkdown } from '@atelier/rich-text';
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
import { docToJson } from '@atelier/rich-text';
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { Cop } from '../accounts/cops';
import { listMembers } from '../accounts/memberships';
import type { SqliteDatabase } from '../db/database';
import { timeline } from '../publishing/lifecycle';
import { readWorkspace } from '../publishing/render-protocol';
import { getVersion, listCopItems, listVersions } from '../publishing/resource-centre';
import { readStoredDocument } from '../publishing/stored-document';
import type { DocumentStore } from '../sync/document-store';
import { fileNameFor } from './download';
import { meetingMinutes, MINUTES_LABELS } from './meeting-minutes';

export async function copRecordsZip(db: SqliteDatabase, store: DocumentStore, cop: Cop): Promise<Uint8Array> {
  const workspace = await readWorkspace(store, cop.id);
  const members = listMembers(db, cop.id);
  const names = new Map(members.map((m) => [m.userId, m.name]));
  const nameOf = (id: string) => names.get(id) ?? id;
  const files: Zippable = {};
  const json = (value: unknown) => strToU8(JSON.stringify(value, null, 2));

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
    const minutes = meetingMinutes(workspace, m.id, nameOf, MINUTES_LABELS[cop.language]);
    if (minutes) files[`minutes/${m.startsAt.slice(0, 10)}-${fileNameFor(m.title, 'md')}`] = strToU8(minutes.markdown);
  }
  for (const d of listDocuments(workspace, { includeArchived: true })) {
    const doc = await readStoredDocument(store, documentDocName(cop.id, d.kind, d.id), cop.id);
    const folder = d.kind === 'note' ? 'notes' : 'protocols';
    files[`${folder}/${d.id}-${fileNameFor(d.title, 'md')}`] = strToU8(`# ${d.title}\n\n${renderMarkdown(docToJson(doc))}`);
    // The lifecycle of this COP's protocol under that id: another COP's of the same id is not ours.
    if (d.kind === 'protocol') files[`protocols/${d.id}-lifecycle.json`] = json(timeline(db, { copId: cop.id, protocolId: d.id }));
  }
  // Every version this COP ever published, taken-down items included: the COP's own record.
  for (const itemId of listCopItems(db, cop.id)) {
    for (const v of listVersions(db, itemId)) {
      const full = getVersion(db, itemId, v.version)!;
      for (const l of ['en', 'fr'] as const) {
        const c = full[l];
        if (c) files[`resource-centre/${itemId}-v${v.version}-${l}.md`] = strToU8(`# ${c.title}\n\n${c.summary}\n\n${c.markdown}`);
      }
    }
  }
  return zipSync(files, { level: 6 });
}

/**
 * Writes one COP's demo programme into its documents with the workspace model's own functions
 * (the ones the app calls), and stores the result through the server's DocumentStore, so the app
 * opens it like any document a member wrote: the workspace (`cop/{copId}`) with the meeting,
 * agenda, minutes, decisions, actions, attendance, costs, library and the list of documents, and
 * one Y.Doc per note and protocol. Everything is stored in one atomic append; a workspace that
 * already holds the demo meeting is left as it is (seed-demo runs twice without duplicates).
 */
import { writeJson } from '@atelier/rich-text';
import {
  addActionItem,
  addAgendaItem,
  addDecision,
  addExpense,
  addLibraryFile,
  agendaItemText,
  createDocument,
  createMeeting,
  documentDocName,
  linkLibraryItem,
  listDocuments,
  listMeetings,
  markAttendance,
  migrateWorkspace,
  pairProtocols,
  updateActionItem,
  updateProfile,
  workspaceDocName,
  type CopDocument
} from '@atelier/workspace';
import * as Y from 'yjs';
import { readStoredDocument } from '../publishing/stored-document';
import type { AppendEntry, DocumentStore } from '../sync/document-store';
import { workingDayFromNow, zonedInstant } from './demo-dates';
import type { DemoProgramme, DemoText, Lang } from './demo-spec';

export interface DemoFile {
  fileId: string;
  size: number;
  contentType: string;
}

/** The protocols of a seeded COP, as its stored workspace lists them. */
export interface DemoProtocols {
  draft: CopDocument;
  original: CopDocument;
  translation: CopDocument;
}

const DAY = 86_400_000;

/** Seeds the programme unless its meeting is there already; returns its protocols either way. */
export async function seedWorkspace(
  store: DocumentStore,
  input: { copId: string; programme: DemoProgramme; people: ReadonlyMap<string, { id: string; name: string }>; file: DemoFile; now: number }
): Promise<{ protocols: DemoProtocols; created: boolean }> {
  const { copId, programme: p, now } = input;
  const person = (key: string) => {
    const found = input.people.get(key);
    if (!found) throw new Error(`The demo programme names an unknown person: ${key}`);
    return found;
  };
  const user = (key: string) => person(key).id;
  const name = workspaceDocName(copId);
  const workspace = await readStoredDocument(store, name, copId);
  const already = listMeetings(workspace).some((m) => m.title === p.meeting.title);
  if (already) return { protocols: findProtocols(workspace, p), created: false };

  const before = Y.encodeStateVector(workspace);
  migrateWorkspace(workspace);
  const texts: AppendEntry[] = [];
  /** Lists a note or protocol in the workspace and writes its text into its own Y.Doc. */
  const addDocument = (kind: 'note' | 'protocol', doc: DemoText, language: Lang, by: string, createdAt: number) => {
    const id = createDocument(workspace, { kind, title: doc.title, language, createdBy: user(by) }, undefined, createdAt);
    const text = new Y.Doc();
    writeJson(text, doc.body);
    texts.push({ name: documentDocName(copId, kind, id), updates: [Y.encodeStateAsUpdate(text)] });
    return id;
  };

  for (const [key, profile] of Object.entries(p.profiles)) updateProfile(workspace, user(key), profile);

  const m = p.meeting;
  const meetingDay = workingDayFromNow(now, -m.daysAgo, m.timeZone);
  const meetingAt = zonedInstant(meetingDay, m.startsAt, m.timeZone);
  const meetingId = createMeeting(workspace, {
    title: m.title,
    startsAt: new Date(meetingAt).toISOString(),
    timeZone: m.timeZone,
    durationMinutes: m.durationMinutes,
    venue: m.venue
  });
  const itemIds = m.agenda.map((item) => {
    // The app's agenda form takes the presenter's name as typed, so the demo writes a name too.
    const id = addAgendaItem(workspace, meetingId, { title: item.title, presenter: person(item.presenter).name, plannedMinutes: item.plannedMinutes })!;
    agendaItemText(workspace, meetingId, id, 'notes')!.insert(0, item.notes);
    agendaItemText(workspace, meetingId, id, 'minutes')!.insert(0, item.minutes);
    return id;
  });
  // Recorded one after the other during the meeting, so lists sorted by time keep the spec's order.
  const meetingTime = meetingAt + 15 * 60_000;
  m.decisions.forEach((d, i) => addDecision(workspace, { meetingId, agendaItemId: itemIds[d.item], text: d.text }, undefined, meetingTime + i * 60_000));
  for (const [i, a] of m.actions.entries()) {
    const dueDate = workingDayFromNow(now, a.dueInDays);
    const id = addActionItem(workspace, { what: a.what, ownerId: user(a.owner), dueDate, meetingId, agendaItemId: itemIds[a.item] }, undefined, meetingTime + i * 60_000);
    if (a.done) updateActionItem(workspace, id, { status: 'done' });
  }
  for (const [key, status] of Object.entries(m.attendance)) markAttendance(workspace, meetingId, user(key), status);

  const next = p.upcoming;
  const nextDay = workingDayFromNow(now, next.inDays, m.timeZone);
  const nextId = createMeeting(workspace, {
    title: next.title,
    startsAt: new Date(zonedInstant(nextDay, next.startsAt, m.timeZone)).toISOString(),
    timeZone: m.timeZone,
    durationMinutes: next.durationMinutes,
    venue: next.venue
  });
  for (const item of next.agenda) addAgendaItem(workspace, nextId, { title: item.title, presenter: person(item.presenter).name, plannedMinutes: item.plannedMinutes });

  for (const e of p.expenses) {
    addExpense(
      workspace,
      {
        what: e.what,
        category: e.category,
        amountCents: e.cents,
        paidBy: user(e.paidBy),
        sharedAmong: e.sharedAmong.map(user),
        date: e.atMeeting ? meetingDay : workingDayFromNow(now, -e.daysAgo),
        meetingId: e.atMeeting ? meetingId : null
      },
      undefined,
      e.atMeeting ? meetingTime : now - e.daysAgo * DAY
    );
  }

  addDocument('note', p.note, p.published.language, p.note.by, meetingTime);
  addDocument('protocol', p.draft, p.published.language, p.draft.by, meetingTime);
  const other: Lang = p.published.language === 'en' ? 'fr' : 'en';
  const originalId = addDocument('protocol', p.published.text[p.published.language], p.published.language, p.published.by, meetingTime - 30 * DAY);
  const translationId = addDocument('protocol', p.published.text[other], other, p.published.by, meetingTime - 25 * DAY);
  // Both say the same thing as of now: the translation is current.
  pairProtocols(workspace, originalId, translationId);

  const libraryId = addLibraryFile(
    workspace,
    {
      title: p.file.title,
      description: p.file.description,
      language: p.published.language,
      tags: p.file.tags,
      addedBy: user(p.file.by),
      fileId: input.file.fileId,
      fileName: p.file.fileName,
      size: input.file.size,
      contentType: input.file.contentType
    },
    undefined,
    meetingTime
  );
  linkLibraryItem(workspace, 'agendaItem', itemIds[1]!, libraryId, true);
  linkLibraryItem(workspace, 'protocol', originalId, libraryId, true);

  const entries: AppendEntry[] = [...texts, { name, updates: [Y.encodeStateAsUpdate(workspace, before)] }];
  // Registers each new document under its COP, then stores everything in one transaction.
  for (const entry of texts) await store.load(entry.name, copId);
  await store.append(entries);
  return { protocols: findProtocols(workspace, p), created: true };
}

function findProtocols(workspace: Y.Doc, p: DemoProgramme): DemoProtocols {
  const protocols = listDocuments(workspace, { kind: 'protocol', includeArchived: true });
  const other: Lang = p.published.language === 'en' ? 'fr' : 'en';
  const byTitle = (title: string) => {
    const found = protocols.find((d) => d.title === title);
    if (!found) throw new Error(`The demo protocol "${title}" is missing from its workspace`);
    return found;
  };
  return { draft: byTitle(p.draft.title), original: byTitle(p.published.text[p.published.language].title), translation: byTitle(p.published.text[other].title) };
}

/**
 * A meeting's minutes from the stored workspace document: agenda items with their minutes,
 * decisions, action items and attendance — as rich-text JSON (for DOCX) and Markdown, with the
 * server's labels (`minutesMessages`) in the language asked for (the COP's, `export-language.ts`).
 * The start is written in the meeting's own zone and names it ("13 h (heure normale de l’Est,
 * America/Toronto)"): minutes are read later and elsewhere, so a bare "13 h" would be a guess.
 *
 * The workspace is written by members' devices, so a meeting's start or time zone may be in a
 * form no setter would accept (an old client, a hostile one): the minutes then say the date is
 * not readable, show the stored text, and still render — one bad value never fails an export.
 */
import type { Language } from '@atelier/api-types';
import { renderMarkdown, type RichTextNode } from '@atelier/rich-text';
import { actionItemsOfMeeting, formatZoned, listAgenda, listDecisions, readAttendance, readMeeting, zoneLabel, type Meeting } from '@atelier/workspace';
import type * as Y from 'yjs';
import { minutesMessages as t } from '../messages/export-messages';
import { markdownDocument } from './markdown-document';

const text = (s: string): RichTextNode => ({ type: 'text', text: s });
const para = (s: string): RichTextNode => ({ type: 'paragraph', content: s ? [text(s)] : [] });
const heading = (s: string, level: number): RichTextNode => ({ type: 'heading', attrs: { level }, content: [text(s)] });
const bullets = (items: string[]): RichTextNode => ({ type: 'bulletList', content: items.map((i) => ({ type: 'listItem', content: [para(i)] })) });

/**
 * The meeting's start in its own time zone with the zone named ("samedi 14 mars 2026 à 9 h 30
 * (heure avancée de l’Est, America/Toronto)"), or `undefined` when the stored values cannot be read.
 */
export function meetingTime(meeting: Pick<Meeting, 'startsAt' | 'timeZone'>, lang: Language): string | undefined {
  try {
    const at = new Date(meeting.startsAt);
    return `${formatZoned(at, lang, meeting.timeZone, 'full')} (${zoneLabel(at, lang, meeting.timeZone)})`;
  } catch {
    // RangeError: an unknown time zone or an invalid date. The caller flags the meeting instead.
    return undefined;
  }
}

/**
 * The meeting's day (YYYY-MM-DD) in its own zone, for file names: an evening meeting in Toronto
 * is already the next day in UTC. UTC's day when the zone is unreadable; `undated` when the
 * stored start is not a date.
 */
export function meetingDay(meeting: Pick<Meeting, 'startsAt' | 'timeZone'>): string {
  const ms = Date.parse(meeting.startsAt);
  if (Number.isNaN(ms)) return 'undated';
  try {
    // en-CA writes dates as YYYY-MM-DD.
    return new Intl.DateTimeFormat('en-CA', { timeZone: meeting.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);
  } catch {
    // RangeError: a zone no setter would accept; the day in UTC still names the file.
    return new Date(ms).toISOString().slice(0, 10);
  }
}

export interface MeetingMinutes {
  meeting: Meeting;
  json: RichTextNode;
  markdown: string;
  /** What could not be read as stored (shown in the minutes too); empty when all was well. */
  problems: string[];
}

export function meetingMinutes(workspace: Y.Doc, meetingId: string, nameOf: (userId: string) => string, lang: Language): MeetingMinutes | undefined {
  const meeting = readMeeting(workspace, meetingId);
  if (!meeting) return undefined;
  const problems: string[] = [];
  let when = meetingTime(meeting, lang);
  if (when === undefined) {
    when = t.unreadableTime({ value: `${meeting.startsAt} ${meeting.timeZone}`.slice(0, 120) }).in(lang);
    problems.push(when);
  }
  const agenda = listAgenda(workspace, meetingId);
  const decisions = listDecisions(workspace, meetingId);
  const actions = actionItemsOfMeeting(workspace, meetingId);
  const status = { present: t.present(), absent: t.absent(), regrets: t.regrets() };
  const attendance = [...readAttendance(workspace, meetingId)].map(([id, s]) => `${nameOf(id)} — ${status[s].in(lang)}`).sort();
  const content: RichTextNode[] = [para(`${when}${meeting.venue ? ` · ${meeting.venue}` : ''}`)];
  content.push(heading(t.agenda().in(lang), 2));
  for (const item of agenda) {
    content.push(heading(`${item.title}${item.presenter ? ` (${nameOf(item.presenter)})` : ''}`, 3));
    for (const line of item.minutes.split('\n').filter((l) => l.trim())) content.push(para(line));
    const itemDecisions = decisions.filter((d) => d.agendaItemId === item.id).map((d) => d.text);
    if (itemDecisions.length) content.push(para(t.decisionsOfItem().in(lang)), bullets(itemDecisions));
  }
  const general = decisions.filter((d) => d.agendaItemId === null).map((d) => d.text);
  if (general.length) content.push(heading(t.generalDecisions().in(lang), 2), bullets(general));
  if (actions.length) {
    const line = (a: (typeof actions)[number]) =>
      `${a.what} — ${nameOf(a.ownerId)}${a.dueDate ? ` (${t.due({ date: a.dueDate }).in(lang)})` : ''}${a.status === 'done' ? ` ✓ ${t.done().in(lang)}` : ''}`;
    content.push(heading(t.actions().in(lang), 2), bullets(actions.map(line)));
  }
  if (attendance.length) content.push(heading(t.attendance().in(lang), 2), bullets(attendance));
  const json: RichTextNode = { type: 'doc', content };
  return { meeting, json, markdown: markdownDocument(meeting.title, renderMarkdown(json)), problems };
}

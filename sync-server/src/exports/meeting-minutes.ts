/**
 * A meeting's minutes from the stored workspace document: agenda items with their minutes,
 * decisions, action items and attendance — as rich-text JSON (for DOCX) and Markdown.
 */
import { renderMarkdown, type RichTextNode } from '@atelier/rich-text';
import { actionItemsOfMeeting, listAgenda, listDecisions, readAttendance, readMeeting, type Meeting } from '@atelier/workspace';
import type * as Y from 'yjs';

export interface MinutesLabels {
  lang: 'en' | 'fr';
  agenda: string;
  minutes: string;
  decisions: string;
  actions: string;
  attendance: string;
  general: string;
  due: string;
  done: string;
  statuses: Record<'present' | 'absent' | 'regrets', string>;
}

export const MINUTES_LABELS: Record<'en' | 'fr', MinutesLabels> = {
  en: {
    lang: 'en',
    agenda: 'Agenda',
    minutes: 'Minutes',
    decisions: 'Decisions',
    actions: 'Action items',
    attendance: 'Attendance',
    general: 'General',
    due: 'due',
    done: 'done',
    statuses: { present: 'present', absent: 'absent', regrets: 'regrets' }
  },
  fr: {
    lang: 'fr',
    agenda: 'Ordre du jour',
    minutes: 'Procès-verbal',
    decisions: 'Décisions',
    actions: 'Suivis',
    attendance: 'Présences',
    general: 'Général',
    due: 'échéance',
    done: 'fait',
    statuses: { present: 'présent', absent: 'absent', regrets: 'excusé' }
  }
};

const text = (t: string): RichTextNode => ({ type: 'text', text: t });
const para = (t: string): RichTextNode => ({ type: 'paragraph', content: t ? [text(t)] : [] });
const heading = (t: string, level: number): RichTextNode => ({ type: 'heading', attrs: { level }, content: [text(t)] });
const bullets = (items: string[]): RichTextNode => ({ type: 'bulletList', content: items.map((i) => ({ type: 'listItem', content: [para(i)] })) });

export function meetingMinutes(
  workspace: Y.Doc,
  meetingId: string,
  nameOf: (userId: string) => string,
  labels: MinutesLabels
): { meeting: Meeting; json: RichTextNode; markdown: string } | undefined {
  const meeting = readMeeting(workspace, meetingId);
  if (!meeting) return undefined;
  const when = new Intl.DateTimeFormat(labels.lang === 'fr' ? 'fr-CA' : 'en-CA', { dateStyle: 'full', timeStyle: 'short', timeZone: meeting.timeZone }).format(
    new Date(meeting.startsAt)
  );
  const agenda = listAgenda(workspace, meetingId);
  const decisions = listDecisions(workspace, meetingId);
  const actions = actionItemsOfMeeting(workspace, meetingId);
  const attendance = [...readAttendance(workspace, meetingId)].map(([id, s]) => `${nameOf(id)} — ${labels.statuses[s]}`).sort();
  const content: RichTextNode[] = [para(`${when}${meeting.venue ? ` · ${meeting.venue}` : ''}`)];
  content.push(heading(labels.agenda, 2));
  for (const item of agenda) {
    content.push(heading(`${item.title}${item.presenter ? ` (${nameOf(item.presenter)})` : ''}`, 3));
    for (const line of item.minutes.split('\n').filter((l) => l.trim())) content.push(para(line));
    const itemDecisions = decisions.filter((d) => d.agendaItemId === item.id).map((d) => d.text);
    if (itemDecisions.length) content.push(para(`${labels.decisions}:`), bullets(itemDecisions));
  }
  const general = decisions.filter((d) => d.agendaItemId === null).map((d) => d.text);
  if (general.length) content.push(heading(`${labels.decisions} — ${labels.general}`, 2), bullets(general));
  if (actions.length) {
    content.push(
      heading(labels.actions, 2),
      bullets(actions.map((a) => `${a.what} — ${nameOf(a.ownerId)}${a.dueDate ? ` (${labels.due} ${a.dueDate})` : ''}${a.status === 'done' ? ` ✓ ${labels.done}` : ''}`))
    );
  }
  if (attendance.length) content.push(heading(labels.attendance, 2), bullets(attendance));
  const json: RichTextNode = { type: 'doc', content };
  return { meeting, json, markdown: `# ${meeting.title}\n\n${renderMarkdown(json)}` };
}

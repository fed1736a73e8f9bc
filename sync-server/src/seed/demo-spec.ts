/**
 * The shape of one COP's demo programme (seed-demo): a past meeting with its agenda, minutes,
 * decisions, actions and attendance; shared costs; a note; a draft protocol; a protocol published
 * with its counterpart in the other official language; a library file; a presentation at the
 * upcoming Learning Event. People are named by their key in the demo's list of people; dates are
 * days from the day the programme is seeded, so the meeting is always recent and the event ahead.
 */
import type { RichTextNode } from '@atelier/rich-text';
import type { AttendanceStatus, ExpenseCategory, OrderOfGovernment } from '@atelier/workspace';

export type Lang = 'en' | 'fr';

export interface DemoAgendaItem {
  title: string;
  presenter: string;
  plannedMinutes: number;
  notes: string;
  minutes: string;
}

export interface DemoAction {
  /** Index of the agenda item it came from. */
  item: number;
  what: string;
  owner: string;
  dueInDays: number;
  done?: boolean;
}

export interface DemoExpense {
  what: string;
  category: ExpenseCategory;
  cents: number;
  paidBy: string;
  sharedAmong: string[];
  daysAgo: number;
  /** Spent for the demo meeting. */
  atMeeting?: boolean;
}

export interface DemoText {
  title: string;
  body: RichTextNode;
}

export interface DemoProgramme {
  /** The COP's name, as in the list of COPs. */
  cop: string;
  profiles: Record<string, { organisation: string; orderOfGovernment: OrderOfGovernment; expertise: string }>;
  meeting: {
    title: string;
    daysAgo: number;
    /** Local start time in the meeting's zone, HH:MM. */
    startsAt: string;
    timeZone: string;
    durationMinutes: number;
    venue: string;
    agenda: DemoAgendaItem[];
    decisions: { item: number; text: string }[];
    actions: DemoAction[];
    attendance: Record<string, AttendanceStatus>;
  };
  /** The next working session, planned with a short agenda (what the workspace home shows). */
  upcoming: { title: string; inDays: number; startsAt: string; durationMinutes: number; venue: string; agenda: { title: string; presenter: string; plannedMinutes: number }[] };
  expenses: DemoExpense[];
  note: DemoText & { by: string };
  draft: DemoText & { by: string };
  /** Published with its counterpart: `language` is the original, the other is its translation. */
  published: { language: Lang; by: string; facilitator: string; summary: Record<Lang, string>; text: Record<Lang, DemoText> };
  file: { title: string; description: string; fileName: string; tags: string[]; by: string; lines: string[] };
  presentation: { title: string; presenters: string; minutes: number };
}

const text = (t: string): RichTextNode => ({ type: 'text', text: t });

/** A rich-text document from blocks: `# ` starts a heading, `- ` lines make a bullet list. */
export function richText(...blocks: string[]): RichTextNode {
  const content: RichTextNode[] = blocks.map((block) => {
    if (block.startsWith('# ')) return { type: 'heading', attrs: { level: 2 }, content: [text(block.slice(2))] };
    if (block.startsWith('- ')) {
      const items = block.split('\n').map((line) => line.replace(/^- /, ''));
      return { type: 'bulletList', content: items.map((item) => ({ type: 'listItem', content: [{ type: 'paragraph', content: [text(item)] }] })) };
    }
    return { type: 'paragraph', content: [text(block)] };
  });
  return { type: 'doc', content };
}

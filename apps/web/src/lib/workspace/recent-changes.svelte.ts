/**
 * "Recent changes" on the workspace home: every transaction on the workspace document seen by
 * this device (kept across visits), as who (from presence, or me), when and which part of the
 * workspace. Runs all the time the workspace is open (not only while the home page shows), so
 * changes made while someone was on another page are listed too. Bursts (typing minutes) by the
 * same person in the same part merge into one entry.
 */
import * as Y from 'yjs';
import {
  ACTIONS_KEY,
  AGENDA_KEY,
  ATTENDANCE_KEY,
  DECISIONS_KEY,
  EXPENSES_KEY,
  MEETINGS_KEY,
  MIGRATION_CHANGE,
  ROSTER_KEY
} from '@atelier/workspace';
import type { Presence } from './presence.svelte';

export type ChangeArea = 'meetings' | 'agenda' | 'decisions' | 'attendance' | 'actions' | 'costs' | 'roster';

const AREA_OF_ROOT: Record<string, ChangeArea> = {
  [MEETINGS_KEY]: 'meetings',
  [AGENDA_KEY]: 'agenda',
  [DECISIONS_KEY]: 'decisions',
  [ATTENDANCE_KEY]: 'attendance',
  [ACTIONS_KEY]: 'actions',
  [EXPENSES_KEY]: 'costs',
  [ROSTER_KEY]: 'roster'
};

export interface WorkspaceChange {
  at: number;
  /** Names of the people whose devices made it; empty when unknown (e.g. only deletions). */
  who: string[];
  mine: boolean;
  areas: ChangeArea[];
}

/** Entries kept; the home page shows the newest few. */
const KEEP = 30;
/** Changes by the same people to the same parts within this long read as one (typing). */
const MERGE_WITHIN_MS = 2 * 60_000;

export class RecentChanges {
  list = $state<WorkspaceChange[]>([]);
  #listening = false;

  readonly #storageKey: string;

  constructor(
    private readonly doc: Y.Doc,
    private readonly presence: Presence,
    private readonly myName: string,
    copId: string
  ) {
    // Kept on the device, so reopening the app (or a reload) still shows what happened lately.
    this.#storageKey = `atelier.changes.v1.${copId}`;
    try {
      const kept = JSON.parse(localStorage.getItem(this.#storageKey) ?? '[]') as WorkspaceChange[];
      if (Array.isArray(kept)) this.list = kept.slice(0, KEEP);
    } catch {
      // Nothing kept (or unreadable): the list starts empty.
    }
  }

  /** Starts recording; called once the local copy is open, so loading it is not "a change". */
  start() {
    if (this.#listening) return;
    this.#listening = true;
    this.doc.on('afterTransaction', this.#record);
  }

  destroy() {
    this.doc.off('afterTransaction', this.#record);
  }

  readonly #record = (tr: Y.Transaction) => {
    if (tr.origin === MIGRATION_CHANGE || tr.changed.size === 0) return;
    // A device that held nothing receives the whole workspace in one go (first visit on this
    // device): that is the COP's history arriving, not a change someone just made.
    if (!tr.local && tr.beforeState.size === 0) return;
    const areas = new Set<ChangeArea>();
    for (const type of tr.changed.keys()) {
      const area = AREA_OF_ROOT[this.#rootName(type) ?? ''];
      if (area) areas.add(area);
    }
    if (areas.size === 0) return;
    const who = tr.local ? [this.myName] : this.#authors(tr);
    const change: WorkspaceChange = { at: Date.now(), who, mine: tr.local, areas: [...areas].sort() };
    const last = this.list[0];
    if (last && last.mine === change.mine && same(last.who, change.who) && same(last.areas, change.areas) && change.at - last.at < MERGE_WITHIN_MS) {
      this.list = [change, ...this.list.slice(1)];
    } else {
      this.list = [change, ...this.list].slice(0, KEEP);
    }
    try {
      localStorage.setItem(this.#storageKey, JSON.stringify(this.list));
    } catch {
      // Storage full: the list still shows for this visit.
    }
  };

  /** People whose clients wrote something in this transaction (a clock moved forward). */
  #authors(tr: Y.Transaction): string[] {
    const names = new Set<string>();
    for (const [client, clock] of tr.afterState) {
      if (clock > (tr.beforeState.get(client) ?? 0)) {
        const user = this.presence.whoIs(client);
        if (user) names.add(user.name);
      }
    }
    return [...names].sort();
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any Y type
  #rootName(type: Y.AbstractType<any>): string | undefined {
    let root = type;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a parent is any Y type
    while (root._item !== null) root = root._item.parent as Y.AbstractType<any>;
    for (const [name, shared] of this.doc.share) if (shared === root) return name;
    return undefined;
  }
}

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * A COP's workspace document open on this device: the local copy (IndexedDB) first, then the sync
 * server, through DocumentSync. One session is shared by every workspace page of that COP, so
 * moving between pages (or switching language, which re-mounts the pages) never reconnects;
 * opening another COP's workspace, signing out, or another person signing in, closes it.
 *
 * `migrateWorkspace` runs once the local copy is open and again after each change of sync state
 * and each change that came from elsewhere (an older client may have written the old layout);
 * so does `separateMergedAgendaLines` (a line this device added at the end of minutes that a merge
 * glued after someone else's goes on its own line).
 */
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { LOCAL_CHANGE, migrateWorkspace, MIGRATION_CHANGE, runsMeetings, separateMergedAgendaLines, setDeletionAuthor, workspaceDocName, type WorkspaceActor } from '@atelier/workspace';
import { account } from '$lib/account/account.svelte';
import { uiLocale } from '$lib/i18n/locale.svelte';
import type { UiLanguage } from '$lib/i18n/intl-format';
import { api } from '$lib/api/api-client';
import { copPath } from '$lib/api/cops-api';
import type { User } from '$lib/api/types';
import type { AttendanceStatus } from '@atelier/workspace';
import { DocumentSync } from '$lib/sync/document-sync';
import { DocumentSyncStatus, syncServerUrl } from '$lib/sync/sync-status.svelte';
import { CopMembers } from './cop-members.svelte';
import { rememberClientId } from './device-client-ids';
import { Presence } from './presence.svelte';
import { RecentChanges } from './recent-changes.svelte';

export class WorkspaceSession {
  readonly doc = new Y.Doc();
  readonly awareness = new Awareness(this.doc);
  readonly sync: DocumentSync;
  readonly status: DocumentSyncStatus;
  readonly members: CopMembers;
  readonly presence: Presence;
  readonly changes: RecentChanges;
  /** The copy on this device is open: pages can show it (and edit it) with or without a network. */
  ready = $state(false);
  #migrateTimer: ReturnType<typeof setTimeout> | undefined;
  readonly #unsubscribe: () => void;
  /** Whether a Yjs client id wrote on this device (this session or an earlier one). */
  readonly #mine: (client: number) => boolean;

  constructor(
    readonly copId: string,
    readonly user: User
  ) {
    this.#mine = rememberClientId(copId, this.doc.clientID);
    this.sync = new DocumentSync({ docName: workspaceDocName(copId), serverUrl: syncServerUrl(), doc: this.doc, awareness: this.awareness });
    this.status = new DocumentSyncStatus(this.sync);
    this.members = new CopMembers(copId);
    this.presence = new Presence(this.awareness, copId);
    this.presence.announce({ id: user.id, name: user.name });
    setDeletionAuthor(this.doc, { userId: user.id, name: user.name });
    this.changes = new RecentChanges(this.doc, this.presence, user.name, copId);
    this.#unsubscribe = this.sync.subscribe(({ state }) => {
      if (state === 'loading') return;
      this.#migrate();
      if (!this.ready) {
        this.ready = true;
        this.changes.start();
      }
    });
    this.doc.on('update', this.#onUpdate);
    void this.sync.start();
    void this.members.load();
  }

  /** My standing in this COP (the server's word, as kept on this device). */
  get standing() {
    return account.standingIn(this.copId);
  }

  /**
   * The language the COP works in: its records (the costs CSVs, like the server's minutes) are
   * written in it. The person's own language until the COP list on this device knows the COP.
   */
  get language(): UiLanguage {
    return account.cops.find((c) => c.id === this.copId)?.language ?? uiLocale.current;
  }

  get archived(): boolean {
    return account.cops.find((c) => c.id === this.copId)?.status === 'archived';
  }

  /**
   * Whether edit controls show at all. Observers and everyone in an archived COP read only; the
   * server drops an observer's writes anyway, so offering them would only lose work.
   */
  get canEdit(): boolean {
    const standing = this.standing;
    return standing !== null && standing !== 'observer' && !this.archived && this.status.state !== 'not-allowed';
  }

  /**
   * An observer edits their own roster profile through the server (PATCH …/me/profile), which
   * writes it into the workspace for them: their own updates to the document would be dropped.
   */
  get editsOwnProfileThroughServer(): boolean {
    return this.standing === 'observer' && !this.archived && this.status.state !== 'not-allowed';
  }

  /** Facilitators and the programme manager may also edit other people's roster profiles. */
  get canFacilitate(): boolean {
    return this.canEdit && runsMeetings(this.standing);
  }

  /**
   * Me as the meeting rules see me (`meeting-roles.ts`): the pages ask `may…(session.actor, …)` so
   * they offer only what the sync server would accept; it refuses the rest whole (close 4422).
   */
  get actor(): WorkspaceActor {
    return { userId: this.user.id, runsMeetings: this.canFacilitate };
  }

  /**
   * For those who cannot write the document (observers): marks my own attendance of a meeting
   * through the API, which changes the stored workspace; the change comes back over the socket.
   * It rejects when the server did not take it (offline, refused), so the page can say so.
   */
  markMyAttendance(meetingId: string): (status: AttendanceStatus) => Promise<void> {
    return async (status) => {
      await api.put(`${copPath(this.copId)}/meetings/${encodeURIComponent(meetingId)}/attendance/me`, { status });
    };
  }

  destroy() {
    clearTimeout(this.#migrateTimer);
    this.doc.off('update', this.#onUpdate);
    this.#unsubscribe();
    this.changes.destroy();
    this.presence.destroy();
    this.status.destroy();
    this.sync.destroy();
    this.awareness.destroy();
    this.doc.destroy();
  }

  readonly #onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin === LOCAL_CHANGE || origin === MIGRATION_CHANGE || !this.ready) return;
    clearTimeout(this.#migrateTimer);
    this.#migrateTimer = setTimeout(() => this.#migrate(), 0);
  };

  #migrate() {
    migrateWorkspace(this.doc);
    if (this.canEdit) separateMergedAgendaLines(this.doc, this.#mine);
  }
}

let current: WorkspaceSession | null = null;

/** The open workspace of this COP for the signed-in person, opening it (and closing another) if needed. */
export function workspaceFor(copId: string, user: User): WorkspaceSession {
  if (current && current.copId === copId && current.user.id === user.id) return current;
  current?.destroy();
  current = new WorkspaceSession(copId, user);
  return current;
}

/** Closes the open workspace: its socket, its IndexedDB handle and its Y.Doc go. */
export function closeWorkspace() {
  current?.destroy();
  current = null;
}

// Signing out (here or in another tab), the session ended, someone else signing in: the previous
// person's workspace must not stay in memory, connected, or hold its database open (which would
// also delay removing it from the device).
if (typeof window !== 'undefined') account.onPersonLeft(closeWorkspace);

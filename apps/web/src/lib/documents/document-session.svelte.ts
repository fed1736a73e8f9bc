/**
 * One note or protocol open on this device: its own Y.Doc (`cop/{copId}/notes/{id}` or
 * `…/protocols/{id}`) through DocumentSync — the local copy first, then the server — with its own
 * presence (awareness): who is here, their colour, their caret. Opened by the document page and
 * closed when leaving it; closing first lets the editor finish (an automatic version after my
 * edits), then withdraws my presence while the socket is still open, then disconnects.
 */
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { documentDocName, RICH_TEXT_FIELD, type DocumentKind } from '@atelier/workspace';
import type { User } from '$lib/api/types';
import { DocumentSync } from '$lib/sync/document-sync';
import { DocumentSyncStatus, syncServerUrl } from '$lib/sync/sync-status.svelte';
import { DocumentPresence, type PresenceUser } from './document-presence.svelte';
import { userColour } from './user-colour';

/** How long an empty local copy waits for the server's before the editor opens anyway. */
const FIRST_CONTACT_WAIT_MS = 4_000;
/**
 * My edits are recorded in the workspace (the list's "last edited", the translation's change
 * count) at most this often while I type, and once more after the last keystroke: one workspace
 * update a second or two instead of one per key, relayed to every member's device.
 */
const EDIT_RECORD_INTERVAL_MS = 2_000;

export class DocumentSession {
  readonly doc = new Y.Doc();
  readonly awareness = new Awareness(this.doc);
  readonly docName: string;
  readonly sync: DocumentSync;
  readonly status: DocumentSyncStatus;
  readonly presence: DocumentPresence;
  readonly me: PresenceUser;
  /** The copy on this device is open (with or without a network). */
  ready = $state(false);
  /** Work to finish before closing (set by the editor: an automatic version after my edits). */
  beforeClose: (() => Promise<void>) | undefined;
  readonly #unsubscribe: () => void;
  readonly #onMyEdit: () => void;
  #closed = false;
  #lastRecordAt = -Infinity;
  #recordTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    readonly copId: string,
    readonly kind: DocumentKind,
    readonly id: string,
    user: User,
    onMyEdit: () => void
  ) {
    this.docName = documentDocName(copId, kind, id);
    this.me = { id: user.id, name: user.name, color: userColour(user.id) };
    this.#onMyEdit = onMyEdit;
    this.awareness.setLocalStateField('user', this.me);
    this.sync = new DocumentSync({ docName: this.docName, serverUrl: syncServerUrl(), doc: this.doc, awareness: this.awareness });
    this.status = new DocumentSyncStatus(this.sync);
    this.presence = new DocumentPresence(this.awareness);
    let opened = false;
    this.#unsubscribe = this.sync.subscribe(({ state }) => {
      if (state === 'loading' || opened) return;
      opened = true;
      void this.#whenWorthShowing().then(() => {
        if (!this.#closed) this.ready = true;
      });
    });
    this.doc.getXmlFragment(RICH_TEXT_FIELD).observeDeep(this.#observeText);
    addEventListener('pagehide', this.#onPageHide);
    void this.sync.start();
  }

  /**
   * When to show the editor, the local copy being open: at once if it has text; if it is empty
   * (never opened on this device), once the server's copy is in or could not be had — showing an
   * empty editor that then fills with fifty pages would invite typing into nothing, and would
   * render the document in the same task that decodes it. Either way in a task of its own, so
   * the browser paints the page between decoding the document and drawing it.
   */
  async #whenWorthShowing() {
    if (this.doc.getXmlFragment(RICH_TEXT_FIELD).length === 0 && navigator.onLine) {
      await Promise.race([this.sync.firstContact, new Promise((resolve) => setTimeout(resolve, FIRST_CONTACT_WAIT_MS))]);
    }
    await new Promise((resolve) => setTimeout(resolve, 0));
  }

  /** Finishes pending work, withdraws my presence, then disconnects and frees the document. */
  async close() {
    if (this.#closed) return;
    this.#closed = true;
    try {
      await this.beforeClose?.();
    } catch (error) {
      // An automatic version is a convenience: failing to take one must not keep the page open.
      console.warn('Could not finish before closing the document', error);
    }
    this.doc.getXmlFragment(RICH_TEXT_FIELD).unobserveDeep(this.#observeText);
    this.#flushEditRecord();
    removeEventListener('pagehide', this.#onPageHide);
    this.awareness.setLocalState(null);
    this.#unsubscribe();
    this.presence.destroy();
    this.status.destroy();
    this.sync.destroy();
    this.awareness.destroy();
    this.doc.destroy();
  }

  /** Closing the tab or a full navigation: withdraw my presence at once (the socket is still open). */
  readonly #onPageHide = (event: PageTransitionEvent) => {
    this.#flushEditRecord();
    if (!event.persisted) this.awareness.setLocalState(null);
  };

  /** Records my edit now if the last record is old enough, else once the interval has passed. */
  #recordEdit() {
    const wait = this.#lastRecordAt + EDIT_RECORD_INTERVAL_MS - performance.now();
    if (wait <= 0 && this.#recordTimer === undefined) return this.#writeEditRecord();
    this.#recordTimer ??= setTimeout(() => this.#writeEditRecord(), Math.max(0, wait));
  }

  #writeEditRecord() {
    clearTimeout(this.#recordTimer);
    this.#recordTimer = undefined;
    this.#lastRecordAt = performance.now();
    this.#onMyEdit();
  }

  /** An edit waiting to be recorded is recorded now (leaving the page, closing the document). */
  #flushEditRecord() {
    if (this.#recordTimer !== undefined) this.#writeEditRecord();
  }

  readonly #observeText = (_events: Y.YEvent<Y.XmlElement | Y.XmlText>[], transaction: Y.Transaction) => {
    // Local transactions are mine (typing, restoring); updates from the server, another tab or the
    // local copy are applied as remote ones.
    if (transaction.local) this.#recordEdit();
  };
}

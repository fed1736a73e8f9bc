/**
 * One document in memory: its Y.Doc (gc on), its awareness, the sockets on it, and the updates
 * applied but not yet stored. Nothing of the document leaves the room before it is stored: the
 * room manager calls `delivered` after each committed batch, and replies that carry document
 * state wait in `whenStored` until no write for this room is outstanding.
 */
import { workspaceDocName } from '@atelier/workspace';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import {
  applyAwarenessUpdate,
  Awareness,
  encodeAwarenessUpdate,
  removeAwarenessStates
} from 'y-protocols/awareness';
import type { StoredDocument } from './document-store';
import { AwarenessOwnership, checkStates, encodeAwarenessEntries, readAwarenessEntries } from './awareness-ownership';
import { encodeAwareness, encodeSavedState, encodeSyncStep1, encodeSyncStep2, encodeSyncUpdate } from './protocol';
import type { SyncConnection } from './sync-connection';
import { encodeIntegratedState, waitingBytes } from './waiting-updates';

/** The entry count an awareness update starts with (it was read once already). */
function countOf(update: Uint8Array): number {
  return decoding.readVarUint(decoding.createDecoder(update));
}

/** Transaction origin of the updates replayed from storage when a room loads. */
export const LOAD_ORIGIN = Symbol('atelier.sync.load');
/**
 * Transaction origin of a change the server makes itself on a person's behalf (an API route,
 * e.g. an observer's own roster profile): stored, then relayed to every socket like any update.
 */
export const SERVER_ORIGIN = Symbol('atelier.sync.server');
/** Every change to a room's doc carries one of these origins. */
export type RoomOrigin = SyncConnection | typeof LOAD_ORIGIN | typeof SERVER_ORIGIN;

/** An update applied to the doc, with the socket it came from (or the server's own). */
export interface PendingUpdate {
  update: Uint8Array;
  from: SyncConnection | typeof SERVER_ORIGIN;
}

export class Room {
  /** Replaced only by `reload`, after an update failed midway. */
  doc!: Y.Doc;
  readonly awareness: Awareness;
  readonly ownership: AwarenessOwnership<SyncConnection>;
  readonly conns = new Set<SyncConnection>();
  /** Applied to the doc, not yet handed to the store. */
  pending: PendingUpdate[] = [];
  /** Handed to the store, not yet committed. */
  inflight = 0;
  /** Bytes in storage plus bytes pending: what the max document size is checked against. */
  bytes = 0;
  /** Bytes of updates pending or being written: counted against the COP quota until stored. */
  unstoredBytes = 0;
  updatesSinceCompaction = 0;
  /** 'open' serves sockets; 'gone' was unloaded or discarded and must not be used again. */
  status: 'open' | 'unloading' | 'gone' = 'open';
  unloadTimer: ReturnType<typeof setTimeout> | undefined;
  /** The COP's workspace document (`cop/{copId}`), whose meeting changes are checked per role. */
  readonly isWorkspace: boolean;
  /** True while the doc is rebuilt from storage after an update failed midway; frames wait in `held`. */
  restoring = false;
  /** Frames received while restoring, replayed in order once the doc is rebuilt. */
  held: { conn: SyncConnection; frame: Uint8Array; isBinary: boolean }[] = [];
  /** Compact right after the next write (the document went past its limit with an update that shrinks it). */
  compactSoon = false;
  readonly #waiting: (() => void)[] = [];
  /**
   * `Y.encodeStateAsUpdate(doc)` while the doc is unchanged: the reply to every device that has
   * nothing yet (a meeting opening one agenda at once encodes it once). Right after a load from a
   * compacted state it is that state, as stored.
   */
  #fullState: Uint8Array | null = null;

  constructor(
    readonly name: string,
    readonly copId: string,
    stored: StoredDocument,
    private readonly onPending: (room: Room) => void,
    maxAwarenessIdsPerSocket: number
  ) {
    this.isWorkspace = name === workspaceDocName(copId);
    this.ownership = new AwarenessOwnership<SyncConnection>(maxAwarenessIdsPerSocket);
    this.#load(stored);
    // Presence is not part of the document: its own tiny doc lets `reload` swap the document.
    this.awareness = new Awareness(new Y.Doc());
    // The server has no presence of its own.
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.#relayAwareness);
  }

  /** Builds the doc from what is stored; its later changes become pending updates. */
  #load(stored: StoredDocument) {
    const doc = new Y.Doc({ gc: true });
    Y.transact(
      doc,
      () => {
        if (stored.state) Y.applyUpdate(doc, stored.state, LOAD_ORIGIN);
        for (const update of stored.updates) Y.applyUpdate(doc, update, LOAD_ORIGIN);
      },
      LOAD_ORIGIN
    );
    this.doc = doc;
    this.bytes = stored.bytes;
    this.updatesSinceCompaction = stored.updates.length;
    this.#fullState = stored.updates.length === 0 ? stored.state : null;
    doc.on('update', (update: Uint8Array, origin: RoomOrigin) => {
      this.#fullState = null;
      if (origin === LOAD_ORIGIN || doc !== this.doc) return;
      this.pending.push({ update, from: origin });
      this.bytes += update.byteLength;
      this.unstoredBytes += update.byteLength;
      this.onPending(this);
    });
  }

  /**
   * Replaces a doc that holds half an update by the stored one, keeping the sockets and their
   * presence: the caller waited until every good update was stored, so nothing is lost, and the
   * half-applied part was never stored or relayed. Replies held meanwhile go out now.
   */
  reload(stored: StoredDocument) {
    const old = this.doc;
    this.pending = [];
    this.unstoredBytes = 0;
    this.#load(stored);
    old.destroy();
  }

  /** Lets the replies held while restoring go, if everything is stored. */
  resume() {
    this.restoring = false;
    if (this.stored) for (const reply of this.#waiting.splice(0)) reply();
  }

  /** Bytes of updates the doc holds that wait for predecessors (see waiting-updates.ts). */
  get waitingBytes(): number {
    return waitingBytes(this.doc);
  }

  /** True when every update applied to the doc is committed to storage. */
  get stored(): boolean {
    return this.pending.length === 0 && this.inflight === 0;
  }

  /** Runs `reply` now if everything is stored, else right after the write that stores it. */
  whenStored(reply: () => void) {
    if (this.stored && !this.restoring) reply();
    else this.#waiting.push(reply);
  }

  /** Called by the manager after a batch with this room's updates committed. */
  delivered(entries: readonly PendingUpdate[]) {
    this.updatesSinceCompaction += entries.length;
    for (const entry of entries) this.unstoredBytes -= entry.update.byteLength;
    this.#relay(entries);
    if (this.stored && !this.restoring) for (const reply of this.#waiting.splice(0)) reply();
  }

  join(conn: SyncConnection) {
    this.conns.add(conn);
    this.whenStored(() => conn.send(encodeSyncStep1(Y.encodeStateVector(this.doc))));
    const states = this.awareness.getStates();
    if (states.size > 0) {
      conn.send(encodeAwareness(encodeAwarenessUpdate(this.awareness, [...states.keys()])));
    }
  }

  leave(conn: SyncConnection) {
    if (!this.conns.delete(conn)) return;
    const ids = this.ownership.release(conn);
    if (ids.length === 0) return;
    removeAwarenessStates(this.awareness, ids, null);
    // y-protocols keeps every client's clock in `meta` for ever; the removal is relayed by now,
    // and ownership (not the clock) decides who may set these ids again.
    for (const id of ids) this.awareness.meta.delete(id);
  }

  /** A client's state vector: answer with what it lacks, once that is all stored. */
  answerStep1(conn: SyncConnection, stateVector: Uint8Array) {
    // Decode now, so a malformed state vector closes the socket before anything is queued.
    const hasNothing = Y.decodeStateVector(stateVector).size === 0;
    this.whenStored(() => conn.send(encodeSyncStep2(hasNothing ? this.#everything() : encodeIntegratedState(this.doc, stateVector))));
  }

  #everything(): Uint8Array {
    return (this.#fullState ??= encodeIntegratedState(this.doc));
  }

  answerSavedState(conn: SyncConnection) {
    this.whenStored(() => conn.send(encodeSavedState(Y.encodeSnapshot(Y.snapshot(this.doc)))));
  }

  /**
   * Applies a client's update. Throws on malformed bytes before anything is applied; returns
   * false if Yjs failed midway (the doc then holds state that is not stored: discard the room).
   */
  applyUpdate(conn: SyncConnection, update: Uint8Array): boolean {
    // A full parse first: Yjs integrates the structs before it reads the delete set, so a
    // truncated update would otherwise be half-applied before it throws.
    Y.decodeUpdate(update);
    const before = this.pending.length;
    try {
      Y.applyUpdate(this.doc, update, conn);
      return true;
    } catch {
      // Keep the half-applied part away from storage; the caller discards the room.
      for (const dropped of this.pending.slice(before)) this.unstoredBytes -= dropped.update.byteLength;
      this.pending.length = before;
      return false;
    }
  }

  /** Runs the server's own change in one transaction under SERVER_ORIGIN (stored, then relayed). */
  applyServerChange(change: (doc: Y.Doc) => void) {
    Y.transact(this.doc, () => change(this.doc), SERVER_ORIGIN);
  }

  /**
   * Applies the entries of a client's awareness update that it may set; throws ProtocolError on
   * malformed bytes before anything is applied. Returns how many claims of new ids were refused
   * because the socket already holds its share; past `maxRefused` it stops reading and applies
   * nothing (the caller closes the socket).
   */
  applyAwareness(conn: SyncConnection, update: Uint8Array, maxRefused: number): number {
    const { allowed, refused, stopped } = this.ownership.filter(conn, readAwarenessEntries(update), maxRefused);
    if (stopped || allowed.length === 0) return refused;
    checkStates(allowed);
    applyAwarenessUpdate(this.awareness, refused === 0 && allowed.length === countOf(update) ? update : encodeAwarenessEntries(allowed), conn);
    return refused;
  }

  sendAllAwareness(conn: SyncConnection) {
    const ids = [...this.awareness.getStates().keys()];
    conn.send(encodeAwareness(encodeAwarenessUpdate(this.awareness, ids)));
  }

  destroy() {
    this.status = 'gone';
    clearTimeout(this.unloadTimer);
    this.awareness.off('update', this.#relayAwareness);
    this.awareness.destroy();
    this.doc.destroy();
  }

  /** Sends stored updates to every socket but the one each came from, merged per recipient. */
  #relay(entries: readonly PendingUpdate[]) {
    if (this.conns.size === 0 || entries.length === 0) return;
    const senders = new Set(entries.map((e) => e.from));
    const messages = new Map<SyncConnection | null, Uint8Array | null>();
    for (const conn of this.conns) {
      const key = senders.has(conn) ? conn : null;
      let message = messages.get(key);
      if (message === undefined) {
        const updates = entries.filter((e) => e.from !== key).map((e) => e.update);
        message = updates.length === 0 ? null : encodeSyncUpdate(updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates));
        messages.set(key, message);
      }
      if (message) conn.send(message);
    }
  }

  readonly #relayAwareness = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown
  ) => {
    const message = encodeAwareness(encodeAwarenessUpdate(this.awareness, added.concat(updated, removed)));
    for (const conn of this.conns) if (conn !== origin) conn.send(message);
  };
}

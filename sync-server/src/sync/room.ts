/**
 * One document in memory: its Y.Doc (gc on), its awareness, the sockets on it, and the updates
 * applied but not yet stored. Nothing of the document leaves the room before it is stored: the
 * room manager calls `delivered` after each committed batch, and replies that carry document
 * state wait in `whenStored` until no write for this room is outstanding.
 */
import { workspaceDocName } from '@atelier/workspace';
import * as Y from 'yjs';
import {
  applyAwarenessUpdate,
  Awareness,
  encodeAwarenessUpdate,
  removeAwarenessStates
} from 'y-protocols/awareness';
import type { StoredDocument } from './document-store';
import { AwarenessOwnership, decodeAwarenessUpdate, encodeAwarenessEntries } from './awareness-ownership';
import { encodeAwareness, encodeSavedState, encodeSyncStep1, encodeSyncStep2, encodeSyncUpdate } from './protocol';
import type { SyncConnection } from './sync-connection';

/** Transaction origin of the updates replayed from storage when a room loads. */
export const LOAD_ORIGIN = Symbol('atelier.sync.load');
/** Transaction origin of a change the server makes itself (an API route: `document-changes.ts`). */
export const SERVER_CHANGE = Symbol('atelier.sync.server-change');
/** Every change to a room's doc carries one of these origins. */
export type RoomOrigin = SyncConnection | typeof LOAD_ORIGIN | typeof SERVER_CHANGE;

/** An update applied to the doc, with the socket it came from (or the server: relayed to every socket). */
export interface PendingUpdate {
  update: Uint8Array;
  from: SyncConnection | typeof SERVER_CHANGE;
}

export class Room {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness: Awareness;
  readonly ownership = new AwarenessOwnership<SyncConnection>();
  readonly conns = new Set<SyncConnection>();
  /** Applied to the doc, not yet handed to the store. */
  pending: PendingUpdate[] = [];
  /** Handed to the store, not yet committed. */
  inflight = 0;
  /** Bytes in storage plus bytes pending: what the max document size is checked against. */
  bytes: number;
  updatesSinceCompaction: number;
  /** 'open' serves sockets; 'gone' was unloaded or discarded and must not be used again. */
  status: 'open' | 'unloading' | 'gone' = 'open';
  unloadTimer: ReturnType<typeof setTimeout> | undefined;
  /** The COP's workspace document (`cop/{copId}`), whose meeting changes are checked per role. */
  readonly isWorkspace: boolean;
  readonly #waiting: (() => void)[] = [];
  /**
   * `Y.encodeStateAsUpdate(doc)` while the doc is unchanged: the reply to every device that has
   * nothing yet (a meeting opening one agenda at once encodes it once). Right after a load from a
   * compacted state it is that state, as stored.
   */
  #fullState: Uint8Array | null;

  constructor(
    readonly name: string,
    readonly copId: string,
    stored: StoredDocument,
    private readonly onPending: (room: Room) => void
  ) {
    this.isWorkspace = name === workspaceDocName(copId);
    Y.transact(
      this.doc,
      () => {
        if (stored.state) Y.applyUpdate(this.doc, stored.state, LOAD_ORIGIN);
        for (const update of stored.updates) Y.applyUpdate(this.doc, update, LOAD_ORIGIN);
      },
      LOAD_ORIGIN
    );
    this.bytes = stored.bytes;
    this.updatesSinceCompaction = stored.updates.length;
    this.#fullState = stored.updates.length === 0 ? stored.state : null;
    this.doc.on('update', (update: Uint8Array, origin: RoomOrigin) => {
      this.#fullState = null;
      if (origin === LOAD_ORIGIN) return;
      this.pending.push({ update, from: origin });
      this.bytes += update.byteLength;
      this.onPending(this);
    });
    this.awareness = new Awareness(this.doc);
    // The server has no presence of its own.
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.#relayAwareness);
  }

  /** True when every update applied to the doc is committed to storage. */
  get stored(): boolean {
    return this.pending.length === 0 && this.inflight === 0;
  }

  /** Runs `reply` now if everything is stored, else right after the write that stores it. */
  whenStored(reply: () => void) {
    if (this.stored) reply();
    else this.#waiting.push(reply);
  }

  /** Called by the manager after a batch with this room's updates committed. */
  delivered(entries: readonly PendingUpdate[]) {
    this.updatesSinceCompaction += entries.length;
    this.#relay(entries);
    if (this.stored) for (const reply of this.#waiting.splice(0)) reply();
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
    if (ids.length > 0) removeAwarenessStates(this.awareness, ids, null);
  }

  /** A client's state vector: answer with what it lacks, once that is all stored. */
  answerStep1(conn: SyncConnection, stateVector: Uint8Array) {
    // Decode now, so a malformed state vector closes the socket before anything is queued.
    const hasNothing = Y.decodeStateVector(stateVector).size === 0;
    this.whenStored(() => conn.send(encodeSyncStep2(hasNothing ? this.#everything() : Y.encodeStateAsUpdate(this.doc, stateVector))));
  }

  #everything(): Uint8Array {
    return (this.#fullState ??= Y.encodeStateAsUpdate(this.doc));
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
      this.pending.length = before;
      return false;
    }
  }

  applyAwareness(conn: SyncConnection, update: Uint8Array) {
    const entries = decodeAwarenessUpdate(update);
    const allowed = this.ownership.filter(conn, entries);
    if (allowed.length === 0) return;
    applyAwarenessUpdate(this.awareness, allowed.length === entries.length ? update : encodeAwarenessEntries(allowed), conn);
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

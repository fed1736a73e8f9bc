/**
 * The documents in memory and the sockets on them. Loading merges the stored updates; every
 * update is applied, then written with all other documents' updates in one transaction per tick
 * (under load, at most one every SYNC_COMMIT_INTERVAL_MS), and only then relayed; documents are compacted after SYNC_COMPACT_AFTER_UPDATES updates and
 * when they unload, SYNC_UNLOAD_DELAY_MS after their last socket leaves; once none is left, V8's
 * grown heap is handed back (memory-release.ts). A failed write keeps everything in memory and is
 * retried with backoff; nothing is dropped.
 */
import { refusedWorkspaceChange } from '@atelier/workspace';
import * as Y from 'yjs';
import type { SyncSettings } from '../config';
import { isStorageBusy } from '../db/storage-busy';
import { log } from '../log';
import type { CopStorage } from '../storage/cop-storage';
import type { DocumentStore } from './document-store';
import { MemoryRelease } from './memory-release';
import { CloseCode, decodeClientMessage, ProtocolError } from './protocol';
import { Room } from './room';
import type { ServerChanges } from './server-changes';
import type { SyncConnection } from './sync-connection';
import { compactedSizes, encodeIntegratedState, restoreWaiting, saveWaiting } from './waiting-updates';

/** Why the server could not make a change of its own to a document. */
export class ServerChangeRefused extends Error {
  override name = 'ServerChangeRefused';
  constructor(readonly reason: 'closing' | 'document-too-large') {
    super(`server change refused: ${reason}`);
  }
}
/**
 * Presence claims past a socket's share it may make before it is closed with 4430. A stock client
 * makes none (it announces its own id, and echoes ids other sockets own, which are not claims);
 * a few are tolerated for clients that briefly use an extra id.
 */
const PRESENCE_REFUSALS_BEFORE_CLOSE = 16;

/** First retry of a failed write; doubles up to WRITE_RETRY_MAX_MS while the store keeps failing. */
const WRITE_RETRY_FIRST_MS = 100;
/** A store that is down is retried at least this often, so writes resume soon after it is back. */
const WRITE_RETRY_MAX_MS = 5_000;

export class RoomManager implements ServerChanges {
  readonly rooms = new Map<string, Room>();
  /** Every open sync socket, for access changes, pings and shutdown. */
  readonly connections = new Set<SyncConnection>();
  readonly #loading = new Map<string, Promise<Room>>();
  readonly #unloading = new Map<string, Promise<void>>();
  /** Rooms with updates waiting to be written. */
  readonly #dirty = new Set<Room>();
  #flushScheduled = false;
  /** When the last commit started (performance.now()), for SYNC_COMMIT_INTERVAL_MS pacing. */
  #lastFlushAt = -Infinity;
  #flushing = false;
  #retryDelay = 0;
  #retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** Store calls run one at a time, so a compaction never races an append. */
  #storeQueue: Promise<unknown> = Promise.resolve();
  #idleWaiters: (() => void)[] = [];
  #closed = false;
  /** Hands V8's grown heap back to the system once no document is in memory. */
  readonly memoryRelease = new MemoryRelease();

  constructor(
    private readonly store: DocumentStore,
    private readonly settings: SyncSettings,
    /** The COP storage quota, checked against each update (none: no quota). */
    private readonly quota?: CopStorage
  ) {
    quota?.countUnstored((copId) => this.#unstoredBytes(copId));
  }

  /** What this COP's rooms accepted and have not written yet (once per quota refresh). */
  #unstoredBytes(copId: string): number {
    let bytes = 0;
    for (const room of this.rooms.values()) if (room.copId === copId) bytes += room.unstoredBytes;
    return bytes;
  }

  /**
   * Attaches an authorized socket to its document, loading the document if needed. `admit`, when
   * given, decides first whether the document exists (its frames wait meanwhile).
   */
  async attach(conn: SyncConnection, admit?: () => Promise<boolean>): Promise<void> {
    this.connections.add(conn);
    let room: Room | undefined;
    conn.socket.on('message', (data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean) => conn.receive(toBytes(data), isBinary));
    conn.socket.on('close', () => {
      conn.dispose();
      this.connections.delete(conn);
      if (room) this.#leave(room, conn);
      this.memoryRelease.socketClosed();
    });
    conn.socket.on('pong', () => (conn.alive = true));
    try {
      if (admit && !(await admit())) {
        if (!conn.closed) log.info('refused a document its workspace does not list', { doc: conn.docName });
        return conn.close(CloseCode.unlistedDocument);
      }
      if (conn.closed) return;
      const loaded = await this.#acquire(conn.docName, conn.copId);
      if (conn.closed) {
        this.#scheduleUnloadIfEmpty(loaded);
        return;
      }
      room = loaded;
      clearTimeout(room.unloadTimer);
      room.join(conn);
      const joined = room;
      conn.start((frame, isBinary) => this.#receive(joined, conn, frame, isBinary));
    } catch (err) {
      log.error('could not load a document', { doc: conn.docName, error: String(err) });
      conn.close(isStorageBusy(err) ? CloseCode.storageBusy : CloseCode.internalError);
    }
  }

  /** Resolves once every update applied so far is stored (retrying failed writes meanwhile). */
  whenAllStored(): Promise<void> {
    if (this.#allStored()) return Promise.resolve();
    return new Promise((resolve) => {
      this.#idleWaiters.push(resolve);
      this.#scheduleFlush();
    });
  }

  /**
   * Makes a change of the server's own to a stored document: loads it (or uses the open room),
   * applies `change` under SERVER_ORIGIN, and resolves once it is stored — by then it has been
   * relayed to every open socket on it. What `change` returns is handed back.
   */
  async applyServerChange<T>(docName: string, copId: string, change: (doc: Y.Doc) => T, maxChangeBytes: number): Promise<T> {
    if (this.#closed) throw new ServerChangeRefused('closing');
    const room = await this.#acquire(docName, copId);
    try {
      if (room.status !== 'open') throw new ServerChangeRefused('closing');
      // Checked before, as for a socket's update: a change cannot be taken back once applied.
      if (room.bytes + maxChangeBytes > this.settings.maxDocumentBytes) throw new ServerChangeRefused('document-too-large');
      let result!: T;
      room.applyServerChange((doc) => (result = change(doc)));
      await new Promise<void>((resolve) => room.whenStored(resolve));
      return result;
    } finally {
      this.#scheduleUnloadIfEmpty(room);
    }
  }

  /** Pings every socket; one that did not answer the previous ping is dropped. */
  pingAll() {
    for (const conn of this.connections) {
      if (!conn.alive) {
        conn.dispose();
        conn.socket.terminate();
        continue;
      }
      conn.alive = false;
      conn.socket.ping();
    }
  }

  /** Shutdown: stores everything, closes every socket with 1001, compacts and frees documents. */
  async close(): Promise<void> {
    this.#closed = true;
    await this.whenAllStored();
    for (const conn of this.connections) conn.close(CloseCode.goingAway);
    for (const room of [...this.rooms.values()]) await this.#unload(room);
    await Promise.all(this.#unloading.values());
    clearTimeout(this.#retryTimer);
    this.memoryRelease.cancel();
  }

  #receive(room: Room, conn: SyncConnection, frame: Uint8Array, isBinary: boolean) {
    if (conn.closed) return;
    // While the doc is rebuilt after a failed update, frames wait (a few milliseconds) in order.
    if (room.restoring) return void room.held.push({ conn, frame, isBinary });
    if (!isBinary) return conn.close(CloseCode.unsupportedData);
    try {
      const message = decodeClientMessage(frame);
      switch (message.type) {
        case 'sync-step1':
          return room.answerStep1(conn, message.stateVector);
        case 'sync-step2':
        case 'sync-update':
          return this.#applyUpdate(room, conn, message.update);
        case 'awareness':
          return this.#applyAwareness(room, conn, message.update);
        case 'query-awareness':
          return room.sendAllAwareness(conn);
        case 'saved-state':
          return room.answerSavedState(conn);
      }
    } catch (err) {
      // Malformed frames and Yjs payloads (lib0 and Yjs throw plain errors) close this socket only.
      if (!(err instanceof ProtocolError)) log.info('refused a malformed sync message', { doc: room.name, error: String(err) });
      conn.close(CloseCode.badMessage);
    }
  }

  #applyAwareness(room: Room, conn: SyncConnection, update: Uint8Array) {
    if (update.byteLength > this.settings.maxAwarenessBytes) return conn.close(CloseCode.presenceTooLarge);
    conn.presenceRefusals += room.applyAwareness(conn, update, PRESENCE_REFUSALS_BEFORE_CLOSE - conn.presenceRefusals);
    if (conn.presenceRefusals > PRESENCE_REFUSALS_BEFORE_CLOSE) {
      log.warn('closed a socket claiming presence for too many client ids', { doc: room.name });
      conn.close(CloseCode.tooManyPresenceIds);
    }
  }

  #applyUpdate(room: Room, conn: SyncConnection, update: Uint8Array) {
    if (!conn.canWrite) {
      // Observers and archived COPs: dropped silently and the socket stays open — unless the
      // bytes are not an update at all, which closes it like any malformed frame.
      Y.decodeUpdate(update);
      return;
    }
    // What only the people running meetings may change, refused whole before anything is applied.
    if (room.isWorkspace && !conn.runsMeetings) {
      const refused = refusedWorkspaceChange(room.doc, update, { userId: conn.userId, runsMeetings: false });
      if (refused) {
        log.info('refused a workspace change reserved to facilitators', { doc: room.name, reason: refused.reason });
        return conn.close(CloseCode.changeNotAllowed);
      }
    }
    const limit = this.settings.maxDocumentBytes;
    // What waits for missing predecessors counts too: compaction used to store it.
    const overDocument = room.bytes + room.waitingBytes + update.byteLength > limit;
    const overQuota = this.quota !== undefined && !this.quota.fits(room.copId, update.byteLength, true);
    if (overDocument || overQuota) {
      // A document at its limit, or in a COP at its quota, still takes updates that leave it no
      // larger once compacted (deletions, a smaller version restored, a device's step 2 on
      // opening it): its members can always open it and find a way back.
      const { before, after } = compactedSizes(room.doc, update);
      if (after > before && after > limit) {
        log.warn('refused an update over the document size limit', { doc: room.name, bytes: room.bytes });
        return conn.close(CloseCode.documentTooLarge);
      }
      if (after > before && overQuota) {
        log.warn('refused an update over the COP storage quota', { doc: room.name, cop: room.copId });
        return conn.close(CloseCode.copStorageFull);
      }
      room.compactSoon = true;
    }
    const waitingBefore = saveWaiting(room.doc);
    const waitingBytesBefore = room.waitingBytes;
    const unstoredBefore = room.unstoredBytes;
    if (!room.applyUpdate(conn, update)) {
      log.warn('an update failed to integrate; rebuilding the document from storage', { doc: room.name });
      conn.close(CloseCode.badMessage);
      void this.#restore(room);
      return;
    }
    // What will be written (Yjs re-encodes the update), so the next check sees it at once.
    this.quota?.added(room.copId, room.unstoredBytes - unstoredBefore);
    const waitingAfter = room.waitingBytes;
    if (waitingAfter > waitingBytesBefore) {
      conn.waitingBytes += waitingAfter - waitingBytesBefore;
      if (
        conn.waitingBytes > this.settings.maxWaitingBytesPerSocket ||
        waitingAfter > this.settings.maxWaitingBytesPerDocument ||
        room.bytes + waitingAfter > limit
      ) {
        restoreWaiting(room.doc, waitingBefore);
        log.warn('refused updates whose predecessors never arrived', { doc: room.name, waitingBytes: waitingAfter });
        return conn.close(CloseCode.tooManyWaiting);
      }
    } else if (waitingAfter === 0 && waitingBytesBefore > 0) {
      // Everything that waited has integrated (and is counted as stored bytes now).
      for (const other of room.conns) other.waitingBytes = 0;
    }
  }

  /**
   * After an update failed midway, the doc holds half of it: once every good update is stored,
   * the doc is rebuilt from storage in place. Its sockets stay open; their frames wait meanwhile.
   */
  async #restore(room: Room) {
    if (room.restoring) return;
    room.restoring = true;
    try {
      await this.whenAllStored();
      const stored = await this.#exclusive(() => this.store.load(room.name, room.copId));
      room.reload(stored);
    } catch (err) {
      log.error('could not rebuild a document from storage; reloading it', { doc: room.name, error: String(err) });
      room.resume();
      return this.#discard(room);
    }
    room.resume();
    // In order; a frame that fails again starts the next rebuild, which replays the rest.
    while (room.held.length > 0 && !room.restoring) {
      const { conn, frame, isBinary } = room.held.shift()!;
      this.#receive(room, conn, frame, isBinary);
    }
  }

  #leave(room: Room, conn: SyncConnection) {
    room.leave(conn);
    this.#scheduleUnloadIfEmpty(room);
  }

  #scheduleUnloadIfEmpty(room: Room) {
    if (room.conns.size > 0 || room.status !== 'open') return;
    clearTimeout(room.unloadTimer);
    room.unloadTimer = setTimeout(() => void this.#unload(room), this.settings.unloadDelayMs);
    room.unloadTimer.unref?.();
  }

  async #acquire(name: string, copId: string): Promise<Room> {
    for (;;) {
      const unloading = this.#unloading.get(name);
      if (unloading) {
        await unloading;
        continue;
      }
      const room = this.rooms.get(name);
      if (room) return room;
      const loading = this.#loading.get(name);
      if (loading) return loading;
      this.memoryRelease.cancel();
      const load = this.store.load(name, copId).then((stored) => {
        const fresh = new Room(name, copId, stored, this.#onPending, this.settings.maxAwarenessIdsPerSocket);
        this.rooms.set(name, fresh);
        // Stored past the limit (a lowered limit, or waiting updates stored by an older server):
        // compaction without the waiting part brings it back where it can.
        if (fresh.bytes > this.settings.maxDocumentBytes) {
          void this.#compact(fresh).catch((err) => log.warn('could not compact a document', { doc: name, error: String(err) }));
        }
        return fresh;
      });
      this.#loading.set(name, load);
      try {
        return await load;
      } finally {
        this.#loading.delete(name);
      }
    }
  }

  /** Stores what is pending, compacts, frees the document. Waits for failing writes to recover. */
  #unload(room: Room): Promise<void> {
    const existing = this.#unloading.get(room.name);
    if (existing) return existing;
    if (room.status !== 'open' || (room.conns.size > 0 && !this.#closed)) return Promise.resolve();
    room.status = 'unloading';
    clearTimeout(room.unloadTimer);
    const done = (async () => {
      while (!room.stored) await this.whenAllStored();
      if (room.updatesSinceCompaction > 0) {
        try {
          await this.#compact(room);
        } catch (err) {
          // Every update is already stored; compaction only saves space and can wait for next time.
          log.warn('could not compact a document', { doc: room.name, error: String(err) });
        }
      }
      room.destroy();
      if (this.rooms.get(room.name) === room) this.rooms.delete(room.name);
      if (this.rooms.size === 0 && this.#loading.size === 0 && !this.#closed) this.memoryRelease.schedule();
    })();
    this.#unloading.set(room.name, done);
    return done.finally(() => this.#unloading.delete(room.name));
  }

  /** After a half-applied update: drop the in-memory copy (its good updates still get stored). */
  #discard(room: Room) {
    if (this.rooms.get(room.name) === room) this.rooms.delete(room.name);
    room.status = 'gone';
    for (const conn of room.conns) conn.close(CloseCode.documentReloaded);
    // Destroy only once the updates it still holds are written; the flush keeps a reference.
    void this.whenAllStored().then(() => room.destroy());
  }

  #compact(room: Room): Promise<void> {
    return this.#exclusive(() => this.#compactNow(room));
  }

  /** Replaces the stored updates by the doc's gc'd state (deleted text is not kept forever). */
  async #compactNow(room: Room) {
    // Updates still waiting for predecessors are never stored (waiting-updates.ts).
    const state = encodeIntegratedState(room.doc);
    const before = room.updatesSinceCompaction;
    room.compactSoon = false;
    await this.store.compact(room.name, state);
    room.updatesSinceCompaction -= before;
    room.bytes = state.byteLength + room.pending.reduce((sum, p) => sum + p.update.byteLength, 0);
  }

  readonly #onPending = (room: Room) => {
    this.#dirty.add(room);
    this.#scheduleFlush();
  };

  #scheduleFlush() {
    if (this.#flushScheduled || this.#retryTimer !== undefined) return;
    this.#flushScheduled = true;
    const run = () => {
      this.#flushScheduled = false;
      void this.#exclusive(() => this.#flush());
    };
    // At least the rest of this event-loop turn, so every message that arrived in it joins one
    // commit; under load, also the rest of the commit interval.
    const wait = this.#lastFlushAt + this.settings.commitIntervalMs - performance.now();
    if (wait > 0 && !this.#closed) setTimeout(run, wait);
    else setImmediate(run);
  }

  async #flush() {
    this.#flushing = true;
    try {
      await this.#flushOnce();
    } finally {
      this.#flushing = false;
    }
    if (this.#dirty.size > 0) this.#scheduleFlush();
    else if (this.#allStored()) for (const resolve of this.#idleWaiters.splice(0)) resolve();
  }

  async #flushOnce() {
    this.#lastFlushAt = performance.now();
    const batch = [...this.#dirty].map((room) => ({ room, entries: room.pending.splice(0) }));
    this.#dirty.clear();
    const work = batch.filter((b) => b.entries.length > 0);
    for (const { room, entries } of work) room.inflight += entries.length;
    if (work.length > 0) {
      try {
        await this.store.append(work.map(({ room, entries }) => ({ name: room.name, updates: entries.map((e) => e.update) })));
      } catch (err) {
        for (const { room, entries } of work) {
          room.inflight -= entries.length;
          room.pending.unshift(...entries);
          this.#dirty.add(room);
        }
        this.#retryDelay = Math.min(WRITE_RETRY_MAX_MS, this.#retryDelay ? this.#retryDelay * 2 : WRITE_RETRY_FIRST_MS);
        log.error('could not store document updates; keeping them in memory and retrying', {
          documents: work.length,
          retryInMs: this.#retryDelay,
          error: String(err)
        });
        this.#retryTimer = setTimeout(() => {
          this.#retryTimer = undefined;
          this.#scheduleFlush();
        }, this.#retryDelay);
        return;
      }
      this.#retryDelay = 0;
      for (const { room, entries } of work) {
        room.inflight -= entries.length;
        room.delivered(entries);
      }
      for (const { room } of work) {
        const overLimit = room.compactSoon || room.bytes > this.settings.maxDocumentBytes;
        if (room.status === 'open' && (overLimit || room.updatesSinceCompaction >= this.settings.compactAfterUpdates)) {
          try {
            await this.#compactNow(room);
          } catch (err) {
            log.warn('could not compact a document', { doc: room.name, error: String(err) });
          }
        }
      }
    }
  }

  #allStored() {
    if (this.#dirty.size > 0 || this.#flushing) return false;
    for (const room of this.rooms.values()) if (!room.stored) return false;
    return true;
  }

  #exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.#storeQueue.then(fn, fn);
    this.#storeQueue = run.catch(() => undefined);
    return run;
  }
}

/** ws hands over Buffers (or fragments); a Buffer is a Uint8Array view, so no copy is made. */
function toBytes(data: Buffer | ArrayBuffer | Buffer[]): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return data;
}

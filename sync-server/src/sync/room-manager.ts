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
import type { DocumentStore } from './document-store';
import { MemoryRelease } from './memory-release';
import { CloseCode, decodeClientMessage, ProtocolError } from './protocol';
import type { DocumentChanges } from './document-changes';
import { Room, SERVER_CHANGE } from './room';
import type { SyncConnection } from './sync-connection';

/** First retry of a failed write; doubles up to WRITE_RETRY_MAX_MS while the store keeps failing. */
const WRITE_RETRY_FIRST_MS = 100;
/** A store that is down is retried at least this often, so writes resume soon after it is back. */
const WRITE_RETRY_MAX_MS = 5_000;

export class RoomManager implements DocumentChanges {
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
    private readonly settings: SyncSettings
  ) {}

  /** Attaches an authorized socket to its document, loading the document if needed. */
  async attach(conn: SyncConnection): Promise<void> {
    this.connections.add(conn);
    let room: Room | undefined;
    conn.socket.on('message', (data: Buffer | ArrayBuffer | Buffer[], isBinary: boolean) => conn.receive(toBytes(data), isBinary));
    conn.socket.on('close', () => {
      conn.dispose();
      this.connections.delete(conn);
      if (room) this.#leave(room, conn);
    });
    conn.socket.on('pong', () => (conn.alive = true));
    try {
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
   * A change the server makes itself (an API route on behalf of someone who cannot write the
   * document): loaded like any room, applied under SERVER_CHANGE, stored with the sockets'
   * updates, then relayed to every open socket. Resolves once stored.
   */
  async change<T>(name: string, copId: string, change: (doc: Y.Doc) => T): Promise<T> {
    if (this.#closed) throw new Error('the sync service is closing');
    const room = await this.#acquire(name, copId);
    clearTimeout(room.unloadTimer);
    try {
      let result!: T;
      room.doc.transact(() => (result = change(room.doc)), SERVER_CHANGE);
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
          return room.applyAwareness(conn, message.update);
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

  #applyUpdate(room: Room, conn: SyncConnection, update: Uint8Array) {
    // Observers and archived COPs: dropped silently, the socket stays open.
    if (!conn.canWrite) return;
    // What only the people running meetings may change, refused whole before anything is applied.
    if (room.isWorkspace && !conn.runsMeetings) {
      const refused = refusedWorkspaceChange(room.doc, update, { userId: conn.userId, runsMeetings: false });
      if (refused) {
        log.info('refused a workspace change reserved to facilitators', { doc: room.name, reason: refused.reason });
        return conn.close(CloseCode.changeNotAllowed);
      }
    }
    if (room.bytes + update.byteLength > this.settings.maxDocumentBytes) {
      log.warn('refused an update over the document size limit', { doc: room.name, bytes: room.bytes });
      return conn.close(CloseCode.documentTooLarge);
    }
    if (!room.applyUpdate(conn, update)) {
      log.error('an update failed to integrate; reloading the document', { doc: room.name });
      conn.close(CloseCode.badMessage);
      this.#discard(room);
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
        const fresh = new Room(name, copId, stored, this.#onPending);
        this.rooms.set(name, fresh);
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
    const state = Y.encodeStateAsUpdate(room.doc);
    const before = room.updatesSinceCompaction;
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
        if (room.status === 'open' && room.updatesSinceCompaction >= this.settings.compactAfterUpdates) {
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

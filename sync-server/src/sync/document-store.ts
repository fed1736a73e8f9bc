/**
 * Where documents live between server runs, behind one small interface so that a PostgreSQL
 * implementation can follow the SQLite one. Every method may be asynchronous; the room manager
 * awaits them and never relays an update before `append` has resolved.
 */

/** A document as stored: its last compacted state plus the updates appended since. */
export interface StoredDocument {
  /** `Y.encodeStateAsUpdate` of the document at its last compaction, or null if never compacted. */
  state: Uint8Array | null;
  /** Updates appended since that compaction, in the order they were stored. */
  updates: Uint8Array[];
  /** Bytes the document takes in storage (state plus updates). */
  bytes: number;
}

/** The updates of one document to store in a batch. */
export interface AppendEntry {
  name: string;
  updates: Uint8Array[];
}

export interface DocumentStore {
  /** The stored document, registering it under its COP first if it is new. */
  load(name: string, copId: string): Promise<StoredDocument>;
  /**
   * Stores updates of several documents atomically (one transaction for the whole batch):
   * when it resolves, every one of them survives a crash; when it rejects, none was stored.
   */
  append(batch: readonly AppendEntry[]): Promise<void>;
  /**
   * Replaces the stored document by `state`, which must contain every update appended for it
   * before this call (the caller passes the state of the in-memory document, which has them).
   */
  compact(name: string, state: Uint8Array): Promise<void>;
  /** Names of the stored documents of a COP (administration, tests). */
  list(copId: string): Promise<string[]>;
  /** Releases what the store holds (threads, pools); called after the last write resolved. */
  close?(): Promise<void>;
}

export class DocumentStoreError extends Error {
  override name = 'DocumentStoreError';
}

/**
 * "All changes saved to the server" decided honestly: the local changes not yet confirmed are
 * kept as one merged update, and they count as saved only once a snapshot of what the server
 * has *stored* (state vector and delete set) contains them — deletions included.
 */
import * as Y from 'yjs';

export class UnsavedChanges {
  #pending: Uint8Array | null = null;

  /** Records a change made on this device (or loaded from it) that the server may lack. */
  add(update: Uint8Array) {
    this.#pending = this.#pending ? Y.mergeUpdates([this.#pending, update]) : update;
  }

  get empty(): boolean {
    return this.#pending === null;
  }

  /** Forgets the changes the server's stored snapshot contains; true if none are left. */
  confirm(storedSnapshot: Uint8Array): boolean {
    if (this.#pending && Y.snapshotContainsUpdate(Y.decodeSnapshot(storedSnapshot), this.#pending)) this.#pending = null;
    return this.#pending === null;
  }
}

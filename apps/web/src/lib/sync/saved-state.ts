/**
 * "All changes saved to the server" decided honestly: the local changes not yet confirmed count
 * as saved only once a snapshot of what the server has *stored* (state vector and delete set)
 * contains them — deletions included.
 *
 * What is kept is a summary, not the changes themselves: per client, the end of the newest
 * struct made here, and the deletions made here. A stored snapshot contains a set of updates
 * exactly when its state vector reaches every one of those ends and its delete set covers those
 * deletions — the test `Y.snapshotContainsUpdate` makes, struct by struct. Merging every new
 * update into one pending update (what this used to do) re-encoded the whole pending history on
 * each keystroke: quadratic over a long offline session (`pnpm bench:saved-state`).
 */
import * as Y from 'yjs';

type DeleteSet = ReturnType<typeof Y.createDeleteSet>;

export class UnsavedChanges {
  /** Per client: the clock just past the newest struct recorded. */
  #ends = new Map<number, number>();
  /** Deletions recorded, appended as they come; sorted and merged when checked. */
  #deletes: DeleteSet = Y.createDeleteSet();

  /** Records a change made on this device (or loaded from it) that the server may lack. */
  add(update: Uint8Array) {
    for (const [client, end] of Y.parseUpdateMeta(update).to) {
      if (end > (this.#ends.get(client) ?? 0)) this.#ends.set(client, end);
    }
    for (const [client, items] of Y.decodeUpdate(update).ds.clients) {
      const kept = this.#deletes.clients.get(client);
      if (kept) for (const item of items) kept.push(item);
      else this.#deletes.clients.set(client, items.slice());
    }
  }

  get empty(): boolean {
    return this.#ends.size === 0 && this.#deletes.clients.size === 0;
  }

  /** Forgets the changes the server's stored snapshot contains; true if none are left. */
  confirm(storedSnapshot: Uint8Array): boolean {
    if (this.empty) return true;
    const stored = Y.decodeSnapshot(storedSnapshot);
    for (const [client, end] of this.#ends) {
      if ((stored.sv.get(client) ?? 0) < end) {
        this.#compactDeletes();
        return false;
      }
    }
    if (!Y.equalDeleteSets(stored.ds, Y.mergeDeleteSets([stored.ds, this.#deletes]))) {
      this.#compactDeletes();
      return false;
    }
    this.#ends.clear();
    this.#deletes = Y.createDeleteSet();
    return true;
  }

  /** Keeps the deletions sorted and merged while they wait, so checks stay proportional to them. */
  #compactDeletes() {
    this.#deletes = Y.mergeDeleteSets([this.#deletes]);
  }
}

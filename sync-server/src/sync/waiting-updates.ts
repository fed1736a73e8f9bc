/**
 * Updates waiting for predecessors that have not arrived. Yjs keeps such structs and deletes in
 * the doc's store (`pendingStructs`, `pendingDs`) instead of integrating them, and fires no
 * `update` event for them — so they escape the room's byte count — yet `Y.encodeStateAsUpdate`
 * includes them. A member could park megabytes there that compaction would then store and every
 * newcomer would download. The server counts them toward the document limit, bounds them per
 * socket and per room, and never stores or sends them: if the predecessors ever come, the
 * waiting part integrates and is stored as an ordinary update; if not, a device that really has
 * them resends them, since the server's state vector does not list them.
 */
import * as Y from 'yjs';

/** What Yjs holds in a doc's store while it waits. */
export interface WaitingParts {
  structs: Y.Doc['store']['pendingStructs'];
  deletes: Y.Doc['store']['pendingDs'];
}

/** Bytes of updates the doc holds that wait for missing predecessors. */
export function waitingBytes(doc: Y.Doc): number {
  const { pendingStructs, pendingDs } = doc.store;
  return (pendingStructs?.update.byteLength ?? 0) + (pendingDs?.byteLength ?? 0);
}

/** A copy of what waits now: Yjs grows `pendingStructs` in place (its `update` and `missing`). */
export function saveWaiting(doc: Y.Doc): WaitingParts {
  const structs = doc.store.pendingStructs;
  return { structs: structs && { missing: new Map(structs.missing), update: structs.update }, deletes: doc.store.pendingDs };
}

/** Puts back what was waiting before an update that parked too much (the update's waiting part is dropped). */
export function restoreWaiting(doc: Y.Doc, saved: WaitingParts) {
  doc.store.pendingStructs = saved.structs;
  doc.store.pendingDs = saved.deletes;
}

/** `Y.encodeStateAsUpdate` of what the doc really holds, without the waiting updates. */
export function encodeIntegratedState(doc: Y.Doc, stateVector?: Uint8Array): Uint8Array {
  const saved = { structs: doc.store.pendingStructs, deletes: doc.store.pendingDs };
  if (!saved.structs && !saved.deletes) return Y.encodeStateAsUpdate(doc, stateVector);
  doc.store.pendingStructs = null;
  doc.store.pendingDs = null;
  try {
    return Y.encodeStateAsUpdate(doc, stateVector);
  } finally {
    restoreWaiting(doc, saved);
  }
}

/**
 * Sizes of the doc's compacted state now and once `update` is applied, measured on a scratch
 * copy: how a document at its limit tells an update that shrinks it or adds nothing (deleting
 * text, restoring a smaller version, a device's sync step 2 on opening) from one that grows it.
 * Throws like `Y.applyUpdate` on a bad update, touching nothing.
 */
export function compactedSizes(doc: Y.Doc, update: Uint8Array): { before: number; after: number } {
  const scratch = new Y.Doc({ gc: true });
  try {
    const state = encodeIntegratedState(doc);
    Y.applyUpdate(scratch, state);
    Y.applyUpdate(scratch, update);
    return { before: state.byteLength, after: encodeIntegratedState(scratch).byteLength };
  } finally {
    scratch.destroy();
  }
}

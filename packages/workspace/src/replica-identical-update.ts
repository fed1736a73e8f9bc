/**
 * Changes that every replica makes byte for byte the same, so that N devices making "the same"
 * change offline merge it as one change instead of N competing ones.
 *
 * Why: a Yjs struct is identified by (client id, clock). Two devices that each create a nested
 * Y.Map or Y.Text for the same key create two different structs; the merge keeps one of them and
 * everything typed into the other vanishes. If instead both devices create the structs under the
 * same (client id, clock) with the same content, the second copy is a duplicate and Yjs ignores
 * it: edits made on top of either copy land in the same type.
 *
 * How: `write` runs on a fresh Y.Doc twice — first under a fixed provisional client id, to get
 * the change's own bytes; then under a reserved client id derived from the SHA-256 of those bytes.
 * So a reserved id stands for exactly one change: two replicas that derive the same id had the
 * same bytes (same operations, same content, same encoding, whatever the code or Yjs version),
 * and two different changes get different ids (48 bits of the digest; a collision is as likely
 * as 2^-48 per pair). Reserved ids lie in [2^32, 2^32 + 2^48): Yjs gives real devices random
 * 32-bit ids, so a reserved id never collides with a person's device. Clocks start at 0 on a
 * fresh document, which is safe because the id is never reused for anything else.
 *
 * `write` must depend only on what it is given (never on the time, randomness or on the state
 * of the document the change is applied to) and must build on the fresh document it is handed:
 * its structs may reference root types by name only, never structs of the target document.
 */
import { digest } from 'lib0/hash/sha256';
import * as Y from 'yjs';

/** The lowest reserved client id: above every id Yjs gives a device (random uint32). */
export const FIRST_RESERVED_CLIENT_ID = 2 ** 32;
/** Used only to compute the change's fingerprint; its bytes never reach a document. */
const PROVISIONAL_CLIENT_ID = FIRST_RESERVED_CLIENT_ID;

function buildUpdate(clientId: number, write: (doc: Y.Doc) => void): Uint8Array {
  const scratch = new Y.Doc({ gc: false });
  scratch.clientID = clientId;
  try {
    scratch.transact(() => write(scratch));
    return Y.encodeStateAsUpdate(scratch);
  } finally {
    scratch.destroy();
  }
}

/** The reserved client id that stands for this change: 2^32 + the first 48 bits of its SHA-256. */
export function reservedClientIdFor(fingerprint: Uint8Array): number {
  const hash = digest(fingerprint);
  let high48 = 0;
  for (let i = 0; i < 6; i++) high48 = high48 * 256 + hash[i]!;
  return FIRST_RESERVED_CLIENT_ID + high48;
}

/**
 * The update that `write` makes on an empty document, under the reserved client id of that very
 * change: identical on every replica that calls it with the same `write`. Empty writes give an
 * update that changes nothing.
 */
export function replicaIdenticalUpdate(write: (doc: Y.Doc) => void): Uint8Array {
  const fingerprint = buildUpdate(PROVISIONAL_CLIENT_ID, write);
  return buildUpdate(reservedClientIdFor(fingerprint), write);
}

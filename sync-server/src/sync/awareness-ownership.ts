/**
 * Who may set presence for which awareness client id in one document. A socket owns the ids it
 * announced first; entries for ids another socket owns are dropped silently (the stock client
 * echoes everyone's awareness back to the server, so this is normal traffic, not an attack).
 * An id released by a closed socket may be reclaimed only by the same account (a reconnect
 * keeps its Y.Doc client id), never by someone else's late echo.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { ProtocolError } from './protocol';

export interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** The JSON text of the state; "null" removes the client. */
  state: string;
}

/** Decodes an awareness update; throws ProtocolError when it is malformed. */
export function decodeAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  try {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    // Each entry takes at least 3 bytes: a count larger than that is a lie about the length.
    if (count > update.length) throw new ProtocolError('awareness entry count exceeds the frame');
    const entries: AwarenessEntry[] = [];
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const state = decoding.readVarString(decoder);
      JSON.parse(state); // y-protocols would throw on it later, after part of the update applied
      entries.push({ clientId, clock, state });
    }
    if (decoding.hasContent(decoder)) throw new ProtocolError('trailing bytes in awareness update');
    return entries;
  } catch (err) {
    if (err instanceof ProtocolError) throw err;
    throw new ProtocolError(`malformed awareness update: ${err instanceof Error ? err.message : String(err)}`);
  }
}

export function encodeAwarenessEntries(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, entry.state);
  }
  return encoding.toUint8Array(encoder);
}

/** Ownership of awareness client ids within one document. */
export class AwarenessOwnership<Owner extends { userId: string }> {
  readonly #owners = new Map<number, Owner>();
  /** Ids whose socket closed, with the account that owned them. */
  readonly #released = new Map<number, string>();

  /**
   * The entries `owner` may apply: its own ids, plus new ids it claims with a non-null state.
   * Claiming happens here, so call it only for entries that will be applied.
   */
  filter(owner: Owner, entries: readonly AwarenessEntry[]): AwarenessEntry[] {
    return entries.filter((entry) => {
      const current = this.#owners.get(entry.clientId);
      if (current === owner) return true;
      if (current !== undefined) return false;
      if (entry.state === 'null') return false;
      const formerUser = this.#released.get(entry.clientId);
      if (formerUser !== undefined && formerUser !== owner.userId) return false;
      this.#owners.set(entry.clientId, owner);
      this.#released.delete(entry.clientId);
      return true;
    });
  }

  /** Releases every id `owner` holds and returns them (to remove their presence). */
  release(owner: Owner): number[] {
    const ids: number[] = [];
    for (const [id, current] of this.#owners) {
      if (current === owner) {
        ids.push(id);
        this.#owners.delete(id);
        this.#released.set(id, owner.userId);
      }
    }
    return ids;
  }

  ownedBy(owner: Owner): number[] {
    return [...this.#owners].filter(([, current]) => current === owner).map(([id]) => id);
  }
}

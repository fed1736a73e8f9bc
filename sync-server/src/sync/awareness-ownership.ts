/**
 * Who may set presence for which awareness client id in one document. A socket owns the ids it
 * announced first, at most SYNC_MAX_AWARENESS_IDS_PER_SOCKET of them (a stock client has one per
 * document; the rest is slack for clients that use more than one). Entries for ids
 * another socket owns are dropped silently (the stock client echoes everyone's awareness back to
 * the server, so this is normal traffic, not an attack); claims past the count are refused and
 * counted, so the caller can close a socket that keeps making them. An id released by a closed
 * socket may be reclaimed only by the same account (a reconnect keeps its Y.Doc client id), never
 * by someone else's late echo; released ids are remembered for a bounded time and number, so a
 * flood of short-lived sockets leaves nothing behind for good.
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

/**
 * Reads an awareness update entry by entry, so a caller can stop at the first entries of a
 * hostile one; throws ProtocolError when it is malformed (trailing bytes once it is read to the
 * end). States are not parsed here (a flood of refused entries would cost one JSON.parse each):
 * `checkStates` parses the entries that will be applied.
 */
export function* readAwarenessEntries(update: Uint8Array): Generator<AwarenessEntry, void, undefined> {
  const decoder = decoding.createDecoder(update);
  const read = <T>(fn: () => T): T => {
    try {
      return fn();
    } catch (err) {
      throw new ProtocolError(`malformed awareness update: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
  const count = read(() => decoding.readVarUint(decoder));
  // Each entry takes at least 3 bytes: a count larger than that is a lie about the length.
  if (count > update.length) throw new ProtocolError('awareness entry count exceeds the frame');
  for (let i = 0; i < count; i++) {
    yield read(() => ({
      clientId: decoding.readVarUint(decoder),
      clock: decoding.readVarUint(decoder),
      state: decoding.readVarString(decoder)
    }));
  }
  if (decoding.hasContent(decoder)) throw new ProtocolError('trailing bytes in awareness update');
}

/** Decodes a whole awareness update; throws ProtocolError when it is malformed. */
export function decodeAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  return [...readAwarenessEntries(update)];
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

/** Throws ProtocolError unless every state is JSON: y-protocols would throw midway through applying. */
export function checkStates(entries: readonly AwarenessEntry[]) {
  for (const entry of entries) {
    try {
      JSON.parse(entry.state);
    } catch {
      throw new ProtocolError(`awareness state of client ${entry.clientId} is not JSON`);
    }
  }
}

/** How long an id released by a closed socket stays reserved for the account that owned it. */
const RELEASED_KEEP_MS = 60_000;
/** Released ids remembered per document at most; the oldest are forgotten first. */
const RELEASED_MAX = 4_096;

export interface OwnershipDecision {
  /** The entries the owner may apply. */
  allowed: AwarenessEntry[];
  /** Claims of new ids refused because the owner already holds as many as it may. */
  refused: number;
  /** True when reading stopped early: more claims were refused than the caller allows. */
  stopped: boolean;
}

/** Ownership of awareness client ids within one document. */
export class AwarenessOwnership<Owner extends { userId: string }> {
  readonly #owners = new Map<number, Owner>();
  /** How many ids each owner holds (the cap is checked against it). */
  readonly #counts = new Map<Owner, number>();
  /** Ids whose socket closed, with the account that owned them, oldest first. */
  readonly #released = new Map<number, { userId: string; at: number }>();

  constructor(
    private readonly maxIdsPerOwner: number,
    private readonly now: () => number = Date.now
  ) {}

  /**
   * The entries `owner` may apply: its own ids, plus new ids it claims with a non-null state
   * while it holds fewer than the cap. Claiming happens here, so call it only for entries that
   * will be applied. Stops reading once more than `maxRefused` claims were refused (the rest of
   * a hostile update is never decoded).
   */
  filter(owner: Owner, entries: Iterable<AwarenessEntry>, maxRefused = Infinity): OwnershipDecision {
    this.#forgetOldReleases();
    let refused = 0;
    const allowed: AwarenessEntry[] = [];
    for (const entry of entries) {
      if (this.#allows(owner, entry)) allowed.push(entry);
      else if (this.#isRefusedClaim(owner, entry) && ++refused > maxRefused) return { allowed, refused, stopped: true };
    }
    return { allowed, refused, stopped: false };
  }

  /** Whether `owner` may set `entry`, claiming its id if it is new (and the owner has room). */
  #allows(owner: Owner, entry: AwarenessEntry): boolean {
    const current = this.#owners.get(entry.clientId);
    if (current === owner) return true;
    if (current !== undefined || entry.state === 'null') return false;
    const former = this.#released.get(entry.clientId);
    if (former !== undefined && former.userId !== owner.userId) return false;
    const held = this.#counts.get(owner) ?? 0;
    if (held >= this.maxIdsPerOwner) return false;
    this.#owners.set(entry.clientId, owner);
    this.#counts.set(owner, held + 1);
    this.#released.delete(entry.clientId);
    return true;
  }

  /** A refused entry that was a claim of a free id (not an echo of someone else's). */
  #isRefusedClaim(owner: Owner, entry: AwarenessEntry): boolean {
    if (this.#owners.has(entry.clientId) || entry.state === 'null') return false;
    const former = this.#released.get(entry.clientId);
    return former === undefined || former.userId === owner.userId;
  }

  /** Releases every id `owner` holds and returns them (to remove their presence). */
  release(owner: Owner): number[] {
    const ids: number[] = [];
    if (!this.#counts.delete(owner)) return ids;
    const at = this.now();
    for (const [id, current] of this.#owners) {
      if (current === owner) {
        ids.push(id);
        this.#owners.delete(id);
        this.#released.set(id, { userId: owner.userId, at });
      }
    }
    this.#forgetOldReleases();
    return ids;
  }

  ownedBy(owner: Owner): number[] {
    return [...this.#owners].filter(([, current]) => current === owner).map(([id]) => id);
  }

  /** Ids held by open sockets plus released ids still remembered (tests, diagnostics). */
  get size(): { owned: number; released: number } {
    return { owned: this.#owners.size, released: this.#released.size };
  }

  #forgetOldReleases() {
    const oldest = this.now() - RELEASED_KEEP_MS;
    for (const [id, { at }] of this.#released) {
      if (this.#released.size <= RELEASED_MAX && at > oldest) break;
      this.#released.delete(id);
    }
  }
}

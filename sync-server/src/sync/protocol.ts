/**
 * The sync wire protocol, in one place: message types, close codes and their reasons, and the
 * encoders/decoders the server uses. It is the y-websocket protocol (y-protocols sync and
 * awareness), so the stock `y-websocket` client works unmodified, plus one optional extension.
 *
 * Handshake (every message is one binary websocket frame: varUint type, then its body):
 *
 *   client                                   server
 *     ── upgrade GET /sync/{docName} ─────────▶  name checked (400), then session + Origin +
 *                                                membership checked: refused sockets are closed
 *                                                at once with 4401/4403, before any byte.
 *                                                (At a venue hub: the venue pass in ?pass=
 *                                                instead of the cookie, 4406-4409.)
 *     ◀──────────────── SYNC step 1 (server state vector)
 *     ◀──────────────── AWARENESS (everyone present), if anyone is
 *     ── SYNC step 1 (client state vector) ──▶
 *     ◀──────────────── SYNC step 2 (what the client lacks; sent only once every update
 *                       received so far is stored)
 *     ── SYNC step 2 (what the server lacks) ─▶  applied, stored, then relayed as updates
 *     ── SYNC update / AWARENESS … ───────────▶  updates: stored, then relayed to the others;
 *                                                awareness: relayed at once (never stored)
 *     ── SAVED_STATE request (optional) ──────▶
 *     ◀──────────────── SAVED_STATE reply: Y snapshot (state vector + delete set) of what
 *                       is stored, so a client can tell "saved to the server" honestly
 *
 * Observers' sync step 2 and updates are checked, then dropped silently (the socket stays open).
 * Presence is limited per socket: a few client ids each (claims past them are dropped, and a
 * socket that keeps making them is closed with 4430), and awareness messages have their own size
 * cap (4431). Anything the server cannot decode — an empty frame, a truncated one, an unknown
 * type, trailing bytes, a text frame, an observer's garbage update — throws a ProtocolError, and
 * the socket that sent it is closed with BAD_MESSAGE.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/** Top-level message types (y-websocket's numbering; 100 is Atelier's extension). */
export const MessageType = {
  sync: 0,
  awareness: 1,
  /** Server → client "permission denied" in y-websocket; Atelier never sends or accepts it. */
  auth: 2,
  queryAwareness: 3,
  /** Client asks "what have you stored?"; the server answers with a Y snapshot. */
  savedState: 100
} as const;
export type MessageType = (typeof MessageType)[keyof typeof MessageType];

/** Sub-types of a sync message (y-protocols/sync). */
export const SyncStep = { step1: 0, step2: 1, update: 2 } as const;
export type SyncStep = (typeof SyncStep)[keyof typeof SyncStep];

/**
 * Close codes the server uses, each with the reason sent in the close frame. 4400-4499 tell the
 * stock y-websocket client not to reconnect (a deliberate refusal); 4500-4599 and 1xxx are
 * transient and it reconnects with backoff.
 */
export const CloseCode = {
  goingAway: { code: 1001, reason: 'server shutting down' },
  unsupportedData: { code: 1003, reason: 'binary frames only' },
  /** Sent by `ws` itself when a frame exceeds SYNC_MAX_FRAME_BYTES (maxPayload). */
  messageTooBig: { code: 1009, reason: 'frame too large' },
  internalError: { code: 1011, reason: 'internal error' },
  /** The database was locked by another process while the document loaded; reconnect soon. */
  storageBusy: { code: 1013, reason: 'storage busy, try again later' },
  badMessage: { code: 4400, reason: 'malformed message' },
  notAuthenticated: { code: 4401, reason: 'no valid session' },
  forbidden: { code: 4403, reason: 'not allowed' },
  /** At a venue hub (docs/venue.md): no venue pass, or one central did not sign. */
  venuePassInvalid: { code: 4406, reason: 'venue pass missing or not signed by central' },
  /** At a venue hub: the pass expired (beyond the clock-skew margin) or is not valid yet. */
  venuePassExpired: { code: 4407, reason: 'venue pass expired' },
  /** At a venue hub: the pass does not name this document's COP. */
  venuePassOtherCop: { code: 4408, reason: 'venue pass is for another COP' },
  /** At a venue hub: the pass's person is not (or no longer) a member of the COP as the hub knows it. */
  venueNotMember: { code: 4409, reason: 'not a member of this COP at the hub' },
  /** A note or protocol the COP's workspace does not list (after SYNC_UNLISTED_WAIT_MS). */
  unlistedDocument: { code: 4404, reason: 'no such document in this COP' },
  documentTooLarge: { code: 4413, reason: 'document too large' },
  /** The update changes what only the people running the COP's meetings may change. */
  changeNotAllowed: { code: 4423, reason: 'change reserved to facilitators' },
  /** The COP's documents and files together reached COP_STORAGE_QUOTA_BYTES. */
  copStorageFull: { code: 4414, reason: "the COP's storage quota is full" },
  /** Too many bytes of updates whose predecessors never arrived (SYNC_MAX_WAITING_BYTES_PER_*). */
  tooManyWaiting: { code: 4422, reason: 'too many updates waiting for missing ones' },
  tooManyConnections: { code: 4429, reason: 'too many open connections' },
  /** The socket kept claiming presence for more client ids than SYNC_MAX_AWARENESS_IDS_PER_SOCKET. */
  tooManyPresenceIds: { code: 4430, reason: 'too many presence ids' },
  /** An awareness message over SYNC_MAX_AWARENESS_BYTES. */
  presenceTooLarge: { code: 4431, reason: 'presence message too large' },
  /** The document was reloaded from storage after an update failed to integrate; reconnect. */
  documentReloaded: { code: 4500, reason: 'document reloaded, reconnect' },
  /** The socket fell too far behind (SYNC_MAX_BUFFERED_BYTES); reconnect and resync. */
  slowReader: { code: 4508, reason: 'too far behind' }
} as const;
export type CloseCodeName = keyof typeof CloseCode;
export type CloseCodeValue = (typeof CloseCode)[CloseCodeName]['code'];

export class ProtocolError extends Error {
  override name = 'ProtocolError';
}

/** A decoded message from a client. */
export type ClientMessage =
  | { type: 'sync-step1'; stateVector: Uint8Array }
  | { type: 'sync-step2'; update: Uint8Array }
  | { type: 'sync-update'; update: Uint8Array }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'query-awareness' }
  | { type: 'saved-state' };

/**
 * Decodes one client frame. Throws ProtocolError for anything but exactly one well-formed
 * message (the Yjs payloads inside are checked later, when applied).
 */
export function decodeClientMessage(frame: Uint8Array): ClientMessage {
  if (frame.length === 0) throw new ProtocolError('empty frame');
  const decoder = decoding.createDecoder(frame);
  let message: ClientMessage;
  try {
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case MessageType.sync: {
        const step = decoding.readVarUint(decoder);
        const payload = decoding.readVarUint8Array(decoder);
        if (step === SyncStep.step1) message = { type: 'sync-step1', stateVector: payload };
        else if (step === SyncStep.step2) message = { type: 'sync-step2', update: payload };
        else if (step === SyncStep.update) message = { type: 'sync-update', update: payload };
        else throw new ProtocolError(`unknown sync step ${step}`);
        break;
      }
      case MessageType.awareness:
        message = { type: 'awareness', update: decoding.readVarUint8Array(decoder) };
        break;
      case MessageType.queryAwareness:
        message = { type: 'query-awareness' };
        break;
      case MessageType.savedState:
        message = { type: 'saved-state' };
        break;
      default:
        throw new ProtocolError(`unknown message type ${type}`);
    }
  } catch (err) {
    if (err instanceof ProtocolError) throw err;
    // lib0 throws plain errors ("Unexpected end of array", "Integer out of Range") on truncation.
    throw new ProtocolError(`truncated or malformed frame: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (decoding.hasContent(decoder)) throw new ProtocolError('trailing bytes after the message');
  return message;
}

function syncMessage(step: SyncStep, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  encoding.writeVarUint(encoder, step);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

export const encodeSyncStep1 = (stateVector: Uint8Array) => syncMessage(SyncStep.step1, stateVector);
export const encodeSyncStep2 = (update: Uint8Array) => syncMessage(SyncStep.step2, update);
export const encodeSyncUpdate = (update: Uint8Array) => syncMessage(SyncStep.update, update);

export function encodeAwareness(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.awareness);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** The SAVED_STATE reply: a Y snapshot (`Y.encodeSnapshot`) of what is stored. */
export function encodeSavedState(snapshot: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.savedState);
  encoding.writeVarUint8Array(encoder, snapshot);
  return encoding.toUint8Array(encoder);
}

/** The SAVED_STATE request a client sends (no body). */
export function encodeSavedStateRequest(): Uint8Array {
  return Uint8Array.of(MessageType.savedState);
}

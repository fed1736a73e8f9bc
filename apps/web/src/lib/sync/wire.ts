/**
 * The parts of the sync protocol the web client acts on. The server's
 * `sync-server/src/sync/protocol.ts` is the source of truth; a server test checks these agree.
 */

/** Close codes after which reconnecting cannot help (the y-websocket 4400-4499 convention). */
export const CLOSE_NOT_AUTHENTICATED = 4401;
export const CLOSE_FORBIDDEN = 4403;
/** The COP's documents and files have reached its storage quota (COP_STORAGE_QUOTA_BYTES). */
export const CLOSE_COP_STORAGE_FULL = 4414;
export const isPermanentClose = (code: number) => code >= 4400 && code < 4500;

/** Atelier's extension: "what have you stored?", answered with a Y snapshot. */
export const MESSAGE_SAVED_STATE = 100;

/** The request: the message type alone. */
export const savedStateRequest = (): Uint8Array => Uint8Array.of(MESSAGE_SAVED_STATE);

/**
 * Reads a lib0 varUint8Array at the decoder's position (the provider hands message handlers a
 * lib0 decoder: `{ arr, pos }`). Written out here because lib0 is not a dependency of the app.
 */
export function readVarBytes(decoder: { arr: Uint8Array; pos: number }): Uint8Array {
  let length = 0;
  let shift = 0;
  for (;;) {
    if (decoder.pos >= decoder.arr.length) throw new RangeError('truncated saved-state message');
    const byte = decoder.arr[decoder.pos++]!;
    length += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) break;
    if (shift > 49) throw new RangeError('length out of range');
  }
  if (decoder.pos + length > decoder.arr.length) throw new RangeError('truncated saved-state message');
  const bytes = decoder.arr.subarray(decoder.pos, decoder.pos + length);
  decoder.pos += length;
  return bytes;
}

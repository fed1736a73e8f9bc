/**
 * One client's sync socket: who it is (from the upgrade's access decision), what it may do, and
 * the per-socket limits — message and byte rate (frames over the rate wait in a backlog while the
 * socket is not read, so TCP slows the sender down; nothing is dropped), the buffered-bytes cap
 * for slow readers, and liveness for the idle ping. A socket the server closes is cut
 * CLOSE_HANDSHAKE_MS later if its peer has not answered (`closeSocket`, also for refused upgrades),
 * so a flood of sockets that never answer holds nothing for long.
 */
import type { WebSocket } from 'ws';
import type { SyncSettings } from '../config';
import { CloseCode } from './protocol';
import { TokenBucket } from './token-bucket';

/** Who opened a socket, as decided from the database at the upgrade. */
export interface Peer {
  userId: string;
  sessionId: string;
  copId: string;
  docName: string;
  canWrite: boolean;
  /** Facilitator of the COP or programme manager (`runsMeetings` in @atelier/workspace). */
  runsMeetings: boolean;
}

let nextId = 1;

/** A socket the server closed gets this long to answer the close frame before it is cut. */
const CLOSE_HANDSHAKE_MS = 2_000;

/**
 * Closes a raw socket with a named code and cuts it if the peer does not answer the close frame
 * in time (ws would otherwise wait 30 s, holding the socket's buffers).
 */
export function closeSocket(socket: WebSocket, reason: { code: number; reason: string }) {
  socket.close(reason.code, reason.reason);
  setTimeout(() => socket.terminate(), CLOSE_HANDSHAKE_MS).unref();
}

type FrameHandler = (frame: Uint8Array, isBinary: boolean) => void;

export class SyncConnection {
  readonly id = nextId++;
  readonly userId: string;
  readonly sessionId: string;
  readonly copId: string;
  readonly docName: string;
  /** False for observers and archived COPs: updates are dropped silently. Changes live. */
  canWrite: boolean;
  /** May run the COP's meetings (see meeting-roles in @atelier/workspace). Changes live. */
  runsMeetings: boolean;
  /** Set by every pong and message; cleared by every ping. */
  alive = true;
  /** Presence claims refused because the socket held its share of client ids (closed past a bound). */
  presenceRefusals = 0;
  /** Bytes this socket parked in its room as updates waiting for missing predecessors. */
  waitingBytes = 0;
  closed = false;
  readonly #messages: TokenBucket;
  readonly #bytes: TokenBucket;
  /** Frames received but not handled yet: while the document loads, or over the rate. */
  readonly #backlog: [Uint8Array, boolean][] = [];
  #handler: FrameHandler | undefined;
  #drainTimer: ReturnType<typeof setTimeout> | undefined;
  readonly #onDispose: (() => void)[] = [];

  constructor(
    readonly socket: WebSocket,
    peer: Peer,
    private readonly settings: SyncSettings
  ) {
    this.userId = peer.userId;
    this.sessionId = peer.sessionId;
    this.copId = peer.copId;
    this.docName = peer.docName;
    this.canWrite = peer.canWrite;
    this.runsMeetings = peer.runsMeetings;
    this.#messages = new TokenBucket(settings.maxMessagesPerSecond, settings.maxMessagesPerSecond * 2);
    this.#bytes = new TokenBucket(
      settings.maxBytesPerSecond,
      Math.max(settings.maxBytesPerSecond * 2, settings.maxFrameBytes)
    );
  }

  /** Takes a received frame: handled now if the rate allows and nothing waits before it. */
  receive(frame: Uint8Array, isBinary: boolean) {
    this.alive = true;
    if (this.closed) return;
    if (this.#handler && this.#backlog.length === 0 && this.#admit(frame.byteLength) === 0) {
      this.#handler(frame, isBinary);
      return;
    }
    this.#backlog.push([frame, isBinary]);
    // While the document loads, stop reading: the backlog holds only what ws had already read.
    if (!this.#handler) this.socket.pause();
    this.#drain();
  }

  /** Starts handling frames (once the document is loaded), beginning with those that waited. */
  start(handler: FrameHandler) {
    this.#handler = handler;
    this.#drain();
  }

  #admit(byteLength: number): number {
    const waitMessages = this.#messages.take(1);
    if (waitMessages > 0) return waitMessages;
    const waitBytes = this.#bytes.take(byteLength);
    if (waitBytes > 0) this.#messages.refund(1);
    return waitBytes;
  }

  #drain() {
    if (!this.#handler || this.#drainTimer !== undefined) return;
    while (this.#backlog.length > 0 && !this.closed) {
      const [frame, isBinary] = this.#backlog[0]!;
      const wait = this.#admit(frame.byteLength);
      if (wait > 0) {
        // Stop reading the socket until the buckets refill: the client is slowed down by TCP.
        this.socket.pause();
        this.#drainTimer = setTimeout(() => {
          this.#drainTimer = undefined;
          this.#drain();
        }, wait);
        return;
      }
      this.#backlog.shift();
      this.#handler(frame, isBinary);
    }
    if (!this.closed) this.socket.resume();
  }

  /** Sends one message; a reader too far behind is closed instead (it resyncs on reconnect). */
  send(message: Uint8Array): void {
    if (this.closed || this.socket.readyState !== this.socket.OPEN) return;
    if (this.socket.bufferedAmount > this.settings.maxBufferedBytes) {
      this.close(CloseCode.slowReader);
      return;
    }
    this.socket.send(message);
  }

  close(reason: { code: number; reason: string }) {
    if (this.closed) return;
    this.dispose();
    // A reader that is not reading never answers the close frame; do not hold its memory for 30 s.
    closeSocket(this.socket, reason);
  }

  /** Runs `cleanup` when the socket is disposed (at once if it already is). */
  onDispose(cleanup: () => void) {
    if (this.closed) cleanup();
    else this.#onDispose.push(cleanup);
  }

  /** Called once the socket is gone or closing, whoever closed it. */
  dispose() {
    this.closed = true;
    this.#backlog.length = 0;
    clearTimeout(this.#drainTimer);
    for (const cleanup of this.#onDispose.splice(0)) cleanup();
  }
}

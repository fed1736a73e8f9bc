/**
 * One client's sync socket: who it is (from the upgrade's access decision), what it may do, and
 * the per-socket limits — message and byte rate (the sender is paused, not dropped), the
 * buffered-bytes cap for slow readers, and liveness for the idle ping.
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
}

let nextId = 1;

export class SyncConnection {
  readonly id = nextId++;
  readonly userId: string;
  readonly sessionId: string;
  readonly copId: string;
  readonly docName: string;
  /** False for observers and archived COPs: updates are dropped silently. Changes live. */
  canWrite: boolean;
  /** Set by every pong and message; cleared by every ping. */
  alive = true;
  closed = false;
  readonly #messages: TokenBucket;
  readonly #bytes: TokenBucket;
  #resumeTimer: ReturnType<typeof setTimeout> | undefined;

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
    this.#messages = new TokenBucket(settings.maxMessagesPerSecond, settings.maxMessagesPerSecond * 2);
    this.#bytes = new TokenBucket(
      settings.maxBytesPerSecond,
      Math.max(settings.maxBytesPerSecond * 2, settings.maxFrameBytes)
    );
  }

  /**
   * Counts one received frame against the rate limits. Over the limit, the socket stops being
   * read until the buckets refill: TCP backpressure slows the client down, nothing is lost.
   */
  meter(byteLength: number) {
    this.alive = true;
    const wait = Math.max(this.#messages.take(1), this.#bytes.take(byteLength));
    if (wait > 0 && this.#resumeTimer === undefined && !this.closed) {
      this.socket.pause();
      this.#resumeTimer = setTimeout(() => {
        this.#resumeTimer = undefined;
        if (!this.closed) this.socket.resume();
      }, wait);
    }
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
    this.closed = true;
    clearTimeout(this.#resumeTimer);
    this.socket.close(reason.code, reason.reason);
  }

  /** Called once the socket is gone, whoever closed it. */
  dispose() {
    this.closed = true;
    clearTimeout(this.#resumeTimer);
  }
}

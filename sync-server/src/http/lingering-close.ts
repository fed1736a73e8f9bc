/**
 * Lingering close, as nginx does it: a response that refuses a body the client is still sending
 * (413, 415) is followed by closing our side, then reading and discarding what is still in flight
 * for a short while before the socket is destroyed. Destroying a socket with unread bytes makes the
 * kernel send a reset, and a reset that reaches a busy client before it has read the response
 * throws the response away: the client sees "connection reset" instead of the refusal's reason.
 */
import type { Socket } from 'node:net';
import type { Context } from 'hono';
import type { HttpBindings } from '@hono/node-server';

/** Long enough for a client on a slow link to read the answer and stop sending; bounded by time, not bytes. */
export const LINGER_MS = 5_000;

const lingering = new WeakSet<Socket>();

/**
 * Makes the next `destroySoon()` of this request's socket (Node's, after a `Connection: close`
 * response, and @hono/node-server's after it gives up draining) end our side and keep reading
 * until the client closes or `LINGER_MS` passes. Nothing read is kept.
 */
export function lingerAfterRefusal(c: Context): void {
  const socket = (c.env as Partial<HttpBindings> | undefined)?.incoming?.socket;
  if (!socket || socket.destroyed || lingering.has(socket)) return;
  lingering.add(socket);
  let closing = false;
  socket.destroySoon = function lingerThenDestroy(this: Socket) {
    if (closing || this.destroyed) return;
    closing = true;
    if (this.writable) this.end();
    const timer = setTimeout(() => this.destroy(), LINGER_MS);
    timer.unref();
    this.once('close', () => clearTimeout(timer));
    // The client read our answer and closed its side: nothing more is coming.
    this.once('end', () => this.destroy());
  };
}

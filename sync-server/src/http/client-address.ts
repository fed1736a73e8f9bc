/**
 * The client's address for throttling: the socket's peer, or the first X-Forwarded-For entry
 * when TRUST_PROXY says a proxy we run sits in front (otherwise anyone could forge it).
 */
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // Not served by @hono/node-server (e.g. app.request in a test).
  }
}

/**
 * Who a venue hub lets into `/sync/{docName}` (docs/venue.md): the venue pass central issued to
 * the person, given as `?pass=…` (browsers cannot set headers on a websocket, and the hub shares
 * no cookie with central). Checked offline with central's public key kept at prepare time, then
 * against the hub's own member list, so a person whose removal the hub has heard of is refused.
 * Each refusal has its own close code (sync/protocol.ts), sent before any byte of the document.
 */
import { runsMeetings } from '@atelier/workspace';
import type { KeyObject } from 'node:crypto';
import type { Context } from 'hono';
import { copIsArchived } from '../accounts/access';
import type { ServerContext } from '../context';
import { isAllowedOrigin } from '../http/origin-policy';
import { CloseCode } from '../sync/protocol';
import type { Admission, Decision } from '../sync/sync-endpoint';
import { hubMember } from './hub-record';
import { verifyVenuePass } from './venue-pass';

export function venueAdmission(ctx: ServerContext, centralKey: KeyObject, upstreamOrigin: string, now = () => Date.now()): Admission {
  // Phones and laptops keep using the app from central's origin, so that origin may connect too.
  const origins = [...ctx.config.publicOrigins, upstreamOrigin];
  return (c: Context, doc): Decision => {
    if (!isAllowedOrigin(c.req.header('origin'), origins)) return { ok: false, close: CloseCode.forbidden };
    const pass = c.req.query('pass');
    if (!pass) return { ok: false, close: CloseCode.venuePassInvalid };
    const check = verifyVenuePass(pass, centralKey, now());
    if (!check.ok) {
      const expired = check.reason === 'expired' || check.reason === 'not_yet_valid';
      return { ok: false, close: expired ? CloseCode.venuePassExpired : CloseCode.venuePassInvalid };
    }
    const { payload } = check;
    const named = payload.cops.find((cop) => cop.copId === doc.copId);
    if (!named) return { ok: false, close: CloseCode.venuePassOtherCop };
    // The pass says who the person was when it was issued; the hub's list says who they are now
    // (as last heard from central). The programme manager is not on member lists.
    const standing = named.standing === 'manager' ? 'manager' : hubMember(ctx.db, doc.copId, payload.sub)?.role;
    if (!standing) return { ok: false, close: CloseCode.venueNotMember };
    const canWrite = standing !== 'observer' && !copIsArchived(ctx.db, doc.copId);
    return {
      ok: true,
      peer: { userId: payload.sub, sessionId: `venue-pass:${payload.jti}`, copId: doc.copId, docName: doc.name, canWrite, runsMeetings: runsMeetings(standing) },
      validUntil: payload.exp * 1000
    };
  };
}

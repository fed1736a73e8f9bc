/**
 * Venue passes (docs/venue.md): what central signs for one person so a hub can admit their
 * devices offline. Compact form: base64url(payload JSON) "." base64url(Ed25519 signature of the
 * ASCII bytes before the dot). Signing happens at central; verifying at the hub, with the
 * public key it fetched at prepare time and its own clock (within CLOCK_SKEW_SECONDS).
 */
import { randomBytes, sign, verify, type KeyObject } from 'node:crypto';
import type { CopStanding } from '../accounts/roles';

/** Long enough for the preparation and a trip; short enough that a lost phone's pass dies. */
export const PASS_LIFETIME_SECONDS = 14 * 24 * 60 * 60;
/** How far apart central's and a hub's clocks may be without refusing a good pass. */
export const CLOCK_SKEW_SECONDS = 5 * 60;
/** A pass never names more COPs than this (a person is in a handful). */
export const MAX_PASS_COPS = 20;

export type PassStanding = Exclude<CopStanding, 'none'>;

export interface VenuePassPayload {
  v: 1;
  /** The signing key's id (see signing-key.ts). */
  kid: string;
  /** The person's user id at central. */
  sub: string;
  name: string;
  cops: { copId: string; standing: PassStanding }[];
  /** Seconds since the epoch. */
  iat: number;
  exp: number;
  /** Random id of this pass. */
  jti: string;
}

export function signVenuePass(
  key: { keyId: string; privateKey: KeyObject },
  person: { userId: string; name: string; cops: VenuePassPayload['cops'] },
  nowMs = Date.now()
): { pass: string; payload: VenuePassPayload } {
  const iat = Math.floor(nowMs / 1000);
  const payload: VenuePassPayload = {
    v: 1,
    kid: key.keyId,
    sub: person.userId,
    name: person.name,
    cops: person.cops,
    iat,
    exp: iat + PASS_LIFETIME_SECONDS,
    jti: randomBytes(12).toString('base64url')
  };
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  const signature = sign(null, Buffer.from(body, 'ascii'), key.privateKey).toString('base64url');
  return { pass: `${body}.${signature}`, payload };
}

/** Why a pass was refused; the hub maps each to a close code (sync/protocol.ts). */
export type PassRefusal = 'malformed' | 'bad_signature' | 'expired' | 'not_yet_valid';

export type PassCheck = { ok: true; payload: VenuePassPayload } | { ok: false; reason: PassRefusal };

/** Passes are small; anything longer is not one of ours and is not even decoded. */
const MAX_PASS_CHARS = 4096;
const B64URL = /^[A-Za-z0-9_-]+$/;

/**
 * Checks a pass's form, signature (with central's public key) and dates (with the margin).
 * Whether it names the right COP and person is the caller's question.
 */
export function verifyVenuePass(pass: string, publicKey: KeyObject, nowMs = Date.now()): PassCheck {
  if (pass.length > MAX_PASS_CHARS) return { ok: false, reason: 'malformed' };
  const [body, signature, ...rest] = pass.split('.');
  if (body === undefined || signature === undefined || rest.length > 0 || !B64URL.test(body) || !B64URL.test(signature)) {
    return { ok: false, reason: 'malformed' };
  }
  let signed: boolean;
  try {
    signed = verify(null, Buffer.from(body, 'ascii'), publicKey, Buffer.from(signature, 'base64url'));
  } catch {
    // A signature of the wrong length, or a key of the wrong type: not central's signature.
    signed = false;
  }
  if (!signed) return { ok: false, reason: 'bad_signature' };
  let payload: VenuePassPayload;
  try {
    payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    // Signed by central but not JSON cannot happen unless the key leaked; still refuse.
    return { ok: false, reason: 'malformed' };
  }
  if (!isPayload(payload)) return { ok: false, reason: 'malformed' };
  const now = Math.floor(nowMs / 1000);
  if (payload.iat > now + CLOCK_SKEW_SECONDS) return { ok: false, reason: 'not_yet_valid' };
  if (now >= payload.exp + CLOCK_SKEW_SECONDS) return { ok: false, reason: 'expired' };
  return { ok: true, payload };
}

const STANDINGS: readonly string[] = ['manager', 'facilitator', 'member', 'observer'];

function isPayload(p: unknown): p is VenuePassPayload {
  if (typeof p !== 'object' || p === null) return false;
  const o = p as Record<string, unknown>;
  return (
    o.v === 1 &&
    typeof o.kid === 'string' &&
    typeof o.sub === 'string' &&
    typeof o.name === 'string' &&
    Number.isInteger(o.iat) &&
    Number.isInteger(o.exp) &&
    typeof o.jti === 'string' &&
    Array.isArray(o.cops) &&
    o.cops.every(
      (c: unknown) =>
        typeof c === 'object' && c !== null && typeof (c as any).copId === 'string' && STANDINGS.includes((c as any).standing)
    )
  );
}

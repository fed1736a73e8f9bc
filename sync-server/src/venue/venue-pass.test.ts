// Venue passes signed with a real Ed25519 key and checked as a hub checks them (offline).
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CLOCK_SKEW_SECONDS, PASS_LIFETIME_SECONDS, signVenuePass, verifyVenuePass } from './venue-pass';

const central = generateKeyPairSync('ed25519');
const key = { keyId: 'k1', privateKey: central.privateKey };
const person = { userId: 'u1', name: 'Amélie Tremblay', cops: [{ copId: 'c1', standing: 'member' as const }] };
const T0 = Date.UTC(2026, 11, 4, 12);

describe('venue passes', () => {
  it('a pass central signed is accepted with its payload', () => {
    const { pass, payload } = signVenuePass(key, person, T0);
    const check = verifyVenuePass(pass, central.publicKey, T0);
    expect(check).toEqual({ ok: true, payload });
    expect(payload).toMatchObject({ sub: 'u1', name: 'Amélie Tremblay', cops: person.cops, exp: payload.iat + PASS_LIFETIME_SECONDS });
  });

  it('a pass whose payload was changed after signing is refused as forged', () => {
    const { pass } = signVenuePass(key, person, T0);
    const [body, signature] = pass.split('.');
    const payload = JSON.parse(Buffer.from(body!, 'base64url').toString());
    payload.cops = [{ copId: 'c2', standing: 'facilitator' }];
    const forged = `${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${signature}`;
    expect(verifyVenuePass(forged, central.publicKey, T0)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('a pass signed by another key is refused as forged', () => {
    const other = generateKeyPairSync('ed25519');
    const { pass } = signVenuePass({ keyId: 'k1', privateKey: other.privateKey }, person, T0);
    expect(verifyVenuePass(pass, central.publicKey, T0)).toEqual({ ok: false, reason: 'bad_signature' });
  });

  it('garbage, a truncated signature or an oversized string is refused without throwing', () => {
    const { pass } = signVenuePass(key, person, T0);
    for (const bad of ['', 'abc', 'a.b.c', pass.slice(0, -10), `${pass}!`, 'x'.repeat(5000)]) {
      expect(verifyVenuePass(bad, central.publicKey, T0).ok).toBe(false);
    }
  });

  it('an expired pass is refused once the skew margin has passed, not before', () => {
    const { pass, payload } = signVenuePass(key, person, T0);
    const atExpiry = payload.exp * 1000;
    expect(verifyVenuePass(pass, central.publicKey, atExpiry + (CLOCK_SKEW_SECONDS - 1) * 1000).ok).toBe(true);
    expect(verifyVenuePass(pass, central.publicKey, atExpiry + CLOCK_SKEW_SECONDS * 1000)).toEqual({ ok: false, reason: 'expired' });
  });

  it('a hub clock up to five minutes behind central still accepts a fresh pass', () => {
    const { pass } = signVenuePass(key, person, T0);
    expect(verifyVenuePass(pass, central.publicKey, T0 - CLOCK_SKEW_SECONDS * 1000).ok).toBe(true);
    expect(verifyVenuePass(pass, central.publicKey, T0 - (CLOCK_SKEW_SECONDS + 1) * 1000)).toEqual({ ok: false, reason: 'not_yet_valid' });
  });
});

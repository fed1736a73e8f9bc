/**
 * Venue devices at central (docs/venue.md): a hub registered for some COPs, known by a secret of
 * which only the SHA-256 is stored, listed on each of its COPs and revocable there. Revoking
 * announces `venue-device-revoked`, so the hub's open upstream sockets close at once.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { AccessEvents } from '../accounts/access-events';
import { newId } from '../accounts/ids';
import type { SqliteDatabase } from '../db/database';

export interface VenueDevice {
  id: string;
  name: string;
  cops: string[];
  createdBy: string | null;
  createdAt: number;
  revokedAt: number | null;
}

interface DeviceRow {
  id: string;
  name: string;
  created_by: string | null;
  created_at: number;
  revoked_at: number | null;
}

const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

function copsOf(db: SqliteDatabase, deviceId: string): string[] {
  return (db.prepare('SELECT cop_id FROM venue_device_cops WHERE device_id = ? ORDER BY cop_id').all(deviceId) as { cop_id: string }[]).map(
    (r) => r.cop_id
  );
}

const toDevice = (db: SqliteDatabase, r: DeviceRow): VenueDevice => ({
  id: r.id,
  name: r.name,
  cops: copsOf(db, r.id),
  createdBy: r.created_by,
  createdAt: r.created_at,
  revokedAt: r.revoked_at
});

/** Registers a device; the secret is returned once and never stored. */
export function createVenueDevice(
  db: SqliteDatabase,
  input: { name: string; cops: string[]; createdBy: string }
): { device: VenueDevice; secret: string } {
  const id = newId();
  const secret = randomBytes(32).toString('base64url');
  db.transaction(() => {
    db.prepare('INSERT INTO venue_devices (id, name, secret_hash, created_by, created_at) VALUES (?, ?, ?, ?, ?)').run(
      id,
      input.name,
      hashSecret(secret),
      input.createdBy,
      Date.now()
    );
    const link = db.prepare('INSERT OR IGNORE INTO venue_device_cops (device_id, cop_id) VALUES (?, ?)');
    for (const copId of input.cops) link.run(id, copId);
  })();
  return { device: findVenueDevice(db, id)!, secret };
}

export function findVenueDevice(db: SqliteDatabase, id: string): VenueDevice | undefined {
  const row = db.prepare('SELECT id, name, created_by, created_at, revoked_at FROM venue_devices WHERE id = ?').get(id) as DeviceRow | undefined;
  return row && toDevice(db, row);
}

/** The devices serving one COP, newest first, revoked ones too (the COP page shows them). */
export function listVenueDevicesOfCop(db: SqliteDatabase, copId: string): VenueDevice[] {
  const rows = db
    .prepare(
      `SELECT d.id, d.name, d.created_by, d.created_at, d.revoked_at FROM venue_devices d
       JOIN venue_device_cops l ON l.device_id = d.id WHERE l.cop_id = ? ORDER BY d.created_at DESC, d.id`
    )
    .all(copId) as DeviceRow[];
  return rows.map((r) => toDevice(db, r));
}

/** Revokes a device serving this COP; false when it does not serve it. Revoking twice is fine. */
export function revokeVenueDevice(ctx: { db: SqliteDatabase; events: AccessEvents }, copId: string, deviceId: string): boolean {
  const serves = ctx.db.prepare('SELECT 1 FROM venue_device_cops WHERE device_id = ? AND cop_id = ?').get(deviceId, copId);
  if (!serves) return false;
  ctx.db.prepare('UPDATE venue_devices SET revoked_at = COALESCE(revoked_at, ?) WHERE id = ?').run(Date.now(), deviceId);
  ctx.events.emit('venue-device-revoked', { deviceId });
  return true;
}

/** The prefix of a device credential in `Authorization: Bearer venue.{id}.{secret}`. */
export const DEVICE_CREDENTIAL_PREFIX = 'venue.';

export const deviceCredential = (id: string, secret: string) => `${DEVICE_CREDENTIAL_PREFIX}${id}.${secret}`;

/** The device an Authorization header proves, if it is live (not revoked). */
export function authenticateVenueDevice(db: SqliteDatabase, authorization: string | undefined): VenueDevice | undefined {
  const match = /^Bearer venue\.([a-z2-7]{16})\.([A-Za-z0-9_-]{43})$/.exec(authorization ?? '');
  const [, id, secret] = match ?? [];
  if (!id || !secret) return undefined;
  const row = db.prepare('SELECT secret_hash, revoked_at FROM venue_devices WHERE id = ?').get(id) as
    | { secret_hash: string; revoked_at: number | null }
    | undefined;
  if (!row || row.revoked_at !== null) return undefined;
  const given = Buffer.from(hashSecret(secret), 'hex');
  if (!timingSafeEqual(given, Buffer.from(row.secret_hash, 'hex'))) return undefined;
  return findVenueDevice(db, id);
}

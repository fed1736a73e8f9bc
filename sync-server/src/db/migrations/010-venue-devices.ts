// Venue hubs registered at central (docs/venue.md): a named device for some COPs, holding a
// secret central knows only by its SHA-256, revocable; and central's Ed25519 key that signs
// venue passes, kept here so a backup of the database keeps issued passes verifiable.
import type { Migration } from '../migrations';

export const venueDevices: Migration = {
  version: 10,
  name: 'venue devices',
  up(db) {
    db.exec(`
      CREATE TABLE venue_devices (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        secret_hash TEXT NOT NULL,               -- SHA-256 (hex) of the secret the hub holds
        created_by TEXT REFERENCES users(id) ON DELETE SET NULL,
        created_at INTEGER NOT NULL,
        revoked_at INTEGER                       -- NULL while the device may sync
      );
      CREATE TABLE venue_device_cops (
        device_id TEXT NOT NULL REFERENCES venue_devices(id) ON DELETE CASCADE,
        cop_id TEXT NOT NULL REFERENCES cops(id) ON DELETE CASCADE,
        PRIMARY KEY (device_id, cop_id)
      );
      CREATE INDEX venue_device_cops_cop ON venue_device_cops(cop_id);
      CREATE TABLE venue_signing_keys (
        id TEXT PRIMARY KEY,
        public_key BLOB NOT NULL,                -- SPKI DER
        private_key BLOB NOT NULL,               -- PKCS#8 DER
        created_at INTEGER NOT NULL
      );
    `);
  }
};

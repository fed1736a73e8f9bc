// A hub's own record of what `venue prepare` brought (docs/venue.md): its upstream and device
// credential, central's public key, the member lists with roles of the COPs it serves, and what
// central last confirmed of each document. Empty on central and on any ordinary server.
import type { Migration } from '../migrations';

export const venueHub: Migration = {
  version: 11,
  name: 'venue hub',
  up(db) {
    db.exec(`
      CREATE TABLE venue_hub (
        id INTEGER PRIMARY KEY CHECK (id = 1),   -- one hub per DATA_DIR
        upstream TEXT NOT NULL,                  -- central's origin, e.g. https://atelier.example.ca
        device_id TEXT NOT NULL,
        device_secret TEXT NOT NULL,             -- the hub must present it, so it is kept as given
        key_id TEXT NOT NULL,
        public_key TEXT NOT NULL,                -- central's Ed25519 key, base64url SPKI DER
        prepared_by TEXT NOT NULL,               -- central user id of who prepared it
        prepared_at INTEGER NOT NULL
      );
      CREATE TABLE venue_members (
        cop_id TEXT NOT NULL REFERENCES cops(id) ON DELETE CASCADE,
        user_id TEXT NOT NULL,                   -- central's user id (no account at the hub)
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('facilitator', 'member', 'observer')),
        PRIMARY KEY (cop_id, user_id)
      );
      CREATE TABLE venue_confirmed (
        doc_name TEXT PRIMARY KEY REFERENCES sync_documents(name) ON DELETE CASCADE,
        snapshot BLOB NOT NULL,                  -- Y.encodeSnapshot of what central had stored when it last answered
        confirmed_at INTEGER NOT NULL
      );
    `);
  }
};

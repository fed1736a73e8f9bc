/**
 * What a hub's DATA_DIR knows about being a hub (tables of migration 011): its upstream and
 * device credential, central's public key, and the member lists with roles of its COPs.
 */
import type { Cop, Member } from '@atelier/api-types';
import type { MembershipRole } from '../accounts/roles';
import type { SqliteDatabase } from '../db/database';

export interface HubRecord {
  upstream: string;
  deviceId: string;
  deviceSecret: string;
  keyId: string;
  /** base64url SPKI DER of central's Ed25519 key. */
  publicKey: string;
  preparedBy: string;
  preparedAt: number;
}

export interface HubMember {
  copId: string;
  userId: string;
  name: string;
  role: MembershipRole;
}

export function readHubRecord(db: SqliteDatabase): HubRecord | undefined {
  const row = db
    .prepare(
      `SELECT upstream, device_id AS deviceId, device_secret AS deviceSecret, key_id AS keyId, public_key AS publicKey,
              prepared_by AS preparedBy, prepared_at AS preparedAt FROM venue_hub WHERE id = 1`
    )
    .get() as HubRecord | undefined;
  return row;
}

/** The COPs this hub serves (those `venue prepare` brought). */
export function hubCops(db: SqliteDatabase): string[] {
  return db.prepare('SELECT id FROM cops ORDER BY id').pluck(true).all() as string[];
}

export function hubMember(db: SqliteDatabase, copId: string, userId: string): HubMember | undefined {
  return db
    .prepare('SELECT cop_id AS copId, user_id AS userId, name, role FROM venue_members WHERE cop_id = ? AND user_id = ?')
    .get(copId, userId) as HubMember | undefined;
}

/** Writes the COPs as central described them and their members, replacing earlier lists. */
export function writeHubCops(db: SqliteDatabase, cops: { cop: Cop; members: Member[] }[]) {
  const now = Date.now();
  const upsertCop = db.prepare(
    `INSERT INTO cops (id, name, area_of_interest, language, description, status, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET name = excluded.name, area_of_interest = excluded.area_of_interest,
       language = excluded.language, description = excluded.description, status = excluded.status, updated_at = excluded.updated_at`
  );
  const clearMembers = db.prepare('DELETE FROM venue_members WHERE cop_id = ?');
  const addMember = db.prepare('INSERT INTO venue_members (cop_id, user_id, name, role) VALUES (?, ?, ?, ?)');
  db.transaction(() => {
    for (const { cop, members } of cops) {
      upsertCop.run(cop.id, cop.name, cop.areaOfInterest, cop.language, cop.description, cop.status, cop.createdAt, now);
      clearMembers.run(cop.id);
      for (const m of members) addMember.run(cop.id, m.userId, m.name, m.role);
    }
  })();
}

export function writeHubRecord(db: SqliteDatabase, record: HubRecord) {
  db.prepare(
    `INSERT INTO venue_hub (id, upstream, device_id, device_secret, key_id, public_key, prepared_by, prepared_at)
     VALUES (1, ?, ?, ?, ?, ?, ?, ?)`
  ).run(record.upstream, record.deviceId, record.deviceSecret, record.keyId, record.publicKey, record.preparedBy, record.preparedAt);
}

/** Records what central had stored of a document when it last answered (a Y snapshot). */
export function writeConfirmed(db: SqliteDatabase, docName: string, snapshot: Uint8Array) {
  db.prepare(
    `INSERT INTO venue_confirmed (doc_name, snapshot, confirmed_at) VALUES (?, ?, ?)
     ON CONFLICT(doc_name) DO UPDATE SET snapshot = excluded.snapshot, confirmed_at = excluded.confirmed_at`
  ).run(docName, snapshot, Date.now());
}

export function readConfirmed(db: SqliteDatabase): Map<string, Uint8Array> {
  const rows = db.prepare('SELECT doc_name, snapshot FROM venue_confirmed').all() as { doc_name: string; snapshot: Buffer }[];
  return new Map(rows.map((r) => [r.doc_name, new Uint8Array(r.snapshot)]));
}

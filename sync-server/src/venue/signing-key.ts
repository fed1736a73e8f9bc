/**
 * Central's Ed25519 key that signs venue passes (docs/venue.md). Made on first use and kept in
 * the database (`venue_signing_keys`), so a backup of DATA_DIR keeps issued passes verifiable and
 * every process on the same database signs with the same key.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { SqliteDatabase } from '../db/database';

export interface SigningKey {
  /** The first 16 hex digits of the SHA-256 of the public key: names the key inside each pass. */
  keyId: string;
  privateKey: KeyObject;
  /** SPKI DER, as published at GET /api/venue/public-key. */
  publicKeyDer: Buffer;
}

interface KeyRow {
  id: string;
  public_key: Buffer;
  private_key: Buffer;
}

const keyIdOf = (spki: Buffer) => createHash('sha256').update(spki).digest('hex').slice(0, 16);

/** The current signing key (the newest row), making one when there is none. */
export function venueSigningKey(db: SqliteDatabase): SigningKey {
  const read = () => db.prepare('SELECT id, public_key, private_key FROM venue_signing_keys ORDER BY created_at DESC LIMIT 1').get() as KeyRow | undefined;
  let row = read();
  if (!row) {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const spki = publicKey.export({ format: 'der', type: 'spki' });
    const pkcs8 = privateKey.export({ format: 'der', type: 'pkcs8' });
    // Two processes may race to make the first key; the first insert wins and both read it back.
    db.prepare('INSERT OR IGNORE INTO venue_signing_keys (id, public_key, private_key, created_at) VALUES (?, ?, ?, ?)').run(
      keyIdOf(spki),
      spki,
      pkcs8,
      Date.now()
    );
    row = read()!;
  }
  return {
    keyId: row.id,
    privateKey: createPrivateKey({ key: row.private_key, format: 'der', type: 'pkcs8' }),
    publicKeyDer: row.public_key
  };
}

/** A public key as published (base64url SPKI DER) back into a key object, for a hub. */
export function publicKeyFromBase64url(spki: string): KeyObject {
  const key = createPublicKey({ key: Buffer.from(spki, 'base64url'), format: 'der', type: 'spki' });
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('not an Ed25519 public key');
  return key;
}

export { keyIdOf as venueKeyId };

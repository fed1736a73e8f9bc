/** Stable ids for workspace entities: 96 random bits, URL- and document-name-safe. */
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

export function newEntityId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  let id = '';
  for (const b of bytes) id += ALPHABET[b % ALPHABET.length];
  return id;
}

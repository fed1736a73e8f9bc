/** Opaque ids for rows: 80 random bits, lower-case base32 (safe in URLs and document names). */
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

export function newId(): string {
  const bytes = new Uint8Array(10);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

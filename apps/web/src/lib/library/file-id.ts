/**
 * A new library file id, chosen on the device (docs/api.md, "COP library files"): 24 lower-case
 * letters and digits (~124 bits), so a file added offline keeps its id when it uploads later and
 * a retried upload is recognised by the server instead of stored twice.
 */
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
export const FILE_ID_PATTERN = /^[a-z0-9]{8,64}$/;

export function newFileId(length = 24): string {
  let out = '';
  while (out.length < length) {
    // Bytes of 252 and up (252 = 7 × 36) are skipped so every character is equally likely.
    for (const b of crypto.getRandomValues(new Uint8Array(length))) if (b < 252 && out.length < length) out += ALPHABET[b % 36];
  }
  return out;
}

/** Where the server keeps a COP's file (GET, HEAD, PUT, DELETE). */
export function fileUrl(copId: string, fileId: string): string {
  return `/api/cops/${encodeURIComponent(copId)}/files/${encodeURIComponent(fileId)}`;
}

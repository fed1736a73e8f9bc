/**
 * A person's colour in a document (caret, selection, presence dot): picked from their user id, so
 * it is the same on every device without being stored. Every colour carries white text at WCAG AA
 * contrast (≥ 4.5:1), since caret labels show names in white on it.
 */
export const PRESENCE_COLOURS = ['#1f5fa8', '#a4262c', '#1e6b3a', '#6b3fa0', '#8a4b00', '#0b5566', '#a3195b', '#4a5a1e'] as const;

export function userColour(userId: string): string {
  let h = 0;
  for (let i = 0; i < userId.length; i++) h = (Math.imul(h, 31) + userId.charCodeAt(i)) | 0;
  return PRESENCE_COLOURS[Math.abs(h) % PRESENCE_COLOURS.length]!;
}

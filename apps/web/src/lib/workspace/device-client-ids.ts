/**
 * The Yjs client ids this device has written a COP's workspace under. Yjs gives a document a new
 * random client id each time the app opens, but "the text I typed" must include what this device
 * typed before a reload (offline, then reopened) — minutes-lines.ts separates only this device's
 * own glued lines, so that exactly one device adds each line break. Kept in localStorage under
 * `atelier.` (removed with the person's data at sign-out), the newest 100 per COP.
 */
const MAX_IDS = 100;
const key = (copId: string) => `atelier.clientIds.${copId}`;

function stored(copId: string): number[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(key(copId)) ?? '[]');
    return Array.isArray(value) ? value.filter((n): n is number => Number.isInteger(n)) : [];
  } catch {
    return [];
  }
}

/** Records `clientId` as this device's and returns a test for any of this device's ids. */
export function rememberClientId(copId: string, clientId: number): (client: number) => boolean {
  const ids = [...stored(copId).filter((n) => n !== clientId), clientId].slice(-MAX_IDS);
  try {
    localStorage.setItem(key(copId), JSON.stringify(ids));
  } catch {
    // Storage full or unavailable: this session's own id still counts.
  }
  const mine = new Set(ids);
  return (client) => mine.has(client);
}

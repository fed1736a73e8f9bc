/**
 * Which documents hold changes made on this device that the server has not yet confirmed
 * storing. Kept in localStorage (shared by the tabs, survives closing the app) so that signing
 * out — which removes the device's copies — can tell whether it would lose work without opening
 * every document. `DocumentSync` marks a document on its first local change and clears it once
 * the server's stored snapshot contains every local change.
 */
const KEY = 'atelier.unsaved.v1';

function read(): Set<string> {
  if (typeof localStorage === 'undefined') return new Set();
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return new Set(Array.isArray(parsed) ? parsed.filter((n): n is string => typeof n === 'string') : []);
  } catch {
    return new Set();
  }
}

function write(names: Set<string>) {
  if (typeof localStorage === 'undefined') return;
  try {
    if (names.size === 0) localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, JSON.stringify([...names]));
  } catch {
    // Storage full or refused: sign-out then finds nothing to warn about, as before this existed.
  }
}

/** Names of the documents with changes the server may not have. */
export function unsavedDocuments(): string[] {
  return [...read()];
}

export function markUnsaved(docName: string) {
  const names = read();
  if (names.has(docName)) return;
  names.add(docName);
  write(names);
}

export function markSaved(docName: string) {
  const names = read();
  if (!names.delete(docName)) return;
  write(names);
}

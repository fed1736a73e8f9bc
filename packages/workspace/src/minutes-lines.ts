/**
 * Minutes written at once on two devices stay on separate lines.
 *
 * Minutes (and agenda notes) are plain Y.Text. When two people each add a line at the end of the
 * same item's minutes (one of them offline), both insertions hang off the same last character;
 * the merge puts one right after the other, so "…avant chaque étape." ran into "Geneviève : …".
 * Rule: text that lands right after another person's text, at the end of the field, starts on
 * its own line. Exactly one replica writes the line break — the device of the person whose text
 * came second — so two devices never both add one. A device gets a new Yjs client id each time
 * the app opens, so the caller says which client ids are this device's (the app keeps them).
 */
import * as Y from 'yjs';
import { agendaItemsMap } from './agenda';
import { LOCAL_CHANGE, type ChangeOrigin } from './origin';

/** The first character of my text at the end of the field, if a merge glued it after someone else's. */
function gluedRunStart(text: Y.Text, mine: (client: number) => boolean): Y.Item | null {
  // The last visible run: walk back from the end over my own characters.
  let end: Y.Item | null = null;
  for (let n = text._start; n !== null; n = n.right) if (!n.deleted && n.countable) end = n;
  if (end === null || !mine(end.id.client)) return null;
  let first = end;
  for (let n = end.left; n !== null; n = n.left) {
    if (n.deleted || !n.countable) continue;
    if (!mine(n.id.client)) break;
    first = n;
  }
  // The visible character just before my run.
  let before: Y.Item | null = first.left;
  while (before !== null && (before.deleted || !before.countable)) before = before.left;
  if (before === null || mine(before.id.client)) return null;
  // Glued only if my run was not typed after that character: it was inserted concurrently.
  const origin = first.origin;
  const beforeLastId = Y.createID(before.id.client, before.id.clock + before.length - 1);
  if (origin !== null && Y.compareIDs(origin, beforeLastId)) return null;
  const beforeText = (before.content as Y.ContentString).str ?? '';
  const firstText = (first.content as Y.ContentString).str ?? '';
  if (beforeText.endsWith('\n') || firstText.startsWith('\n')) return null;
  return first;
}

/**
 * If my text at the end of `text` was glued by a merge after another person's text, puts it on
 * its own line (one "\n" before it). `mine` says which client ids wrote on this device (by
 * default only the current one). Returns whether it did.
 */
export function separateMergedLines(text: Y.Text, mine?: (client: number) => boolean, origin: ChangeOrigin = LOCAL_CHANGE): boolean {
  const doc = text.doc;
  if (!doc) return false;
  const first = gluedRunStart(text, mine ?? ((client) => client === doc.clientID));
  if (first === null) return false;
  let index = 0;
  for (let n = text._start; n !== null && n !== first; n = n.right) if (!n.deleted && n.countable) index += n.length;
  doc.transact(() => text.insert(index, '\n'), origin);
  return true;
}

/** `separateMergedLines` over the minutes and notes of every agenda item. Returns how many it fixed. */
export function separateMergedAgendaLines(doc: Y.Doc, mine?: (client: number) => boolean): number {
  let fixed = 0;
  for (const item of agendaItemsMap(doc).values()) {
    if (!(item instanceof Y.Map)) continue;
    for (const field of ['minutes', 'notes']) {
      const text = item.get(field);
      if (text instanceof Y.Text && separateMergedLines(text, mine)) fixed++;
    }
  }
  return fixed;
}

/**
 * Minutes written at once on two devices stay on separate lines.
 *
 * Minutes (and agenda notes) are plain Y.Text. When two people each add a line at the end of the
 * same item's minutes (one of them offline), both insertions hang off the same last character;
 * the merge puts one right after the other, so "…avant chaque étape." ran into "Geneviève : …".
 * Rule: text that lands right after another person's text, at the end of the field, starts on
 * its own line. Exactly one replica writes the line break — the device of the person whose text
 * came FIRST, at the end of its own line — so two devices never both add one. Not the second:
 * while the first person is still typing, a break put before the second person's text hangs off
 * the first person's last character, just where their next keys go, and Yjs may order it before
 * those keys (by client id), cutting their line in two. A break at the end of my own line hangs
 * off my character, where only I type, and right before theirs: nothing concurrent competes for
 * that spot. A device gets a new Yjs client id each time the app opens, so the caller says which
 * client ids are this device's (the app keeps them).
 */
import * as Y from 'yjs';
import { agendaItemsMap } from './agenda';
import { LOCAL_CHANGE, type ChangeOrigin } from './origin';

/**
 * Where my line ends, if a merge glued someone else's text right after it at the end of the field:
 * the index just after my last character, or null.
 */
function gluedAfterMyLine(text: Y.Text, mine: (client: number) => boolean): number | null {
  // The end of the field: walk back from the last visible character over other people's.
  let last: Y.Item | null = null;
  for (let n = text._start; n !== null; n = n.right) if (!n.deleted && n.countable) last = n;
  if (last === null || mine(last.id.client)) return null;
  let theirs = last;
  for (let n = last.left; n !== null; n = n.left) {
    if (n.deleted || !n.countable) continue;
    if (mine(n.id.client)) break;
    theirs = n;
  }
  // My visible character just before their text.
  let myLast: Y.Item | null = theirs.left;
  while (myLast !== null && (myLast.deleted || !myLast.countable)) myLast = myLast.left;
  if (myLast === null || !mine(myLast.id.client)) return null;
  // Glued only if their text was not typed after mine (continuing my sentence): it was inserted concurrently.
  const myLastId = Y.createID(myLast.id.client, myLast.id.clock + myLast.length - 1);
  if (theirs.origin !== null && Y.compareIDs(theirs.origin, myLastId)) return null;
  const myText = (myLast.content as Y.ContentString).str ?? '';
  const theirText = (theirs.content as Y.ContentString).str ?? '';
  if (myText.endsWith('\n') || theirText.startsWith('\n')) return null;
  let index = 0;
  for (let n = text._start; n !== null; n = n.right) {
    if (!n.deleted && n.countable) index += n.length;
    if (n === myLast) return index;
  }
  return null;
}

/**
 * If a merge glued another person's text right after my text at the end of `text`, ends my text
 * with a line break, so theirs starts on its own line. `mine` says which client ids wrote on this
 * device (by default only the current one). Returns whether it did.
 */
export function separateMergedLines(text: Y.Text, mine?: (client: number) => boolean, origin: ChangeOrigin = LOCAL_CHANGE): boolean {
  const doc = text.doc;
  if (!doc) return false;
  const index = gluedAfterMyLine(text, mine ?? ((client) => client === doc.clientID));
  if (index === null) return false;
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

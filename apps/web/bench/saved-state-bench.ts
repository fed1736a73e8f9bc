/**
 * `pnpm bench:saved-state`: what keeping track of unsaved changes costs over a long offline
 * session — BENCH_KEYSTROKES (5,000) keystrokes typed into a rich-text paragraph (one Yjs update
 * each, as y-tiptap makes them, a backspace every tenth key), each handed to the tracker, then one
 * check against the server's stored snapshot once back online.
 *
 * Compares the summary `UnsavedChanges` keeps now (per-client ends + deletions) with what it did
 * before (merging every update into one pending update). Both are run in this process on the
 * same updates; the figure that matters is the ratio, not the milliseconds of this machine.
 */
import * as Y from 'yjs';
import { UnsavedChanges } from '../src/lib/sync/saved-state';

const KEYSTROKES = Number(process.env.BENCH_KEYSTROKES ?? 5_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

/** The previous approach, kept here only to measure against. */
class MergingUnsavedChanges {
  #pending: Uint8Array | null = null;
  add(update: Uint8Array) {
    this.#pending = this.#pending ? Y.mergeUpdates([this.#pending, update]) : update;
  }
  confirm(storedSnapshot: Uint8Array): boolean {
    if (this.#pending && Y.snapshotContainsUpdate(Y.decodeSnapshot(storedSnapshot), this.#pending)) this.#pending = null;
    return this.#pending === null;
  }
}

interface Tracker {
  add(update: Uint8Array): void;
  confirm(snapshot: Uint8Array): boolean;
}

/** The keystrokes of one offline session, and the server's snapshot once they are all stored. */
function session(): { updates: Uint8Array[]; stored: Uint8Array } {
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement('paragraph');
  const text = new Y.XmlText();
  doc.transact(() => {
    doc.getXmlFragment('content').insert(0, [paragraph]);
    paragraph.insert(0, [text]);
  });
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  const letters = 'the panel reviews each request within ten working days ';
  for (let i = 0; i < KEYSTROKES; i++) {
    if (i % 10 === 9) text.delete(text.length - 1, 1);
    else text.insert(text.length, letters[i % letters.length]!);
  }
  return { updates, stored: Y.encodeSnapshot(Y.snapshot(doc)) };
}

function measure(make: () => Tracker, updates: Uint8Array[], stored: Uint8Array) {
  let best = { addMs: Infinity, confirmMs: Infinity };
  for (let round = 0; round < ROUNDS; round++) {
    const tracker = make();
    const t0 = performance.now();
    for (const u of updates) tracker.add(u);
    const t1 = performance.now();
    const saved = tracker.confirm(stored);
    const t2 = performance.now();
    if (!saved) throw new Error('the stored snapshot holds every change, yet the tracker says unsaved');
    if (t1 - t0 + (t2 - t1) < best.addMs + best.confirmMs) best = { addMs: t1 - t0, confirmMs: t2 - t1 };
  }
  return best;
}

const { updates, stored } = session();
const before = measure(() => new MergingUnsavedChanges(), updates, stored);
const now = measure(() => new UnsavedChanges(), updates, stored);
const total = (r: typeof now) => r.addMs + r.confirmMs;
const round = (n: number) => Math.round(n * 100) / 100;
const result = {
  keystrokes: KEYSTROKES,
  merging: { addMs: round(before.addMs), confirmMs: round(before.confirmMs), totalMs: round(total(before)) },
  summary: { addMs: round(now.addMs), confirmMs: round(now.confirmMs), totalMs: round(total(now)) },
  ratio: round(total(before) / total(now))
};
console.log(JSON.stringify(result, null, 2));
console.log(`${KEYSTROKES} offline keystrokes: merging ${result.merging.totalMs} ms, summary ${result.summary.totalMs} ms — ${result.ratio}× less work.`);

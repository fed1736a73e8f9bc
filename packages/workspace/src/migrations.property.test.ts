// Property test: 2 to 5 devices upgrade the same stored version-1 document offline, edit it (also
// the same agenda item's minutes), exchange some of their changes in random order and finally all
// of them: they converge and nothing anyone typed or added is lost.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addAgendaItem, addDecision, agendaItemText, listAgenda, listDecisions, migrateWorkspace, SCHEMA_VERSION, schemaVersionOf } from './index';

/** 300 in CI; set ATELIER_PROPERTY_RUNS for a deeper search locally. */
const PROPERTY_RUNS = Number(process.env.ATELIER_PROPERTY_RUNS ?? 300);
const MEETING = 'mtgmarch2026';
const ITEMS = ['itemwelcome', 'itemplan', 'itemnext'] as const;
const FIELDS = ['minutes', 'notes'] as const;
const STORED_V1 = Buffer.from(readFileSync(new URL('./fixtures/workspace-v1.update.b64', import.meta.url), 'utf8'), 'base64');

type Op =
  | { kind: 'type'; r: number; item: number; field: number; at: number; text: string }
  | { kind: 'addItem'; r: number; title: string }
  | { kind: 'decide'; r: number; text: string }
  | { kind: 'sync'; from: number; to: number };

const replica = fc.nat({ max: 4 });
const word = fc.string({ minLength: 1, maxLength: 5, unit: fc.constantFrom('a', 'é', ' ', 'Z', '1', 'ç') });
const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('type' as const), r: replica, item: fc.nat({ max: 2 }), field: fc.nat({ max: 1 }), at: fc.nat({ max: 80 }), text: word }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('addItem' as const), r: replica, title: word.filter((s) => s.trim() !== '') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('decide' as const), r: replica, text: word.filter((s) => s.trim() !== '') }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('sync' as const), from: replica, to: replica }) }
);

/** A device that opened the stored document: the app migrates at open and after every remote change. */
function openStored(clientID: number): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = clientID; // fixed ids: a failing run replays exactly from its seed
  Y.applyUpdate(doc, STORED_V1);
  migrateWorkspace(doc);
  return doc;
}

function deliver(from: Y.Doc, to: Y.Doc) {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
  migrateWorkspace(to);
}

function isSubsequence(part: string, whole: string): boolean {
  let i = 0;
  for (const ch of whole) if (i < part.length && ch === part[i]) i++;
  return i === part.length;
}

const textsOf = (doc: Y.Doc) => ITEMS.flatMap((item) => FIELDS.map((field) => agendaItemText(doc, MEETING, item, field)?.toString() ?? '<missing>'));

describe('migrating one stored document on several devices', () => {
  it(`loses nothing when 2 to 5 devices upgrade offline, edit the same items and merge in any order (${PROPERTY_RUNS} runs)`, () => {
    const base = textsOf(openStored(9000));
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 5 }), fc.array(opArb, { maxLength: 50 }), fc.infiniteStream(fc.nat()), (n, ops, order) => {
        const docs = Array.from({ length: n }, (_, i) => openStored(101 + i));
        let typed = 0;
        let added = 0;
        let decided = 0;
        for (const op of ops) {
          if (op.kind === 'sync') {
            if (op.from % n !== op.to % n) deliver(docs[op.from % n]!, docs[op.to % n]!);
            continue;
          }
          const doc = docs[op.r % n]!;
          if (op.kind === 'type') {
            const text = agendaItemText(doc, MEETING, ITEMS[op.item]!, FIELDS[op.field]!)!;
            text.insert(Math.min(op.at, text.length), op.text);
            typed += op.text.length;
          } else if (op.kind === 'addItem') {
            addAgendaItem(doc, MEETING, { title: op.title });
            added++;
          } else {
            addDecision(doc, { meetingId: MEETING, agendaItemId: 'itemplan', text: op.text });
            decided++;
          }
        }
        const before = docs.map(textsOf);

        // Everyone meets again: each device receives every other's state, in a random order.
        const pairs = docs.flatMap((_, to) => docs.map((__, from) => [from, to] as const)).filter(([f, t]) => f !== t);
        const next = order[Symbol.iterator]();
        for (let i = pairs.length - 1; i > 0; i--) {
          const j = next.next().value! % (i + 1);
          [pairs[i], pairs[j]] = [pairs[j]!, pairs[i]!];
        }
        for (const [from, to] of pairs) deliver(docs[from]!, docs[to]!);
        for (const [from, to] of pairs) deliver(docs[from]!, docs[to]!);

        const merged = textsOf(docs[0]!);
        for (const doc of docs) {
          expect(textsOf(doc)).toEqual(merged);
          expect(schemaVersionOf(doc)).toBe(SCHEMA_VERSION);
          expect(listAgenda(doc, MEETING)).toEqual(listAgenda(docs[0]!, MEETING));
        }
        // Nothing typed is lost: every device's own text survives in order, and every character counts.
        for (const texts of before) texts.forEach((t, k) => expect(isSubsequence(t, merged[k]!)).toBe(true));
        expect(merged.join('').length).toBe(base.join('').length + typed);
        expect(listAgenda(docs[0]!, MEETING)).toHaveLength(ITEMS.length + added);
        expect(listDecisions(docs[0]!, MEETING)).toHaveLength(1 + decided);
      }),
      { numRuns: PROPERTY_RUNS }
    );
  }, 60_000);
});

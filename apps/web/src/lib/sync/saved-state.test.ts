import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { UnsavedChanges } from './saved-state';

const snapshotOf = (doc: Y.Doc) => Y.encodeSnapshot(Y.snapshot(doc));

/** A small deterministic random source, so a failure can be replayed. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('UnsavedChanges', () => {
  it('is confirmed only by a stored snapshot that contains every local change', () => {
    const local = new Y.Doc();
    const server = new Y.Doc();
    const unsaved = new UnsavedChanges();
    local.on('update', (u: Uint8Array) => unsaved.add(u));
    local.getText('t').insert(0, 'hello');
    expect(unsaved.confirm(snapshotOf(server))).toBe(false);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(local));
    local.getText('t').insert(5, ' world');
    expect(unsaved.confirm(snapshotOf(server))).toBe(false);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(local));
    expect(unsaved.confirm(snapshotOf(server))).toBe(true);
    expect(unsaved.empty).toBe(true);
  });

  it('counts a deletion the server has not stored as unsaved, though the state vector is equal', () => {
    const local = new Y.Doc();
    local.getText('t').insert(0, 'keep or delete');
    const server = new Y.Doc();
    Y.applyUpdate(server, Y.encodeStateAsUpdate(local));
    const unsaved = new UnsavedChanges();
    local.on('update', (u: Uint8Array) => unsaved.add(u));
    local.getText('t').delete(0, 8);
    expect(Y.encodeStateVector(local)).toEqual(Y.encodeStateVector(server));
    expect(unsaved.confirm(snapshotOf(server))).toBe(false);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(local));
    expect(unsaved.confirm(snapshotOf(server))).toBe(true);
  });

  it('says unsaved exactly when merging every local update would, over random offline sessions (no change lost from "unsaved" by summarising)', () => {
    const outcomes = new Set<boolean>();
    for (let run = 0; run < 60; run++) {
      const rand = random(run + 1);
      const local = new Y.Doc();
      const other = new Y.Doc();
      const server = new Y.Doc();
      const mine: Uint8Array[] = [];
      local.on('update', (u: Uint8Array, origin: unknown) => {
        if (origin !== 'remote') mine.push(u);
      });
      for (let step = 0; step < 40; step++) {
        const r = rand();
        const text = local.getText('t');
        if (r < 0.45) text.insert(Math.floor(rand() * (text.length + 1)), 'abc'.slice(0, 1 + Math.floor(rand() * 3)));
        else if (r < 0.7 && text.length > 0) {
          const at = Math.floor(rand() * text.length);
          text.delete(at, Math.min(text.length - at, 1 + Math.floor(rand() * 3)));
        } else if (r < 0.8) local.getMap('m').set(`k${Math.floor(rand() * 4)}`, step);
        else if (r < 0.9) {
          // Someone else's edit reaches this device (not a change of mine) and the server.
          other.getText('t').insert(0, 'x');
          const theirs = Y.encodeStateAsUpdate(other, Y.encodeStateVector(local));
          Y.applyUpdate(local, theirs, 'remote');
          Y.applyUpdate(server, Y.encodeStateAsUpdate(other));
        } else {
          // The server stores some of my updates so far: a random prefix, in order.
          const upTo = Math.floor(rand() * (mine.length + 1));
          for (const u of mine.slice(0, upTo)) Y.applyUpdate(server, u);
        }
        const snapshot = snapshotOf(server);
        const expected = mine.length === 0 || Y.snapshotContainsUpdate(Y.decodeSnapshot(snapshot), Y.mergeUpdates(mine));
        const unsaved = new UnsavedChanges();
        for (const u of mine) unsaved.add(u);
        outcomes.add(expected);
        expect(unsaved.confirm(snapshot), `run ${run}, step ${step}`).toBe(expected);
        // A refused check keeps everything: asking again gives the same answer.
        expect(unsaved.confirm(snapshot), `run ${run}, step ${step}, asked again`).toBe(expected);
      }
    }
    // The sessions reached both answers, many times over.
    expect([...outcomes].sort()).toEqual([false, true]);
  });

  it('starts afresh after a confirmation: later changes are unsaved until stored too', () => {
    const local = new Y.Doc();
    const server = new Y.Doc();
    const unsaved = new UnsavedChanges();
    local.on('update', (u: Uint8Array) => unsaved.add(u));
    local.getText('t').insert(0, 'first');
    Y.applyUpdate(server, Y.encodeStateAsUpdate(local));
    expect(unsaved.confirm(snapshotOf(server))).toBe(true);
    local.getText('t').delete(0, 1);
    expect(unsaved.empty).toBe(false);
    expect(unsaved.confirm(snapshotOf(server))).toBe(false);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(local));
    expect(unsaved.confirm(snapshotOf(server))).toBe(true);
  });
});

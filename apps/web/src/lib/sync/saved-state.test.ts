import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { UnsavedChanges } from './saved-state';

const snapshotOf = (doc: Y.Doc) => Y.encodeSnapshot(Y.snapshot(doc));

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
});

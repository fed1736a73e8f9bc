// Changes built the same on every replica: identical bytes, ids no device can hold, and documents
// holding such ids go through every encoding Yjs uses.
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { FIRST_RESERVED_CLIENT_ID, replicaIdenticalUpdate, reservedClientIdFor } from './replica-identical-update';

const writeItem = (title: string) => (doc: Y.Doc) => {
  const item = new Y.Map<unknown>();
  item.set('title', title);
  item.set('minutes', new Y.Text('Douze personnes présentes.'));
  doc.getMap('agendaItems').set('item1', item);
};

const clientsOf = (update: Uint8Array) => [...Y.decodeStateVector(Y.encodeStateVectorFromUpdate(update)).keys()];

describe('replicaIdenticalUpdate', () => {
  it('gives every replica the same bytes for the same change, so N copies merge as one', () => {
    const a = replicaIdenticalUpdate(writeItem('Bienvenue'));
    const b = replicaIdenticalUpdate(writeItem('Bienvenue'));
    expect(b).toEqual(a);
    const doc = new Y.Doc();
    Y.applyUpdate(doc, a);
    const before = Y.encodeStateAsUpdate(doc);
    Y.applyUpdate(doc, b);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('never reuses a client id for a different change (the id is derived from the change itself)', () => {
    const ids = new Set(['Bienvenue', 'Bienvenue ', 'Accueil', ''].map((t) => clientsOf(replicaIdenticalUpdate(writeItem(t)))[0]));
    expect(ids.size).toBe(4);
  });

  it('never takes a client id that Yjs could give a device (those are 32-bit)', () => {
    for (const fingerprint of [new Uint8Array(), new Uint8Array(64).fill(255), new TextEncoder().encode('agenda')]) {
      const id = reservedClientIdFor(fingerprint);
      expect(id).toBeGreaterThanOrEqual(FIRST_RESERVED_CLIENT_ID);
      expect(id).toBeLessThan(FIRST_RESERVED_CLIENT_ID + 2 ** 48);
      expect(Number.isSafeInteger(id)).toBe(true);
    }
    const [client] = clientsOf(replicaIdenticalUpdate(writeItem('Bienvenue')));
    expect(client).toBeGreaterThanOrEqual(FIRST_RESERVED_CLIENT_ID);
  });

  it('keeps edits made on top of it through v1 and v2 updates, merges, diffs and state vectors', () => {
    const device = new Y.Doc();
    Y.applyUpdate(device, replicaIdenticalUpdate(writeItem('Bienvenue')));
    const minutes = () => (device.getMap('agendaItems').get('item1') as Y.Map<unknown>).get('minutes') as Y.Text;
    minutes().insert(0, 'Hélène : ');
    const [reserved] = clientsOf(replicaIdenticalUpdate(writeItem('Bienvenue')));

    const v2 = new Y.Doc();
    Y.applyUpdateV2(v2, Y.encodeStateAsUpdateV2(device));
    const merged = new Y.Doc();
    Y.applyUpdate(merged, Y.mergeUpdates([Y.encodeStateAsUpdate(device), replicaIdenticalUpdate(writeItem('Bienvenue'))]));
    const diffed = new Y.Doc();
    Y.applyUpdate(diffed, replicaIdenticalUpdate(writeItem('Bienvenue')));
    Y.applyUpdate(diffed, Y.diffUpdate(Y.encodeStateAsUpdate(device), Y.encodeStateVector(diffed)));
    for (const doc of [v2, merged, diffed]) {
      expect(((doc.getMap('agendaItems').get('item1') as Y.Map<unknown>).get('minutes') as Y.Text).toString()).toBe(
        'Hélène : Douze personnes présentes.'
      );
      expect(Y.decodeStateVector(Y.encodeStateVector(doc)).get(reserved!)).toBeGreaterThan(0);
    }
  });
});

import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connect, createCopWith, eventually, removeDataDirs, startSyncServer, storedDoc } from './sync-test-kit';

afterAll(removeDataDirs);

describe('syncing a document between clients', () => {
  it('makes two stock y-websocket clients converge on text, map and array edits', async () => {
    const server = await startSyncServer();
    const { copId, people } = createCopWith(server, { ana: 'member', ben: 'facilitator' });
    const name = `cop/${copId}/notes/n1`;
    const a = connect(server, name, people.ana!);
    const b = connect(server, name, people.ben!);
    await Promise.all([a.synced(), b.synced()]);

    a.doc.getText('body').insert(0, 'Bonjour ');
    b.doc.getMap('meta').set('title', 'Séance 1');
    a.doc.getArray<string>('items').push(['agenda']);
    b.doc.getArray<string>('items').push(['minutes']);
    b.doc.getText('body').insert(0, 'Hello. ');

    await eventually(() => {
      expect(a.doc.getText('body').toString()).toBe(b.doc.getText('body').toString());
      expect(a.doc.getText('body').length).toBe('Bonjour Hello. '.length);
      expect(a.doc.getMap('meta').get('title')).toBe('Séance 1');
      expect(a.doc.getArray('items').toArray()).toEqual(b.doc.getArray('items').toArray());
      expect(a.doc.getArray('items').length).toBe(2);
    });
    a.destroy();
    b.destroy();
    await server.close();
  });

  it('relays awareness: each client sees the other one present, and its departure', async () => {
    const server = await startSyncServer();
    const { copId, people } = createCopWith(server, { ana: 'member', ben: 'member' });
    const name = `cop/${copId}`;
    const a = connect(server, name, people.ana!);
    const b = connect(server, name, people.ben!);
    a.provider.awareness.setLocalStateField('user', { name: 'Ana' });
    b.provider.awareness.setLocalStateField('user', { name: 'Ben' });
    await eventually(() => {
      expect(a.provider.awareness.getStates().get(b.doc.clientID)).toEqual({ user: { name: 'Ben' } });
      expect(b.provider.awareness.getStates().get(a.doc.clientID)).toEqual({ user: { name: 'Ana' } });
    });
    b.destroy();
    await eventually(() => expect(a.provider.awareness.getStates().has(b.doc.clientID)).toBe(false));
    a.destroy();
    await server.close();
  });

  it('stores every update before relaying it, so the stored copy equals what clients received', async () => {
    const server = await startSyncServer();
    const { copId, people } = createCopWith(server, { ana: 'member', ben: 'member' });
    const name = `cop/${copId}/notes/stored`;
    const a = connect(server, name, people.ana!);
    const b = connect(server, name, people.ben!);
    await Promise.all([a.synced(), b.synced()]);
    let storedWhenReceived = true;
    b.doc.on('update', (_update: Uint8Array, origin: unknown) => {
      if (origin !== b.provider) return;
      // Whatever b has received from the server must already be in SQLite.
      const stored = storedDoc(server, name);
      if (!Y.snapshotContainsUpdate(Y.snapshot(stored), Y.encodeStateAsUpdate(b.doc))) storedWhenReceived = false;
    });
    for (let i = 0; i < 50; i++) a.doc.getText('t').insert(0, `${i};`);
    await eventually(() => expect(b.doc.getText('t').toString()).toBe(a.doc.getText('t').toString()));
    expect(storedWhenReceived).toBe(true);
    a.destroy();
    b.destroy();
    await server.close();
  });
});

describe('restarting the server', () => {
  it('brings the content back from storage', async () => {
    const first = await startSyncServer();
    const { copId, people } = createCopWith(first, { ana: 'member' });
    const name = `cop/${copId}/notes/restart`;
    const a = connect(first, name, people.ana!);
    await a.synced();
    a.doc.getText('body').insert(0, 'kept across restarts');
    a.doc.getMap('meta').set('n', 42);
    await eventually(() => expect(storedDoc(first, name).getText('body').toString()).toBe('kept across restarts'));
    a.destroy();
    await first.close();

    const second = await startSyncServer({}, first.dataDir);
    const fresh = connect(second, name, people.ana!);
    await fresh.synced();
    expect(fresh.doc.getText('body').toString()).toBe('kept across restarts');
    expect(fresh.doc.getMap('meta').get('n')).toBe(42);
    fresh.destroy();
    await second.close();
  });
});

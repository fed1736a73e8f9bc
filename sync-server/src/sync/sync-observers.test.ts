import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { encodeAwarenessEntries } from './awareness-ownership';
import { encodeAwareness } from './protocol';
import { connect, createCopWith, eventually, removeDataDirs, sleep, startSyncServer, storedDoc } from './sync-test-kit';

afterAll(removeDataDirs);

describe('observers', () => {
  it('receive the document and everyone\'s presence, show their own, and have their updates dropped silently', async () => {
    const server = await startSyncServer();
    const { copId, people } = createCopWith(server, { ana: 'member', olga: 'observer' });
    const name = `cop/${copId}/notes/obs`;
    const ana = connect(server, name, people.ana!);
    await ana.synced();
    ana.doc.getText('t').insert(0, 'written by a member;');
    ana.provider.awareness.setLocalStateField('user', { name: 'Ana' });

    const olga = connect(server, name, people.olga!);
    olga.provider.awareness.setLocalStateField('user', { name: 'Olga' });
    await olga.synced();
    await eventually(() => expect(olga.doc.getText('t').toString()).toBe('written by a member;'));
    await eventually(() => {
      expect(olga.provider.awareness.getStates().get(ana.doc.clientID)).toEqual({ user: { name: 'Ana' } });
      expect(ana.provider.awareness.getStates().get(olga.doc.clientID)).toEqual({ user: { name: 'Olga' } });
    });

    olga.doc.getText('t').insert(0, 'observer edit;');
    olga.doc.getMap('m').set('k', 'v');
    ana.doc.getText('t').insert(20, 'member again;');
    await eventually(() => expect(olga.doc.getText('t').toString()).toContain('member again;'));
    await sleep(100);
    expect(ana.doc.getText('t').toString()).toBe('written by a member;member again;');
    expect(ana.doc.getMap('m').size).toBe(0);
    expect(storedDoc(server, name).getText('t').toString()).toBe('written by a member;member again;');
    expect(olga.closes).toEqual([]);
    expect(olga.provider.wsconnected).toBe(true);
    ana.destroy();
    olga.destroy();
    await server.close();
  });

  it('cannot set presence for a client id another socket owns', async () => {
    const server = await startSyncServer();
    const { copId, people } = createCopWith(server, { ana: 'member', olga: 'observer' });
    const name = `cop/${copId}`;
    const ana = connect(server, name, people.ana!);
    ana.provider.awareness.setLocalStateField('user', { name: 'Ana' });
    await ana.synced();
    const watcher = connect(server, name, people.ana!);
    await eventually(() => expect(watcher.provider.awareness.getStates().get(ana.doc.clientID)).toEqual({ user: { name: 'Ana' } }));

    const raw = new WebSocket(`${server.wsUrl}/${name}`, { headers: { cookie: people.olga!.cookie } });
    await new Promise((resolve) => raw.once('message', resolve));
    const forged = encodeAwarenessEntries([
      { clientId: ana.doc.clientID, clock: 999, state: JSON.stringify({ user: { name: 'Not Ana' } }) },
      { clientId: 424242, clock: 1, state: JSON.stringify({ user: { name: 'Olga' } }) }
    ]);
    raw.send(encodeAwareness(forged));
    await eventually(() => expect(watcher.provider.awareness.getStates().get(424242)).toEqual({ user: { name: 'Olga' } }));
    expect(watcher.provider.awareness.getStates().get(ana.doc.clientID)).toEqual({ user: { name: 'Ana' } });
    expect(raw.readyState).toBe(WebSocket.OPEN);
    raw.close();
    ana.destroy();
    watcher.destroy();
    await server.close();
  });
});

// The web app's sync module (apps/web/src/lib/sync) against the real server, in Node: `ws` as the
// WebSocket and no IndexedDB. Lives here because the web project has no server to talk to.
import { afterAll, describe, expect, it } from 'vitest';
import { DocumentSync, type SyncState } from '../../../apps/web/src/lib/sync/document-sync';
import * as wire from '../../../apps/web/src/lib/sync/wire';
import { CloseCode, MessageType } from './protocol';
import { createCopWith, createPerson, eventually, removeDataDirs, sleep, socketClass, startSyncServer, storedDoc, type SyncTestServer } from './sync-test-kit';

afterAll(removeDataDirs);

function open(server: SyncTestServer, docName: string, cookie: string) {
  const sync = new DocumentSync({
    docName,
    serverUrl: server.wsUrl,
    localCopy: false,
    persistStorage: async () => 'persistent',
    WebSocketPolyfill: socketClass({ cookie }) as never,
    backoff: { baseMs: 20, maxMs: 200 },
    savedCheckDelayMs: 20
  });
  const states: SyncState[] = [];
  sync.subscribe((s) => states.push(s.state));
  return { sync, states };
}

describe('the web client\'s document sync', () => {
  it('agrees with the server on close codes and the saved-state message', () => {
    expect(wire.CLOSE_NOT_AUTHENTICATED).toBe(CloseCode.notAuthenticated.code);
    expect(wire.CLOSE_FORBIDDEN).toBe(CloseCode.forbidden.code);
    expect(wire.CLOSE_COP_STORAGE_FULL).toBe(CloseCode.copStorageFull.code);
    expect(wire.MESSAGE_SAVED_STATE).toBe(MessageType.savedState);
  });

  it('says "saved" only once the server has stored every local change, deletions included', async () => {
    const server = await startSyncServer();
    const { copId, people } = createCopWith(server, { ana: 'member' });
    const name = `cop/${copId}/notes/status`;
    const { sync, states } = open(server, name, people.ana!.cookie);
    let storedWhenSaved: string | undefined;
    sync.subscribe((s) => {
      if (s.state === 'saved') storedWhenSaved = storedDoc(server, name).getText('t').toString();
    });
    await sync.start();
    await eventually(() => expect(sync.status.state).toBe('saved'));

    sync.doc.getText('t').insert(0, 'draft minutes');
    expect(sync.status.state).toBe('syncing');
    await eventually(() => expect(sync.status.state).toBe('saved'));
    expect(storedWhenSaved).toBe('draft minutes');

    sync.doc.getText('t').delete(0, 6);
    expect(sync.status.state).toBe('syncing');
    await eventually(() => expect(sync.status.state).toBe('saved'));
    expect(storedWhenSaved).toBe('minutes');
    expect(states[0]).toBe('loading');
    sync.destroy();
    await server.close();
  });

  it('reports "offline" while the server is away and reconnects with backoff when it is back', async () => {
    const server = await startSyncServer();
    const { copId, people } = createCopWith(server, { ana: 'member' });
    const name = `cop/${copId}/notes/offline`;
    const { sync } = open(server, name, people.ana!.cookie);
    await sync.start();
    await eventually(() => expect(sync.status.state).toBe('saved'));
    const port = server.port;
    await server.close();
    await eventually(() => expect(sync.status.state).toBe('offline'));
    sync.doc.getText('t').insert(0, 'typed at the venue');
    expect(sync.status.state).toBe('offline');

    const back = await startSyncServer({ PORT: String(port) }, server.dataDir);
    await eventually(() => expect(sync.status.state).toBe('saved'), 5_000);
    expect(storedDoc(back, name).getText('t').toString()).toBe('typed at the venue');
    sync.destroy();
    await back.close();
  });

  it('stops retrying and asks to sign in when the session is refused (4401)', async () => {
    const server = await startSyncServer();
    const { copId } = createCopWith(server, {});
    let opened = 0;
    const { sync } = open(server, `cop/${copId}`, 'atelier_session=not-a-real-token');
    sync.subscribe((s) => s.state === 'syncing' && opened++);
    await sync.start();
    await eventually(() => expect(sync.status.state).toBe('needs-sign-in'));
    await sleep(300);
    expect(sync.status.state).toBe('needs-sign-in');
    expect(opened).toBeLessThanOrEqual(1);
    expect(sync.doc.getText('t').toString()).toBe('');
    sync.destroy();
    await server.close();
  });

  it('reports "not allowed" for a document of a COP the person is not a member of (4403)', async () => {
    const server = await startSyncServer();
    const { copId } = createCopWith(server, {});
    const stranger = createPerson(server);
    const { sync } = open(server, `cop/${copId}`, stranger.cookie);
    await sync.start();
    await eventually(() => expect(sync.status.state).toBe('not-allowed'));
    sync.destroy();
    await server.close();
  });

  it('tells the person the COP’s storage is full (4414) instead of a bare refusal, and stops retrying', async () => {
    const server = await startSyncServer({ COP_STORAGE_QUOTA_BYTES: String(64 * 1024) });
    const { copId, people } = createCopWith(server, { ana: 'member' });
    const { sync } = open(server, `cop/${copId}/notes/full`, people.ana!.cookie);
    await sync.start();
    await eventually(() => expect(sync.status.state).toBe('saved'));
    sync.doc.getText('t').insert(0, 'x'.repeat(100 * 1024));
    await eventually(() => expect(sync.status.state).toBe('storage-full'));
    await sleep(300);
    expect(sync.status.state).toBe('storage-full');
    // The change is kept on the device, listed as not saved.
    expect(sync.status.unsaved).toBe(true);
    sync.destroy();
    await server.close();
  });
});

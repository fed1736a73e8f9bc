import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { connect, createCopWith, eventually, removeDataDirs, sleep, startSyncServer, storedDoc, type SyncTestServer } from './sync-test-kit';

afterAll(removeDataDirs);

/** A raw member socket that is past the handshake (it received the server's sync step 1). */
async function openRaw(server: SyncTestServer, name: string, cookie: string) {
  const socket = new WebSocket(`${server.wsUrl}/${name}`, { headers: { cookie } });
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
  socket.on('error', () => {
    // A refused socket may report an error before its close event; the close code is checked.
  });
  await new Promise((resolve) => socket.once('message', resolve));
  return { socket, closed };
}

function syncUpdateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, 2);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/**
 * An update of ~`bytes` whose predecessor never reaches the server: a doc inserts one letter
 * (never sent), then a long text after it (sent) — Yjs parks it, waiting for the letter. Half of
 * them also delete a range of the unsent letter, which parks a delete too.
 */
function orphanUpdate(seed: number, bytes: number): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = 10_000 + seed;
  const text = doc.getText('t');
  text.insert(0, 'x');
  const before = Y.encodeStateVector(doc);
  text.insert(1, String.fromCharCode(97 + (seed % 26)).repeat(bytes));
  if (seed % 2 === 0) text.delete(0, 1);
  return Y.encodeStateAsUpdate(doc, before);
}

describe('updates whose predecessors never arrive', () => {
  it('cannot push a document past its limit: the sender is refused, nothing waiting is stored, the next person syncs and edits', async () => {
    const limit = 256 * 1024;
    const server = await startSyncServer({ SYNC_MAX_DOCUMENT_BYTES: String(limit) });
    const { copId, people } = createCopWith(server, { ana: 'member', mallory: 'member' });
    const name = `cop/${copId}/notes/orphans`;
    const ana = connect(server, name, people.ana!);
    await ana.synced();
    ana.doc.getText('t').insert(0, 'honest text;');
    await eventually(() => expect(storedDoc(server, name).getText('t').toString()).toBe('honest text;'));
    ana.destroy();

    // 40 frames of ~0.2 MiB, on as many sockets as it takes.
    const refusals: number[] = [];
    let raw = await openRaw(server, name, people.mallory!.cookie);
    for (let i = 0; i < 40; i++) {
      raw.socket.send(syncUpdateFrame(orphanUpdate(i, 200 * 1024)));
      // Frames are handled in order: the saved-state reply comes only if the update was taken.
      const answered = new Promise<'open'>((resolve) => raw.socket.on('message', (data: Buffer) => data[0] === 100 && resolve('open')));
      raw.socket.send(Uint8Array.of(100));
      const outcome = await Promise.race([raw.closed, answered]);
      if (outcome !== 'open') {
        refusals.push(outcome);
        raw = await openRaw(server, name, people.mallory!.cookie);
      }
    }
    raw.socket.terminate();
    expect(refusals.length).toBe(39);
    for (const code of refusals) expect([4413, 4422]).toContain(code);

    // Unloaded (compacted) and loaded again: what is stored is the honest text, under the limit.
    await sleep(400);
    await eventually(() => expect(server.sync.manager.rooms.has(name)).toBe(false));
    const bytes = server.db.prepare(
      `SELECT coalesce(state_bytes, 0) + (SELECT coalesce(sum(length(data)), 0) FROM sync_updates WHERE doc_name = ?) AS b FROM sync_documents WHERE name = ?`
    ).get(name, name) as { b: number };
    expect(bytes.b).toBeLessThan(limit);

    const bea = connect(server, name, people.ana!);
    await bea.synced();
    expect(bea.doc.getText('t').toString()).toBe('honest text;');
    expect(Y.encodeStateAsUpdate(bea.doc).byteLength).toBeLessThan(limit);
    bea.doc.getText('t').insert(12, 'still writable;');
    await eventually(() => expect(storedDoc(server, name).getText('t').toString()).toBe('honest text;still writable;'));
    expect(bea.closes).toEqual([]);
    bea.destroy();
    await server.close();
  });

  it('one socket cannot park more than its share of waiting updates, even in a roomy document', async () => {
    const server = await startSyncServer({ SYNC_MAX_WAITING_BYTES_PER_SOCKET: String(300 * 1024) });
    const { copId, people } = createCopWith(server, { mallory: 'member' });
    const name = `cop/${copId}/notes/parked`;
    const raw = await openRaw(server, name, people.mallory!.cookie);
    raw.socket.send(syncUpdateFrame(orphanUpdate(1, 200 * 1024)));
    raw.socket.send(syncUpdateFrame(orphanUpdate(2, 200 * 1024)));
    expect(await raw.closed).toBe(4422);
    expect(server.sync.manager.rooms.get(name)!.waitingBytes).toBeLessThan(300 * 1024);
    await server.close();
  });

  it('a document stored past its limit still opens and takes deletions, and is writable again once under it', async () => {
    const server = await startSyncServer({ SYNC_MAX_DOCUMENT_BYTES: String(128 * 1024) });
    const { copId, people } = createCopWith(server, { ana: 'member' });
    const name = `cop/${copId}/notes/full`;
    const ana = connect(server, name, people.ana!);
    await ana.synced();
    ana.doc.getText('t').insert(0, 'y'.repeat(60 * 1024));
    await eventually(() => expect(storedDoc(server, name).getText('t').length).toBe(60 * 1024));
    ana.destroy();
    await server.close();

    // The limit was lowered (or an older server stored more): the document is now past it.
    const again = await startSyncServer({ SYNC_MAX_DOCUMENT_BYTES: String(32 * 1024) }, server.dataDir);
    const growing = connect(again, name, people.ana!);
    await growing.synced();
    expect(growing.doc.getText('t').length).toBe(60 * 1024);
    growing.doc.getText('t').insert(0, 'more;');
    await eventually(() => expect(growing.closes.map((c) => c.code)).toContain(4413));
    growing.destroy();

    const bea = connect(again, name, people.ana!);
    await bea.synced();
    bea.doc.getText('t').delete(0, 50 * 1024);
    await eventually(() => expect(storedDoc(again, name).getText('t').length).toBe(10 * 1024));
    await eventually(() => expect(again.sync.manager.rooms.get(name)!.bytes).toBeLessThan(32 * 1024));
    bea.doc.getText('t').insert(0, 'room again;');
    await eventually(() => expect(storedDoc(again, name).getText('t').toString().startsWith('room again;')).toBe(true));
    expect(bea.closes).toEqual([]);
    bea.destroy();
    await again.close();
  });
});

/**
 * Valid updates with one byte changed that still decode but make Yjs throw while integrating
 * them (the shapes of yjs issues 479, 498 and 687: a missing content reference, "Unexpected case").
 */
function throwingUpdates(base: Y.Doc): Uint8Array[] {
  const edit = new Y.Doc();
  edit.clientID = 2;
  Y.applyUpdate(edit, Y.encodeStateAsUpdate(base));
  const sv = Y.encodeStateVector(edit);
  edit.getText('t').insert(5, ' there');
  edit.getMap('m').set('k', new Y.Array());
  edit.getText('t').delete(0, 2);
  const valid = Y.encodeStateAsUpdate(edit, sv);
  const found: Uint8Array[] = [];
  for (let i = 0; i < valid.length && found.length < 3; i++) {
    for (let v = 0; v < 256; v++) {
      const mutated = valid.slice();
      mutated[i] = v;
      try {
        Y.decodeUpdate(mutated);
      } catch {
        continue;
      }
      const probe = new Y.Doc();
      Y.applyUpdate(probe, Y.encodeStateAsUpdate(base));
      try {
        Y.applyUpdate(probe, mutated);
      } catch {
        // One per byte position, so the three differ in shape.
        found.push(mutated);
        break;
      }
    }
  }
  return found;
}

describe('updates that decode but throw while applied', () => {
  it('a throwing update closes only its sender with 4400; both bystanders stay connected and the room keeps working', async () => {
    const server = await startSyncServer();
    const { copId, people } = createCopWith(server, { ana: 'member', bo: 'member', mallory: 'member' });
    const name = `cop/${copId}/notes/throwing`;
    // A fixed client id, so the mutated bytes below land on the same fields every run.
    const first = new Y.Doc();
    first.clientID = 1;
    const ana = connect(server, name, people.ana!, { doc: first });
    const bo = connect(server, name, people.bo!);
    await Promise.all([ana.synced(), bo.synced()]);
    ana.doc.getText('t').insert(0, 'hello world');
    await eventually(() => expect(bo.doc.getText('t').toString()).toBe('hello world'));

    const bad = throwingUpdates(ana.doc);
    expect(bad.length).toBe(3);
    for (const update of bad) {
      const raw = await openRaw(server, name, people.mallory!.cookie);
      raw.socket.send(syncUpdateFrame(update));
      // Bystanders keep typing while the room recovers.
      bo.doc.getText('t').insert(bo.doc.getText('t').length, '.');
      expect(await raw.closed).toBe(4400);
    }

    ana.doc.getText('t').insert(0, 'still ');
    const expected = 'still hello world' + '.'.repeat(bad.length);
    await eventually(() => expect(bo.doc.getText('t').toString()).toBe(expected));
    await eventually(() => expect(ana.doc.getText('t').toString()).toBe(expected));
    await eventually(() => expect(storedDoc(server, name).getText('t').toString()).toBe(expected));
    expect(ana.closes).toEqual([]);
    expect(bo.closes).toEqual([]);
    const late = connect(server, name, people.ana!);
    await late.synced();
    expect(late.doc.getText('t').toString()).toBe(expected);
    for (const c of [ana, bo, late]) c.destroy();
    await server.close();
  });
});

import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { connect, createCopWith, eventually, removeDataDirs, startSyncServer, storedDoc, type SyncTestServer } from './sync-test-kit';

afterAll(removeDataDirs);

/** A raw member socket that is past the handshake (it received the server's sync step 1). */
async function openRaw(server: SyncTestServer, name: string, cookie: string) {
  const socket = new WebSocket(`${server.wsUrl}/${name}`, { headers: { cookie } });
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
  socket.on('error', () => {
    // ws reports the server's 1009 as an error before the close event; the close code is checked.
  });
  await new Promise((resolve) => socket.once('message', resolve));
  return { socket, closed };
}

function frame(...parts: (number | Uint8Array)[]): Uint8Array {
  const encoder = encoding.createEncoder();
  for (const part of parts) {
    if (typeof part === 'number') encoding.writeUint8(encoder, part);
    else encoding.writeUint8Array(encoder, part);
  }
  return encoding.toUint8Array(encoder);
}

function syncUpdateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, 2);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** Deterministic pseudo-random bytes (mulberry32), so a failure can be replayed. */
function randomBytes(seed: number, length: number): Uint8Array {
  let a = seed;
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    out[i] = ((t ^ (t >>> 14)) >>> 0) & 0xff;
  }
  return out;
}

describe('hostile frames', () => {
  it('closes only the sending socket with a named code, keeps bad bytes out of storage, and goes on serving', async () => {
    const server = await startSyncServer();
    const { copId, people } = createCopWith(server, { ana: 'member', mallory: 'member' });
    const name = `cop/${copId}/notes/hostile`;
    const ana = connect(server, name, people.ana!);
    await ana.synced();
    ana.doc.getText('t').insert(0, 'good text;');
    await eventually(() => expect(storedDoc(server, name).getText('t').toString()).toBe('good text;'));

    const real = new Y.Doc();
    real.getText('t').insert(0, 'an update that will be cut short');
    real.getText('t').delete(0, 3);
    const realUpdate = Y.encodeStateAsUpdate(real);

    const cases: [string, Uint8Array | string, number][] = [
      ['an empty frame', new Uint8Array(0), 4400],
      ['an unknown message type', frame(7, 1, 2, 3), 4400],
      ['an auth message from a client', frame(2, 0), 4400],
      ['an unknown sync step', frame(0, 9, 0), 4400],
      ['a truncated sync message', frame(0, 2, 50, 1, 2, 3), 4400],
      ['a huge declared length', frame(0, 2, 0xff, 0xff, 0xff, 0xff, 0x0f, 1), 4400],
      ['trailing bytes after a message', frame(3, 0), 4400],
      ['a Yjs update that is garbage', syncUpdateFrame(Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0x7f, 9)), 4400],
      ['a real Yjs update cut short', syncUpdateFrame(realUpdate.slice(0, realUpdate.length - 2)), 4400],
      ['a malformed state vector', frame(0, 0, 3, 0xff, 0xff, 0xff), 4400],
      ['an awareness update claiming a huge count', frame(1, 6, 0xff, 0xff, 0xff, 0xff, 0x0f, 0), 4400],
      ['awareness with a state that is not JSON', frame(1, 6, 1, 5, 1, 2, 0x7b, 0x7b), 4400],
      ['a text frame', 'hello', 1003],
      ['a frame over the 1 MiB limit', new Uint8Array(1024 * 1024 + 1), 1009]
    ];
    for (const [what, data, code] of cases) {
      const { socket, closed } = await openRaw(server, name, people.mallory!.cookie);
      socket.send(data);
      expect(await closed, what).toBe(code);
    }

    // Random frames: each either is a valid message by chance or closes its socket with 4400.
    for (let seed = 1; seed <= 40; seed++) {
      const { socket, closed } = await openRaw(server, name, people.mallory!.cookie);
      socket.send(randomBytes(seed, 1 + (seed % 23)));
      const outcome = await Promise.race([closed, new Promise<'open'>((r) => setTimeout(() => r('open'), 30))]);
      expect([4400, 'open'], `seed ${seed}`).toContain(outcome);
      socket.terminate();
    }

    // The honest client never noticed, the document still works, storage holds only good updates.
    expect(ana.closes).toEqual([]);
    ana.doc.getText('t').insert(10, 'still working;');
    const late = connect(server, name, people.ana!);
    await late.synced();
    await eventually(() => expect(late.doc.getText('t').toString()).toBe('good text;still working;'));
    expect(storedDoc(server, name).getText('t').toString()).toBe('good text;still working;');
    ana.destroy();
    late.destroy();
    await server.close();
  });
});

// An awareness flood against the server as a child process (its own RSS is read): one observer
// announces 100,000 new client ids per frame at its rate, reconnecting whenever it is closed. The
// room's presence holds at most SYNC_MAX_AWARENESS_IDS_PER_SOCKET of its ids, memory stays
// bounded, presence frames over SYNC_MAX_AWARENESS_BYTES are refused, and a late joiner syncs fast.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import { startChildServer, type ChildServer } from '../test-support/child-server';
import { createCopInChild, type ChildCop } from '../test-support/child-people';
import { connect, eventually, sleep, type Person } from './sync-test-kit';

const MiB = 1024 * 1024;
const IDS_PER_FRAME = 100_000;
const IDS_PER_SOCKET = 4;
const FLOOD_MS = 5_000;

let server: ChildServer;
let cop: ChildCop;
let wsBase: string;
beforeAll(async () => {
  // Presence frames may be as large as any frame here, so that 100,000 ids fit in one and the
  // per-socket id cap (not the size cap) is what refuses them.
  server = await startChildServer({
    SYNC_MAX_AWARENESS_IDS_PER_SOCKET: String(IDS_PER_SOCKET),
    SYNC_MAX_AWARENESS_BYTES: String(1 * MiB)
  });
  cop = createCopInChild(server, { honest: 'member', late: 'member', flooder: 'observer' });
  wsBase = server.url.replace(/^http/, 'ws') + '/sync';
});
afterAll(async () => {
  cop?.close();
  await server?.stop();
});

/** An awareness frame announcing `count` ids from `first` on, each with the smallest state. */
function awarenessFrame(first: number, count: number): Uint8Array {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, count);
  for (let i = 0; i < count; i++) {
    encoding.writeVarUint(update, first + i);
    encoding.writeVarUint(update, 1);
    encoding.writeVarString(update, '{}');
  }
  const frame = encoding.createEncoder();
  encoding.writeVarUint(frame, 1);
  encoding.writeVarUint8Array(frame, encoding.toUint8Array(update));
  return encoding.toUint8Array(frame);
}

/**
 * Floods for `ms`: sends a frame of new ids whenever the socket has less than a frame queued
 * (the server pauses reading past its rate, so this is the rate), and opens a new socket each
 * time one is closed. Resolves with what it sent and how its sockets were closed.
 */
async function flood(person: Person, docName: string, ms: number) {
  const until = Date.now() + ms;
  let nextId = 10_000_000;
  let frames = 0;
  const closes: number[] = [];
  while (Date.now() < until) {
    const socket = new WebSocket(`${wsBase}/${docName}`, { headers: { cookie: person.cookie } });
    socket.on('error', () => {
      // Sends after the server closed; the close code is what is recorded.
    });
    const closed = new Promise<void>((resolve) => socket.on('close', (code) => (closes.push(code), resolve())));
    await new Promise((resolve) => socket.once('open', resolve));
    const pump = setInterval(() => {
      if (Date.now() >= until) return socket.terminate();
      // A few frames per turn, so this process still reads what the server sends (its close).
      for (let i = 0; i < 2 && socket.readyState === socket.OPEN && socket.bufferedAmount < 1 * MiB; i++) {
        socket.send(awarenessFrame(nextId, IDS_PER_FRAME));
        nextId += IDS_PER_FRAME;
        frames++;
      }
    }, 5);
    await closed;
    clearInterval(pump);
  }
  return { frames, ids: frames * IDS_PER_FRAME, closes };
}

describe('an awareness flood', () => {
  it('holds at most the per-socket share of a flooding socket, keeps memory bounded, and lets a late joiner sync fast', async () => {
    const docName = `cop/${cop.copId}/notes/awareness-flood`;
    const honest = connect({ wsUrl: wsBase }, docName, cop.people.honest!);
    await honest.synced();
    honest.doc.getText('t').insert(0, 'present;');
    honest.provider.awareness.setLocalStateField('user', { name: 'Honest' });
    await sleep(1_000);
    const idle = server.rss();
    server.resetPeak();

    // What the honest client sees of the flooder, sampled while it floods.
    let mostSeen = 0;
    const sample = setInterval(() => {
      mostSeen = Math.max(mostSeen, honest.provider.awareness.getStates().size - 1);
    }, 20);
    const sent = await flood(cop.people.flooder!, docName, FLOOD_MS);
    clearInterval(sample);
    const peak = server.peakRss();

    const started = performance.now();
    const late = connect({ wsUrl: wsBase }, docName, cop.people.late!);
    await late.synced();
    await eventually(() => expect(late.provider.awareness.getStates().size).toBeGreaterThanOrEqual(2), 60_000);
    const lateMs = performance.now() - started;
    await sleep(500);
    const lateSees = late.provider.awareness.getStates().size;

    const codes = new Map<number, number>();
    for (const code of sent.closes) codes.set(code, (codes.get(code) ?? 0) + 1);
    console.log(
      `awareness flood: ${sent.frames} frames, ${sent.ids.toLocaleString('en')} ids in ${FLOOD_MS} ms over ${sent.closes.length} sockets ` +
        `(closes ${JSON.stringify(Object.fromEntries(codes))}); honest client saw at most ${mostSeen} flood ids; ` +
        `RSS idle ${(idle / MiB).toFixed(0)} MiB, peak ${(peak / MiB).toFixed(0)} MiB (+${((peak - idle) / MiB).toFixed(1)}); ` +
        `late joiner synced with presence in ${lateMs.toFixed(0)} ms and sees ${lateSees} states`
    );
    // One flooding socket at a time, and the previous one's removal may still be on its way.
    expect(mostSeen).toBeLessThanOrEqual(2 * IDS_PER_SOCKET);
    // Each socket is closed for claiming ids past its share (never by 4400: its frames are well formed).
    expect(sent.closes.filter((code) => code !== 4430 && code !== 1006 && code !== 1005)).toEqual([]);
    expect(peak - idle).toBeLessThanOrEqual(96 * MiB);
    expect(lateMs).toBeLessThan(2_000);
    // The late joiner sees itself and the honest client; the flooder's ids left with its sockets.
    expect(lateSees).toBe(2);
    expect(honest.closes).toEqual([]);
    late.destroy();
    honest.destroy();
  }, 180_000);

  it('closes a socket whose presence message is over SYNC_MAX_AWARENESS_BYTES with 4431', async () => {
    const small = await startChildServer({ SYNC_MAX_AWARENESS_BYTES: String(64 * 1024) });
    try {
      const smallCop = createCopInChild(small, { flooder: 'observer' });
      const socket = new WebSocket(`${small.url.replace(/^http/, 'ws')}/sync/cop/${smallCop.copId}/notes/big`, {
        headers: { cookie: smallCop.people.flooder!.cookie }
      });
      const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
      await new Promise((resolve) => socket.once('open', resolve));
      // 20,000 ids take ~130 KB: over the presence cap, well under the 1 MiB frame limit.
      socket.send(awarenessFrame(1, 20_000));
      expect(await closed).toBe(4431);
      smallCop.close();
    } finally {
      await small.stop();
    }
  });
});

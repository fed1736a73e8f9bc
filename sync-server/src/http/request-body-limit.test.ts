// Bodies are bounded while they stream in: a huge body sent to an unauthenticated endpoint is
// refused after 64 KiB without the server holding it, with or without a Content-Length.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChildServer, type ChildServer } from '../test-support/child-server';

const MiB = 1024 * 1024;
const BODY_BYTES = 48 * MiB;
const CHUNK = Buffer.alloc(64 * 1024, 'a');

let server: ChildServer;
beforeAll(async () => {
  server = await startChildServer();
});
afterAll(() => server.stop());

/**
 * POSTs `bytes` of body in 64 KiB chunks, written as the socket drains (so this process never
 * holds the body either); resolves with the response, however much of the body was sent.
 */
function postHuge(path: string, bytes: number, chunked: boolean, busyMs = 0): Promise<{ status: number; json: any; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (!chunked) headers['content-length'] = String(bytes);
    const req = request(server.url + path, { method: 'POST', headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode!, json: JSON.parse(text), headers: res.headers }));
      res.on('error', reject);
    });
    // The server answers and closes before the body is all sent: later writes fail, as they should;
    // a reset before the answer arrived lost the answer, and that is a failure.
    let answered = false;
    req.on('response', () => (answered = true));
    req.on('error', (err) => {
      if (!answered) reject(new Error(`no answer, the connection failed first: ${err.message}`));
    });
    let sent = 0;
    let stalled = false;
    const pump = () => {
      // A client busy elsewhere (a phone's main thread): it reads the answer only after a while.
      if (busyMs > 0 && !stalled && sent >= 8 * CHUNK.length) {
        stalled = true;
        const until = Date.now() + busyMs;
        while (Date.now() < until);
      }
      while (sent < bytes && !req.destroyed) {
        sent += CHUNK.length;
        if (!req.write(sent === CHUNK.length ? Buffer.concat([Buffer.from('{"email":"'), CHUNK.subarray(10)]) : CHUNK)) {
          req.once('drain', pump);
          return;
        }
      }
      if (!req.destroyed) req.end();
    };
    pump();
  });
}

describe('request bodies', () => {
  for (const chunked of [false, true]) {
    it(`refuses a 48 MiB sign-in body ${chunked ? 'sent chunked, without Content-Length,' : 'with its Content-Length'} with 413 without the server holding it`, async () => {
      await fetch(`${server.url}/healthz`);
      const before = server.rss();
      server.resetPeak();
      const res = await postHuge('/api/auth/sign-in', BODY_BYTES, chunked);
      expect(res.status).toBe(413);
      expect(res.json.error.code).toBe('too_large');
      expect(res.json.error.message).toMatch(/64 KiB/);
      const grewMiB = (server.peakRss() - before) / MiB;
      console.log(`48 MiB ${chunked ? 'chunked' : 'Content-Length'} body: server peak RSS grew ${grewMiB.toFixed(1)} MiB`);
      expect(grewMiB).toBeLessThan(8);
      // The server is still there and answers.
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    });
  }

  it('a client too busy to read at once still gets the 413 and its reason, not a reset (the server lingers before closing)', async () => {
    for (const chunked of [false, true]) {
      const res = await postHuge('/api/auth/sign-in', BODY_BYTES, chunked, 1_500);
      expect(res.status).toBe(413);
      expect(res.json.error.code).toBe('too_large');
    }
  });

  it('still accepts an ordinary body just under the limit', async () => {
    const res = await fetch(`${server.url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'x'.repeat(60 * 1024), password: 'p' })
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('invalid_input');
  });
});

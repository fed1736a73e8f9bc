/**
 * `pnpm bench:files`: upload and download throughput of a 25 MB library file through the real
 * server on loopback, compared in the same run with a plain Node HTTP server that just writes
 * the body to a file and streams it back (the floor for "bytes through Node to disk").
 */
import { createReadStream, createWriteStream, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createCop } from '../src/accounts/cops';
import { addMembership } from '../src/accounts/memberships';
import { createUser } from '../src/accounts/users';
import { loadConfig } from '../src/config';
import { startServer } from '../src/server';

const SIZE = 25 * 1000 * 1000;
const ROUNDS = 5;
const body = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(SIZE - 9, 7)]);

async function time(fn: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mbps = (ms: number) => SIZE / 1e6 / (ms / 1000);

async function main() {
  process.env.ATELIER_QUIET = '1';
  const dir = mkdtempSync(join(tmpdir(), 'atelier-bench-files-'));
  const server = await startServer(loadConfig({ PORT: '0', DATA_DIR: join(dir, 'atelier') }));
  const user = await createUser(server.db, { email: 'bench@example.ca', name: 'Bench', language: 'en', password: 'benchmark password', isManager: true });
  const cop = createCop(server.db, { name: 'Bench', areaOfInterest: 'Bench', language: 'en', createdBy: user.id });
  addMembership(server.context, { copId: cop.id, userId: user.id, role: 'member' });
  const cookie = `atelier_session=${server.context.sessions.create(user.id).token}`;

  const plainDir = join(dir, 'plain');
  mkdirSync(plainDir);
  const plain = createServer(async (req, res) => {
    const file = join(plainDir, 'blob');
    if (req.method === 'PUT') {
      await pipeline(req, createWriteStream(file));
      res.writeHead(201).end();
    } else {
      res.writeHead(200, { 'content-length': String(SIZE) });
      createReadStream(file).pipe(res);
    }
  });
  await new Promise<void>((r) => plain.listen(0, '127.0.0.1', r));
  const plainUrl = `http://127.0.0.1:${(plain.address() as AddressInfo).port}/blob`;

  const results = { atelierUp: [] as number[], atelierDown: [] as number[], plainUp: [] as number[], plainDown: [] as number[] };
  for (let i = 0; i < ROUNDS; i++) {
    const id = `benchfile${i.toString().padStart(4, '0')}${Date.now().toString(36)}`;
    const url = `${server.url}/api/cops/${cop.id}/files/${id}`;
    // Each round uploads different bytes so deduplication does not skip the write.
    body[100] = i;
    results.atelierUp.push(await time(async () => {
      const res = await fetch(url, { method: 'PUT', headers: { cookie, 'x-file-name': 'deck.pdf' }, body: new Uint8Array(body) });
      if (res.status !== 201) throw new Error(`upload ${res.status}`);
    }));
    results.atelierDown.push(await time(async () => {
      const res = await fetch(url, { headers: { cookie } });
      if ((await res.arrayBuffer()).byteLength !== SIZE) throw new Error('short download');
    }));
    results.plainUp.push(await time(async () => void (await fetch(plainUrl, { method: 'PUT', body: new Uint8Array(body) }))));
    results.plainDown.push(await time(async () => void (await (await fetch(plainUrl)).arrayBuffer())));
  }
  const row = (label: string, a: number[], p: number[]) =>
    `| ${label} | ${median(a).toFixed(0)} ms (${mbps(median(a)).toFixed(0)} MB/s) | ${median(p).toFixed(0)} ms (${mbps(median(p)).toFixed(0)} MB/s) | ${(median(a) / median(p)).toFixed(2)} |`;
  console.log(`25 MB file, median of ${ROUNDS} rounds on loopback`);
  console.log('| | Atelier (auth, sniffing, SHA-256, fsync-free rename) | plain Node stream to disk | ratio |');
  console.log('| --- | --- | --- | --- |');
  console.log(row('upload', results.atelierUp, results.plainUp));
  console.log(row('download', results.atelierDown, results.plainDown));
  plain.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}

void main();

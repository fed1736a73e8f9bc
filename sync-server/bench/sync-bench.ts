/**
 * `pnpm bench:sync`: Atelier's sync server (auth and durable SQLite persistence on) against the
 * reference `@y/websocket-server` 0.1.1 (in memory, no auth), each in its own child process on
 * loopback, under the same load of stock y-websocket clients driven from this process.
 *
 * Measured per server: fan-out latency (edit made → edit seen by each other client), server CPU
 * per delivered update (utime+stime from /proc over the load phase ÷ deliveries), RSS (idle, peak,
 * after the clients leave and documents unload), and the initial sync time of a 5,000-edit
 * document. Linux only (reads /proc). Settings: BENCH_CLIENTS, BENCH_DOCS, BENCH_EDITS,
 * BENCH_RATE (edits per second per client), BENCH_INITIAL_EDITS; BENCH_PROFILE_DIR for a CPU profile.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { AccessEvents } from '../src/accounts/access-events';
import { createCop } from '../src/accounts/cops';
import { newId } from '../src/accounts/ids';
import { addMembership } from '../src/accounts/memberships';
import { SessionStore } from '../src/accounts/sessions';
import { openDatabase } from '../src/db/database';

const env = (key: string, fallback: number) => Number(process.env[key] ?? fallback);
const CLIENTS = env('BENCH_CLIENTS', 50);
const DOCS = env('BENCH_DOCS', 10);
const EDITS = env('BENCH_EDITS', 200);
const RATE = env('BENCH_RATE', 10);
const INITIAL_EDITS = env('BENCH_INITIAL_EDITS', 5_000);
/** Atelier unloads documents this long after their last client leaves (the default is 30 s). */
const UNLOAD_DELAY_MS = 1_000;

const here = fileURLToPath(new URL('.', import.meta.url));
// The bundle `pnpm start` runs (built by `pnpm bench:sync` first): plain JavaScript, as in production.
const ATELIER_MAIN = join(here, '../dist/main.js');
const REFERENCE_MAIN = join(here, '../node_modules/@y/websocket-server/src/server.js');
const CLOCK_TICKS_PER_SECOND = 100;

interface Target {
  label: string;
  child: ChildProcess;
  wsBase: string;
  docName(i: number): string;
  headers: Record<string, string>;
  cleanup(): void;
}

/** Servers still running if this driver dies midway: they must not outlive it. */
const running = new Set<ChildProcess>();
process.on('exit', () => running.forEach((child) => child.kill('SIGKILL')));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const port = (probe.address() as { port: number }).port;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function waitForHttp(url: string, child: ChildProcess) {
  for (let i = 0; i < 400; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      await fetch(url);
      return;
    } catch {
      await sleep(50);
    }
  }
  throw new Error(`${url} did not answer`);
}

async function startAtelier(): Promise<Target> {
  const dataDir = mkdtempSync(join(tmpdir(), 'atelier-bench-'));
  const db = openDatabase(dataDir);
  const events = new AccessEvents();
  const userId = newId();
  db.prepare(
    `INSERT INTO users (id, email, email_key, name, language, password_hash, is_manager, created_at, password_changed_at)
     VALUES (?, ?, ?, 'Bench', 'en', 'not-a-hash', 0, ?, ?)`
  ).run(userId, `${userId}@example.ca`, `${userId}@example.ca`, Date.now(), Date.now());
  const cop = createCop(db, { name: 'Bench', areaOfInterest: 'Load', language: 'en', createdBy: userId });
  addMembership({ db, events }, { copId: cop.id, userId, role: 'member' });
  const { token } = new SessionStore(db, events).create(userId);
  db.close();
  const port = await freePort();
  // BENCH_PROFILE_DIR=/some/dir writes a V8 CPU profile of Atelier's server there.
  const profile = process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [];
  const child = spawn(process.execPath, [...profile, ATELIER_MAIN], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, ATELIER_QUIET: '1', SYNC_UNLOAD_DELAY_MS: String(UNLOAD_DELAY_MS), SYNC_FREE_FORM_DOCUMENTS: 'true' },
    stdio: ['ignore', 'ignore', 'inherit']
  });
  running.add(child);
  await waitForHttp(`http://127.0.0.1:${port}/healthz`, child);
  return {
    label: 'Atelier',
    child,
    wsBase: `ws://127.0.0.1:${port}/sync`,
    docName: (i) => `cop/${cop.id}/bench/d${i}`,
    headers: { cookie: `atelier_session=${token}` },
    cleanup: () => rmSync(dataDir, { recursive: true, force: true })
  };
}

async function startReference(): Promise<Target> {
  const port = await freePort();
  const child = spawn(process.execPath, [...(process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}/reference`, '--import', 'data:text/javascript,process.on("SIGTERM",()=>process.exit(0))'] : []), REFERENCE_MAIN], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'ignore', 'inherit']
  });
  running.add(child);
  await waitForHttp(`http://127.0.0.1:${port}/`, child);
  return { label: 'reference', child, wsBase: `ws://127.0.0.1:${port}`, docName: (i) => `bench-d${i}`, headers: {}, cleanup: () => {} };
}

function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  // After "pid (comm) ": state is field 3, so utime (14) and stime (15) are at 11 and 12 here.
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
}

/** CPU ms per thread (name from /proc comm), user and system apart: where a process's CPU goes. */
function threadCpu(pid: number): Map<string, { user: number; system: number }> {
  const out = new Map<string, { user: number; system: number }>();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replace(/\d+$/, '');
      const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ');
      const key = `${name}#${tid}`;
      const prev = out.get(key) ?? { user: 0, system: 0 };
      out.set(key, {
        user: prev.user + (Number(fields[11]) * 1000) / CLOCK_TICKS_PER_SECOND,
        system: prev.system + (Number(fields[12]) * 1000) / CLOCK_TICKS_PER_SECOND
      });
    } catch {
      // the thread ended meanwhile
    }
  }
  return out;
}

function memoryMiB(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const match = readFileSync(`/proc/${pid}/status`, 'utf8').match(new RegExp(`${field}:\\s+(\\d+) kB`));
  return Number(match![1]) / 1024;
}

function client(target: Target, docName: string) {
  const doc = new Y.Doc();
  const headers = target.headers;
  const Socket = class extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  };
  const provider = new WebsocketProvider(target.wsBase, docName, doc, { WebSocketPolyfill: Socket as never, disableBc: true });
  const synced = new Promise<void>((resolve) => (provider.synced ? resolve() : provider.once('sync', () => resolve())));
  return { doc, provider, synced };
}

const t0 = performance.now();
const log = (what: string) => process.env.BENCH_VERBOSE && console.log(`${((performance.now() - t0) / 1000).toFixed(1)}s ${what}`);

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

interface Result {
  p50: number;
  p95: number;
  p99: number;
  deliveries: number;
  expected: number;
  cpuPerDelivery: number;
  rssIdle: number;
  rssPeak: number;
  rssAfter: number;
  initialSyncWarm: number;
  initialSyncCold: number;
}

async function run(target: Target): Promise<Result> {
  const pid = target.child.pid!;
  await sleep(500);
  const rssIdle = memoryMiB(pid, 'VmRSS');

  // Fan-out: CLIENTS clients over DOCS documents, each making EDITS inserts at RATE per second.
  const clients = Array.from({ length: CLIENTS }, (_, i) => ({ index: i, ...client(target, target.docName(i % DOCS)) }));
  await Promise.all(clients.map((c) => c.synced));
  const sentAt: number[][] = clients.map(() => new Array<number>(EDITS));
  const latencies: number[] = [];
  for (const c of clients) {
    c.doc.getText('t').observe((event, transaction) => {
      if (transaction.local) return;
      const now = performance.now();
      for (const delta of event.delta) {
        if (typeof delta.insert !== 'string') continue;
        for (const m of delta.insert.matchAll(/(\d+)\.(\d+);/g)) latencies.push(now - sentAt[Number(m[1])]![Number(m[2])]!);
      }
    });
  }
  const cpuBefore = cpuMs(pid);
  const threadsBefore = threadCpu(pid);
  const interval = 1000 / RATE;
  await Promise.all(
    clients.map(async (c) => {
      await sleep(Math.random() * interval);
      const start = performance.now();
      for (let n = 0; n < EDITS; n++) {
        const text = c.doc.getText('t');
        sentAt[c.index]![n] = performance.now();
        text.insert(text.length, `${c.index}.${n};`);
        const next = start + (n + 1) * interval - performance.now();
        if (next > 0) await sleep(next);
      }
    })
  );
  const perDoc = CLIENTS / DOCS;
  const expected = CLIENTS * EDITS * (perDoc - 1);
  for (let i = 0; i < 100 && latencies.length < expected; i++) await sleep(50);
  const cpu = cpuMs(pid) - cpuBefore;
  log(`${target.label}: load phase done, ${latencies.length} deliveries`);
  for (const [name, after] of threadCpu(pid)) {
    const before = threadsBefore.get(name) ?? { user: 0, system: 0 };
    log(`  thread ${name}: user ${(after.user - before.user).toFixed(0)} ms, system ${(after.system - before.system).toFixed(0)} ms`);
  }
  const rssPeakLoad = memoryMiB(pid, 'VmHWM');
  for (const c of clients) c.provider.destroy();

  // Initial sync of a 5,000-edit document: written edit by edit, then opened by fresh clients.
  const writer = client(target, target.docName(DOCS + 1));
  await writer.synced;
  for (let i = 0; i < INITIAL_EDITS; i++) {
    writer.doc.getText('t').insert(writer.doc.getText('t').length, `e${i};`);
    if (i % 200 === 199) await sleep(100);
  }
  const expectedLength = writer.doc.getText('t').length;
  log(`${target.label}: 5,000 edits written`);
  const check = client(target, target.docName(DOCS + 1));
  for (let i = 0; i < 400 && check.doc.getText('t').length < expectedLength; i++) await sleep(25);
  check.provider.destroy();
  const timeReaders = async (waitBetween: number) => {
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      const reader = client(target, target.docName(DOCS + 1));
      await reader.synced;
      times.push(performance.now() - started);
      if (reader.doc.getText('t').length !== expectedLength) throw new Error(`${target.label}: initial sync incomplete`);
      reader.provider.destroy();
      await sleep(waitBetween);
    }
    return times.sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
  };
  // In memory: the writer is still there, as when someone joins a document others are editing.
  const initialSyncWarm = await timeReaders(100);
  writer.provider.destroy();
  // After everyone left: Atelier unloads the document first, so this is a load from SQLite; the
  // reference keeps every document in memory for ever.
  await sleep(UNLOAD_DELAY_MS + 500);
  const initialSyncCold = await timeReaders(UNLOAD_DELAY_MS + 500);

  log(`${target.label}: initial syncs done`);
  const rssPeak = Math.max(rssPeakLoad, memoryMiB(pid, 'VmHWM'));
  await sleep(1_000);
  const rssAfter = memoryMiB(pid, 'VmRSS');
  latencies.sort((a, b) => a - b);
  return {
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    deliveries: latencies.length,
    expected,
    cpuPerDelivery: cpu / latencies.length,
    rssIdle,
    rssPeak,
    rssAfter,
    initialSyncWarm,
    initialSyncCold
  };
}

async function stop(target: Target) {
  target.child.kill('SIGTERM');
  await new Promise((resolve) => (target.child.exitCode !== null ? resolve(null) : target.child.once('exit', resolve)));
  running.delete(target.child);
  target.cleanup();
}

async function main() {
  console.log(
    `Load: ${CLIENTS} clients over ${DOCS} documents, ${EDITS} inserts each at ${RATE}/s per client; initial sync of a ${INITIAL_EDITS}-edit document.`
  );
  const results: [string, Result][] = [];
  for (const start of [startReference, startAtelier]) {
    const target = await start();
    try {
      console.log(`running ${target.label}…`);
      results.push([target.label, await run(target)]);
    } finally {
      await stop(target);
    }
  }
  const ref = results.find(([l]) => l === 'reference')![1];
  const ate = results.find(([l]) => l === 'Atelier')![1];
  const rows: [string, (r: Result) => number, number][] = [
    ['fan-out latency p50 (ms)', (r) => r.p50, 2],
    ['fan-out latency p95 (ms)', (r) => r.p95, 2],
    ['fan-out latency p99 (ms)', (r) => r.p99, 2],
    ['server CPU per delivered update (ms)', (r) => r.cpuPerDelivery, 4],
    ['RSS idle (MiB)', (r) => r.rssIdle, 1],
    ['RSS peak (MiB)', (r) => r.rssPeak, 1],
    ['RSS after clients left and documents unloaded (MiB)', (r) => r.rssAfter, 1],
    [`initial sync of a ${INITIAL_EDITS}-edit document in memory, median of 5 (ms)`, (r) => r.initialSyncWarm, 1],
    [`initial sync of it after everyone left (Atelier: loaded from SQLite), median of 5 (ms)`, (r) => r.initialSyncCold, 1],
    ['updates delivered (of expected)', (r) => r.deliveries, 0]
  ];
  console.log('\n| measure | Atelier | reference | Atelier/reference |\n| --- | ---: | ---: | ---: |');
  for (const [label, get, digits] of rows) {
    const a = get(ate);
    const r = get(ref);
    const shown = label.startsWith('updates') ? `${a} / ${ate.expected}` : a.toFixed(digits);
    const shownRef = label.startsWith('updates') ? `${r} / ${ref.expected}` : r.toFixed(digits);
    console.log(`| ${label} | ${shown} | ${shownRef} | ${(a / r).toFixed(2)} |`);
  }
  // Providers leave process 'exit' hooks and closing sockets behind; the measurement is done.
  process.exit(0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

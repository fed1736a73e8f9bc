/**
 * `pnpm bench:editor`: how the notes/protocols editor copes with a big document, on the built app
 * in Debian's Chromium (flags of apps/web/playwright.config.ts) against the real server:
 *
 * - open a 50-page protocol with 20,000 edits of history from the server (empty device) and from
 *   IndexedDB (sync sockets cut), timed from the click on its link to its last paragraph on
 *   screen, with the longest main-thread task during the open;
 * - typing latency (keydown → next frame painted) while two other people type in the same
 *   protocol (stock y-websocket clients in this process, with their carets shown in the page).
 *
 * The protocol is made here with Yjs (one transaction per edit) and sent to the server through a
 * page's own websocket (same origin, session cookie), in batches below the 1 MiB frame limit.
 * Build first (`pnpm build`). Settings: BENCH_PAGES (50), BENCH_EDITS (20000), BENCH_KEYS (120),
 * BENCH_WRITERS (2); BENCH_PROFILE_DIR writes a V8 CPU profile of each phase there.
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

const PAGES = Number(process.env.BENCH_PAGES ?? 50);
const EDITS = Number(process.env.BENCH_EDITS ?? 20_000);
const KEYS = Number(process.env.BENCH_KEYS ?? 120);
const WRITERS = Number(process.env.BENCH_WRITERS ?? 2);
const PARAGRAPHS_PER_PAGE = 25; // about 500 words a page
const MARKER = 'End of the protocol: signatures follow.';
const root = fileURLToPath(new URL('../../../', import.meta.url));
const port = 4398;
const base = `http://127.0.0.1:${port}`;
const dataDir = mkdtempSync(join(tmpdir(), 'atelier-editor-bench-'));

const WORDS = 'the panel reviews each request within ten working days and records its decision in the register before notifying the applicant in the official language of their choice'.split(' ');
const sentence = (n: number, seed: number) => Array.from({ length: n }, (_, i) => WORDS[(seed * 7 + i * 3) % WORDS.length]).join(' ');

/** The protocol as Yjs updates (paragraph = <paragraph><XmlText/></paragraph>, as y-tiptap writes). */
function buildProtocol(): { batches: Uint8Array[]; bytes: number; paragraphs: number } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  const fragment = doc.getXmlFragment('content');
  const texts: Y.XmlText[] = [];
  for (let page = 0; page < PAGES; page++) {
    doc.transact(() => {
      const heading = new Y.XmlElement('heading');
      heading.setAttribute('level', 2 as never);
      const ht = new Y.XmlText();
      heading.insert(0, [ht]);
      fragment.push([heading]);
      ht.insert(0, `Section ${page + 1}`);
      for (let p = 0; p < PARAGRAPHS_PER_PAGE; p++) {
        const para = new Y.XmlElement('paragraph');
        const t = new Y.XmlText();
        para.insert(0, [t]);
        fragment.push([para]);
        t.insert(0, `${sentence(20, page * 100 + p)}.`);
        texts.push(t);
      }
    });
  }
  let seed = 1;
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  for (let i = 0; i < EDITS; i++) {
    const t = texts[rand(texts.length)]!;
    const kind = rand(10);
    doc.transact(() => {
      if (kind < 6 || t.length < 10) t.insert(rand(t.length + 1), `${WORDS[rand(WORDS.length)]} `);
      else if (kind < 9) t.delete(rand(t.length - 5), 1 + rand(4));
      else t.format(rand(t.length - 5), 4, { bold: {} });
    });
  }
  doc.transact(() => {
    const para = new Y.XmlElement('paragraph');
    const t = new Y.XmlText();
    para.insert(0, [t]);
    fragment.push([para]);
    t.insert(0, MARKER);
  });
  // Batches of merged updates, each well under the server's 1 MiB frame limit.
  const batches: Uint8Array[] = [];
  let current: Uint8Array[] = [];
  let size = 0;
  for (const u of updates) {
    current.push(u);
    size += u.length;
    if (size > 400_000) {
      batches.push(Y.mergeUpdates(current));
      current = [];
      size = 0;
    }
  }
  if (current.length) batches.push(Y.mergeUpdates(current));
  return { batches, bytes: Y.encodeStateAsUpdate(doc).length, paragraphs: texts.length + PAGES + 1 };
}

/** A y-protocols sync "update" message: messageSync(0), messageYjsUpdate(2), length-prefixed bytes. */
function updateMessage(update: Uint8Array): number[] {
  const out = [0, 2];
  let n = update.length;
  while (n > 127) {
    out.push((n & 127) | 128);
    n = Math.floor(n / 128);
  }
  out.push(n);
  return [...out, ...update];
}

const PROFILE_DIR = process.env.BENCH_PROFILE_DIR;

/** Starts a CPU profile of the page when BENCH_PROFILE_DIR is set; the returned stop writes it. */
async function profile(page: Page, name: string): Promise<() => Promise<void>> {
  if (!PROFILE_DIR) return async () => {};
  mkdirSync(PROFILE_DIR, { recursive: true });
  const browser = page.context().browser()!;
  // A trace as well: it shows each task with its style, layout and paint, which a CPU profile lumps together.
  await browser.startTracing(page, { path: join(PROFILE_DIR, `${name}.trace.json`), categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  return async () => {
    const { profile: result } = await cdp.send('Profiler.stop');
    writeFileSync(join(PROFILE_DIR, `${name}.cpuprofile`), JSON.stringify(result));
    await cdp.detach();
    await browser.stopTracing();
  };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? NaN;

async function waitForServer() {
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not start');
}

async function signIn(page: Page, email: string, password: string) {
  await page.goto(`${base}/sign-in`);
  await page.locator('input[type="email"]').fill(email);
  await page.locator('input[type="password"]').fill(password);
  await page.locator('form button[type="submit"]').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
}

/** Clicks the protocol's link and times until its last paragraph is on screen. */
async function timedOpen(page: Page, copId: string, protocolId: string, name: string): Promise<{ ms: number; longestTaskMs: number }> {
  await page.goto(`${base}/cops/${copId}/protocols`);
  await page.locator(`a[href$="/protocols/${protocolId}"]`).waitFor();
  await page.evaluate(() => {
    const w = window as unknown as { __longest: number };
    w.__longest = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longest = Math.max(w.__longest, e.duration);
    }).observe({ type: 'longtask' });
  });
  const stopProfile = await profile(page, name);
  const started = Date.now();
  await page.locator(`a[href$="/protocols/${protocolId}"]`).click();
  await page.locator('.ProseMirror p', { hasText: MARKER }).waitFor({ timeout: 120_000 });
  const ms = Date.now() - started;
  await stopProfile();
  const longestTaskMs = await page.evaluate(() => (window as unknown as { __longest: number }).__longest);
  return { ms, longestTaskMs };
}

/**
 * Another person typing in the protocol from their own device: a Y.Doc on the stock y-websocket
 * client, typing into one paragraph (as y-tiptap writes: the paragraph's XmlText) and moving their
 * caret there (awareness `cursor` as y-tiptap's caret plugin reads it).
 */
async function remoteWriter(serverUrl: string, docName: string, cookie: string, index: number) {
  const doc = new Y.Doc();
  const Socket = class extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers: { cookie, origin: base } });
    }
  };
  const provider = new WebsocketProvider(serverUrl, docName, doc, { WebSocketPolyfill: Socket as never, disableBc: true });
  await new Promise<void>((resolve) => (provider.synced ? resolve() : provider.once('sync', () => resolve())));
  const paragraph = doc.getXmlFragment('content').get(5 + index * 10) as Y.XmlElement;
  const text = paragraph.get(0) as Y.XmlText;
  let offset = Math.min(10, text.length);
  provider.awareness.setLocalStateField('user', { name: `Writer ${index + 1}`, color: index ? '#8a3b12' : '#2d5a1e' });
  const moveCaret = () => {
    const at = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(text, offset));
    provider.awareness.setLocalStateField('cursor', { anchor: at, head: at });
  };
  moveCaret();
  return {
    type(key: string) {
      text.insert(offset++, key);
      moveCaret();
    },
    close() {
      provider.destroy();
      doc.destroy();
    }
  };
}

async function main() {
  const server = spawn('node', ['--import', 'tsx', join(root, 'sync-server/src/main.ts')], {
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, ATELIER_QUIET: '1' },
    stdio: 'ignore'
  });
  let browser: Browser | undefined;
  try {
    await waitForServer();
    const email = `bench.${Date.now()}@example.ca`;
    const password = 'correct horse battery staple';
    execFileSync('pnpm', ['atelier', 'create-manager', '--email', email, '--password', password, '--name', 'Bench Manager'], { cwd: root, env: { ...process.env, DATA_DIR: dataDir }, stdio: 'pipe' });

    const started = Date.now();
    const protocol = buildProtocol();
    console.log(`protocol: ${protocol.paragraphs} blocks (${PAGES} pages), ${EDITS} edits, ${(protocol.bytes / 1024).toFixed(0)} KiB as one Yjs update; built in ${Date.now() - started} ms`);

    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
    });
    const owner = await browser.newContext({ serviceWorkers: 'block' });
    const page = await owner.newPage();
    await signIn(page, email, password);
    const cop = await page.request.post(`${base}/api/cops`, { data: { name: 'Bench COP', areaOfInterest: 'Benchmarks', language: 'en' } });
    const copId = ((await cop.json()) as { id: string }).id;
    await page.goto(`${base}/cops/${copId}/protocols`);
    await page.locator('.title-row button').click();
    await page.locator('#new-doc-title').fill('Fifty-page protocol');
    await page.locator('form.new-doc button[type="submit"]').click();
    await page.waitForURL(/\/protocols\/\w+$/);
    const protocolId = new URL(page.url()).pathname.split('/').pop()!;
    await page.locator('.ProseMirror').waitFor();
    await page.goto(`${base}/cops/${copId}/protocols`);

    // Send the protocol through a raw websocket of this page (same origin: the cookie goes along).
    await page.evaluate(
      async ({ url, batches }) => {
        const ws = new WebSocket(url);
        ws.binaryType = 'arraybuffer';
        await new Promise((resolve, reject) => {
          ws.onopen = resolve;
          ws.onerror = reject;
        });
        for (const b of batches) ws.send(new Uint8Array(b));
        await new Promise((r) => setTimeout(r, 3000));
        ws.close();
      },
      { url: `ws://127.0.0.1:${port}/sync/cop/${copId}/protocols/${protocolId}`, batches: protocol.batches.map(updateMessage) }
    );
    const storage = await owner.storageState();

    // From the server: a device that has never seen the protocol.
    const fresh = await browser.newContext({ serviceWorkers: 'block', storageState: storage });
    const freshPage = await fresh.newPage();
    const fromServer = await timedOpen(freshPage, copId, protocolId, 'open-from-server');
    await freshPage.locator('.doc-status [data-state="saved"]').waitFor({ timeout: 60_000 });
    // From IndexedDB: the same device again, with its sync sockets cut.
    await fresh.routeWebSocket(/\/sync\/cop\/[^/]+\/protocols\//, (ws) => ws.close({ code: 1001, reason: 'bench: offline' }));
    const fromDevice = await timedOpen(freshPage, copId, protocolId, 'open-from-indexeddb');
    console.log(`open from the server:  ${fromServer.ms} ms to the last paragraph (longest main-thread task ${fromServer.longestTaskMs.toFixed(0)} ms)`);
    console.log(`open from IndexedDB:   ${fromDevice.ms} ms to the last paragraph (longest main-thread task ${fromDevice.longestTaskMs.toFixed(0)} ms)`);
    await fresh.close();

    // Typing with two remote writers active: other people's devices, so they run here (Yjs and
    // the stock y-websocket client, with named carets), not as more Chromium tabs competing for
    // this machine's two cores.
    const cookie = storage.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const writers = await Promise.all(
      Array.from({ length: WRITERS }, (_, i) => remoteWriter(`ws://127.0.0.1:${port}/sync`, `cop/${copId}/protocols/${protocolId}`, cookie, i))
    );
    await page.goto(`${base}/cops/${copId}/protocols/${protocolId}`);
    await page.locator('.ProseMirror p', { hasText: MARKER }).waitFor({ timeout: 120_000 });
    await page.locator('.ProseMirror p', { hasText: MARKER }).click();
    await page.keyboard.press('End');
    await page.evaluate(() => {
      const w = window as unknown as { __lat: number[] };
      w.__lat = [];
      document.addEventListener(
        'keydown',
        () => {
          const t0 = performance.now();
          requestAnimationFrame(() => setTimeout(() => w.__lat.push(performance.now() - t0), 0));
        },
        true
      );
    });
    let writing = true;
    const remote = writers.map(async (w) => {
      let n = 0;
      while (writing) {
        w.type(n++ % 8 === 7 ? ' ' : 'w');
        await new Promise((r) => setTimeout(r, 100));
      }
      return n;
    });
    const stopProfile = await profile(page, 'typing');
    await page.keyboard.type('x'.repeat(KEYS), { delay: 60 });
    await new Promise((r) => setTimeout(r, 500));
    await stopProfile();
    writing = false;
    const remoteKeys = (await Promise.all(remote)).reduce((a, b) => a + b, 0);
    writers.forEach((w) => w.close());
    const lat = await page.evaluate(() => (window as unknown as { __lat: number[] }).__lat);
    console.log(
      `typing with ${WRITERS} remote writers (${remoteKeys} remote keystrokes meanwhile): keydown → next frame median ${median(lat).toFixed(1)} ms, p95 ${pct(lat, 0.95).toFixed(1)} ms, max ${Math.max(...lat).toFixed(1)} ms over ${lat.length} keys`
    );
  } finally {
    await browser?.close();
    server.kill('SIGTERM');
  }
}

await main();

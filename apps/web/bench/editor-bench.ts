/**
 * `pnpm bench:editor`: how the notes/protocols editor copes with a big document, on the built app
 * in Debian's Chromium (flags of apps/web/playwright.config.ts) against the real server:
 *
 * - open a 50-page protocol with 20,000 edits of history from the server (empty device) and from
 *   IndexedDB (sync sockets cut), timed from the click on its link to its last paragraph on
 *   screen, with the longest main-thread task during the open;
 * - one person: typing latency (keydown → next frame painted) while two other people type in the
 *   same protocol (stock y-websocket clients in this process, with their carets shown in the page);
 * - two people (issue 21): a member and the manager, each in their own Chromium context, both
 *   typing at BENCH_DUO_RATE keys a second a few lines apart in a 30-page protocol; keystroke on
 *   one screen → painted on the other, and on their own screen (two-person-typing.ts).
 *
 * Protocols are made here with Yjs (protocol-builder.ts) and sent to the server through a page's
 * own websocket. Build first (`pnpm build`). Settings: BENCH_PORT (4398), BENCH_PAGES (50),
 * BENCH_EDITS (20000), BENCH_KEYS (120), BENCH_WRITERS (2), BENCH_DUO_PAGES (30), BENCH_DUO_EDITS
 * (5000), BENCH_DUO_KEYS (150 each), BENCH_DUO_RATE (15), BENCH_ONLY (`duo` runs the two-person
 * case alone); BENCH_PROFILE_DIR writes a V8 CPU profile and a trace of each phase there (and the
 * server's CPU profile when it stops).
 */
import type { Browser, Page } from '@playwright/test';
import { availableParallelism, loadavg } from 'node:os';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { createProtocol, launchChromium, median, pct, profile, sendUpdates, signIn, startServer } from './bench-kit';
import { buildProtocol } from './protocol-builder';
import { SOCKET_STAMPS, twoPersonTyping, type Figures, type TwoPersonResult } from './two-person-typing';

const PAGES = Number(process.env.BENCH_PAGES ?? 50);
const EDITS = Number(process.env.BENCH_EDITS ?? 20_000);
const KEYS = Number(process.env.BENCH_KEYS ?? 120);
const WRITERS = Number(process.env.BENCH_WRITERS ?? 2);
const DUO_PAGES = Number(process.env.BENCH_DUO_PAGES ?? 30);
const DUO_EDITS = Number(process.env.BENCH_DUO_EDITS ?? 5_000);
const DUO_KEYS = Number(process.env.BENCH_DUO_KEYS ?? 150);
const DUO_RATE = Number(process.env.BENCH_DUO_RATE ?? 15);
const ONLY = process.env.BENCH_ONLY;
const MARKER = 'End of the protocol: signatures follow.';
const port = Number(process.env.BENCH_PORT ?? 4398);
const PASSWORD = 'correct horse battery staple';

/** Clicks the protocol's link and times until its last paragraph is on screen. */
async function timedOpen(page: Page, base: string, copId: string, protocolId: string, name: string): Promise<{ ms: number; longestTaskMs: number }> {
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
async function remoteWriter(base: string, docName: string, cookie: string, index: number) {
  const doc = new Y.Doc();
  const Socket = class extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers: { cookie, origin: base } });
    }
  };
  const provider = new WebsocketProvider(`${base.replace('http', 'ws')}/sync`, docName, doc, { WebSocketPolyfill: Socket as never, disableBc: true });
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

/** The 50-page protocol: opening it (server, IndexedDB), then typing while writers type in it. */
async function onePerson(browser: Browser, page: Page, base: string, copId: string): Promise<Figures> {
  const protocolId = await createProtocol(page, base, copId, 'Fifty-page protocol');
  await page.goto(`${base}/cops/${copId}/protocols`);
  const started = Date.now();
  const protocol = buildProtocol({ pages: PAGES, edits: EDITS, text: 'register', marker: MARKER });
  console.log(`protocol: ${protocol.blocks} blocks (${PAGES} pages), ${EDITS} edits, ${(protocol.bytes / 1024).toFixed(0)} KiB as one Yjs update; built in ${Date.now() - started} ms`);
  await sendUpdates(page, `${base.replace('http', 'ws')}/sync/cop/${copId}/protocols/${protocolId}`, protocol.batches);
  const storage = await page.context().storageState();

  // From the server: a device that has never seen the protocol.
  const fresh = await browser.newContext({ serviceWorkers: 'block', storageState: storage });
  const freshPage = await fresh.newPage();
  const fromServer = await timedOpen(freshPage, base, copId, protocolId, 'open-from-server');
  await freshPage.locator('.doc-status [data-state="saved"]').waitFor({ timeout: 60_000 });
  // From IndexedDB: the same device again, with its sync sockets cut.
  await fresh.routeWebSocket(/\/sync\/cop\/[^/]+\/protocols\//, (ws) => ws.close({ code: 1001, reason: 'bench: offline' }));
  const fromDevice = await timedOpen(freshPage, base, copId, protocolId, 'open-from-indexeddb');
  console.log(`open from the server:  ${fromServer.ms} ms to the last paragraph (longest main-thread task ${fromServer.longestTaskMs.toFixed(0)} ms)`);
  console.log(`open from IndexedDB:   ${fromDevice.ms} ms to the last paragraph (longest main-thread task ${fromDevice.longestTaskMs.toFixed(0)} ms)`);
  await fresh.close();

  // Typing with two remote writers active: other people's devices, so they run here (Yjs and
  // the stock y-websocket client, with named carets), not as more Chromium tabs competing for
  // this machine's two cores.
  const cookie = storage.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const writers = await Promise.all(Array.from({ length: WRITERS }, (_, i) => remoteWriter(base, `cop/${copId}/protocols/${protocolId}`, cookie, i)));
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
  return { median: median(lat), p95: pct(lat, 0.95), max: Math.max(...lat), count: lat.length };
}

/** A member of the COP, invited by the manager, signed in in a context of their own. */
async function member(browser: Browser, manager: Page, base: string, copId: string) {
  const invitation = await manager.request.post(`${base}/api/cops/${copId}/invitations`, { data: { role: 'member' } });
  const { token } = (await invitation.json()) as { token: string };
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const email = `member.${Date.now()}@example.ca`;
  const accepted = await page.request.post(`${base}/api/invitations/${token}/accept`, { data: { name: 'Priya Singh', email, password: PASSWORD } });
  if (!accepted.ok()) throw new Error(`accepting the invitation: ${accepted.status()} ${await accepted.text()}`);
  await signIn(page, base, email, PASSWORD);
  return { context, page };
}

/** The 30-page protocol, the manager and a member typing in it at once on their own devices. */
async function twoPeople(browser: Browser, managerPage: Page, base: string, copId: string): Promise<TwoPersonResult> {
  const lines = ['Note from the facilitator on this section:', 'Note from the member on this section:'];
  const protocolId = await createProtocol(managerPage, base, copId, 'Thirty-page protocol');
  await managerPage.goto(`${base}/cops/${copId}/protocols`);
  const protocol = buildProtocol({ pages: DUO_PAGES, edits: DUO_EDITS, text: 'varied', marker: MARKER, middleLines: [lines[0]!, ...[1, 2].map((i) => `Line ${i} between the notes.`), lines[1]!] });
  console.log(`two-person protocol: ${protocol.blocks} blocks (${DUO_PAGES} pages), ${DUO_EDITS} edits, ${(protocol.bytes / 1024).toFixed(0)} KiB as one Yjs update`);
  await sendUpdates(managerPage, `${base.replace('http', 'ws')}/sync/cop/${copId}/protocols/${protocolId}`, protocol.batches);
  const other = await member(browser, managerPage, base, copId);
  const url = `${base}/cops/${copId}/protocols/${protocolId}`;
  for (const page of [managerPage, other.page]) {
    await page.context().addInitScript(SOCKET_STAMPS);
    await page.goto(url);
    await page.locator('.ProseMirror p', { hasText: MARKER }).waitFor({ timeout: 120_000 });
  }
  const result = await twoPersonTyping({ context: managerPage.context(), page: managerPage, line: lines[0]! }, { context: other.context, page: other.page, line: lines[1]! }, DUO_KEYS, DUO_RATE);
  await other.context.close();
  return result;
}

const row = (name: string, f: Figures) => `${name.padEnd(44)} ${f.median.toFixed(1).padStart(8)} ${f.p95.toFixed(1).padStart(8)} ${f.max.toFixed(1).padStart(8)} ${String(f.count).padStart(6)}`;

async function main() {
  const server = await startServer(port);
  let browser: Browser | undefined;
  try {
    const email = `bench.${Date.now()}@example.ca`;
    server.createManager(email, PASSWORD, 'Bench Manager');
    browser = await launchChromium();
    const owner = await browser.newContext({ serviceWorkers: 'block' });
    const page = await owner.newPage();
    await signIn(page, server.base, email, PASSWORD);
    const cop = await page.request.post(`${server.base}/api/cops`, { data: { name: 'Bench COP', areaOfInterest: 'Benchmarks', language: 'en' } });
    const copId = ((await cop.json()) as { id: string }).id;

    const loadBefore = loadavg()[0]!;
    const one = ONLY === 'duo' ? undefined : await onePerson(browser, page, server.base, copId);
    const two = await twoPeople(browser, page, server.base, copId);
    // The figures depend on what else the machine runs: say how busy it was.
    console.log(`\nmachine: ${availableParallelism()} cores, load average ${loadBefore.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after`);
    console.log(`keystroke latency, ms (2 people at ${DUO_RATE} keys/s each, ${DUO_PAGES}-page protocol; clocks of the two pages ${two.clockSkewMs.toFixed(2)} ms apart)`);
    console.log(`${''.padEnd(44)} ${'median'.padStart(8)} ${'p95'.padStart(8)} ${'max'.padStart(8)} ${'keys'.padStart(6)}`);
    if (one) console.log(row(`one person, own screen (${PAGES} pages, ${WRITERS} writers)`, one));
    console.log(row('two people, own screen', two.ownScreen));
    console.log(row('two people, other screen', two.otherScreen));
    console.log(row('  manager → member', two.directions[0]));
    console.log(row('  member → manager', two.directions[1]));
    console.log(row('  key → update sent (typing page)', two.stages.toSocket));
    console.log(row('  sent → received (server stores, relays)', two.stages.throughServer));
    console.log(row('  received → painted (other page)', two.stages.toPaint));
  } finally {
    await browser?.close();
    server.stop();
  }
}

await main();

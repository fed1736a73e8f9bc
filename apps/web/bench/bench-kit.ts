/**
 * What the editor benchmarks share: the real server as a child process on a throw-away DATA_DIR,
 * Debian's Chromium with the flags of apps/web/playwright.config.ts, signing in, percentiles,
 * CPU profiles and traces (BENCH_PROFILE_DIR), and sending Yjs updates through a page's own
 * websocket (same origin, so the session cookie goes along).
 */
import { chromium, type Browser, type Page } from '@playwright/test';
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../../../', import.meta.url));
export const PROFILE_DIR = process.env.BENCH_PROFILE_DIR;

export interface BenchServer {
  base: string;
  port: number;
  /** Creates a programme manager with the CLI (as an operator would). */
  createManager(email: string, password: string, name: string): void;
  stop(): void;
}

/** The sync server from source on `port`; with BENCH_PROFILE_DIR it writes a V8 CPU profile on exit. */
export async function startServer(port: number): Promise<BenchServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'atelier-editor-bench-'));
  const base = `http://127.0.0.1:${port}`;
  // One profile per thread (CPU.….cpuprofile): the server's main thread, the SQLite writer, tsx's loader.
  const profileArgs = PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [];
  if (PROFILE_DIR) mkdirSync(PROFILE_DIR, { recursive: true });
  const server = spawn('node', [...profileArgs, '--import', 'tsx', join(root, 'sync-server/src/main.ts')], {
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, ATELIER_QUIET: '1' },
    stdio: 'ignore'
  });
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {
      // not up yet
    }
    if (i > 300) throw new Error('server did not start');
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    base,
    port,
    createManager(email, password, name) {
      execFileSync('pnpm', ['atelier', 'create-manager', '--email', email, '--password', password, '--name', name], { cwd: root, env: { ...process.env, DATA_DIR: dataDir }, stdio: 'pipe' });
    },
    stop: () => server.kill('SIGTERM')
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
  });
}

export async function signIn(page: Page, base: string, email: string, password: string) {
  await page.goto(`${base}/sign-in`);
  await page.locator('input[type="email"]').fill(email);
  await page.locator('input[type="password"]').fill(password);
  await page.locator('form button[type="submit"]').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/sign-in'));
}

/** Creates a protocol from the protocols page and returns its id (the editor is open on it). */
export async function createProtocol(page: Page, base: string, copId: string, title: string): Promise<string> {
  await page.goto(`${base}/cops/${copId}/protocols`);
  await page.locator('.title-row button').click();
  await page.locator('#new-doc-title').fill(title);
  await page.locator('form.new-doc button[type="submit"]').click();
  await page.waitForURL(/\/protocols\/\w+$/);
  const protocolId = new URL(page.url()).pathname.split('/').pop()!;
  await page.locator('.ProseMirror').waitFor();
  return protocolId;
}

export const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
export const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? NaN;

/** Starts a CPU profile and a trace of the page when BENCH_PROFILE_DIR is set; the returned stop writes them. */
export async function profile(page: Page, name: string): Promise<() => Promise<void>> {
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

/** Sends Yjs updates to a document through a raw websocket of this page (same origin: the cookie goes along). */
export async function sendUpdates(page: Page, url: string, updates: Uint8Array[]) {
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
    { url, batches: updates.map(updateMessage) }
  );
}

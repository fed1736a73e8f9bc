// Measures the JavaScript a first visit to a page downloads: starts the real server on the built
// app, opens the page in Debian's Chromium, and sums the gzip size of every script it fetched.
// Usage: node scripts/measure-first-load.mjs [path ...]   (build first: pnpm build)
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';

const root = new URL('..', import.meta.url).pathname;
const port = 4399;
const server = spawn('node', ['--import', 'tsx', join(root, 'sync-server/src/main.ts')], {
  env: { ...process.env, PORT: String(port), DATA_DIR: mkdtempSync(join(tmpdir(), 'atelier-size-')), ATELIER_QUIET: '1' },
  stdio: 'ignore'
});
for (let i = 0; i < 100; i++) {
  try {
    if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) break;
  } catch {
    await new Promise((r) => setTimeout(r, 100));
  }
}
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
});
try {
  for (const path of process.argv.slice(2).length ? process.argv.slice(2) : ['/']) {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    const scripts = new Map();
    page.on('response', async (res) => {
      if (res.request().resourceType() === 'script' || res.url().endsWith('.js')) {
        const body = await res.body().catch(() => Buffer.alloc(0));
        scripts.set(res.url(), { raw: body.length, gzip: gzipSync(body, { level: 9 }).length });
      }
    });
    await page.goto(`http://127.0.0.1:${port}${path}`, { waitUntil: 'networkidle' });
    const total = [...scripts.values()].reduce((s, x) => ({ raw: s.raw + x.raw, gzip: s.gzip + x.gzip }), { raw: 0, gzip: 0 });
    console.log(`${path}: ${scripts.size} scripts, ${(total.raw / 1024).toFixed(1)} KiB raw, ${(total.gzip / 1024).toFixed(1)} KiB gzip`);
    await context.close();
  }
} finally {
  await browser.close();
  server.kill('SIGTERM');
}

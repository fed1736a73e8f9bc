// `pnpm test`: every test — unit and API tests (vitest), then browser tests (Playwright against
// the real server serving a fresh build) — and one closing line "N passed, N failed".
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const reports = join(root, '.tmp/test-reports');
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });

function run(cmd, args, env = {}) {
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(join(reports, file), 'utf8'));
  } catch {
    return undefined;
  }
}

let failedSteps = 0;
failedSteps += run('node', ['scripts/ensure-chromium.mjs']) === 0 ? 0 : 1;
failedSteps += run('pnpm', ['--filter', '@atelier/web', 'build']) === 0 ? 0 : 1;
const unit = run('pnpm', ['exec', 'vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${join(reports, 'vitest.json')}`]);
// Browser tests in E2E_SHARDS processes at once (default 2), each with its own server, port and
// data folder, so no test sees another's state: most of their time is spent waiting (typing at
// human speed, sync round trips), not computing, so two run in little more than the time of one.
const shards = Math.max(1, Number(process.env.E2E_SHARDS ?? 2));
const basePort = Number(process.env.E2E_PORT ?? 4317);
function runShard(index) {
  return new Promise((resolve) => {
    const args = ['exec', 'playwright', 'test', '-c', 'apps/web/playwright.config.ts', ...(shards > 1 ? [`--shard=${index}/${shards}`] : [])];
    const child = spawn('pnpm', args, {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        E2E_PORT: String(basePort + index - 1),
        ATELIER_E2E_DATA_DIR: join(root, `.tmp/e2e-data-shard-${index}`),
        PLAYWRIGHT_JSON_OUTPUT_NAME: join(reports, `playwright-${index}.json`)
      }
    });
    const prefix = shards > 1 ? `[${index}/${shards}] ` : '';
    for (const stream of [child.stdout, child.stderr]) {
      let rest = '';
      stream.on('data', (chunk) => {
        const lines = (rest + chunk).split('\n');
        rest = lines.pop() ?? '';
        for (const line of lines) process.stdout.write(`${prefix}${line}\n`);
      });
      stream.on('end', () => rest && process.stdout.write(`${prefix}${rest}\n`));
    }
    child.on('close', (code) => resolve(code ?? 1));
  });
}
const codes = await Promise.all(Array.from({ length: shards }, (_, i) => runShard(i + 1)));
const e2e = codes.some((c) => c !== 0) ? 1 : 0;

const v = readJson('vitest.json');
const shardReports = Array.from({ length: shards }, (_, i) => readJson(`playwright-${i + 1}.json`));
// A shard that wrote no report counts as one failure below.
const p = shardReports.every(Boolean)
  ? { stats: shardReports.reduce((sum, r) => ({ expected: sum.expected + (r.stats?.expected ?? 0), unexpected: sum.unexpected + (r.stats?.unexpected ?? 0) }), { expected: 0, unexpected: 0 }) }
  : undefined;
const passed = (v?.numPassedTests ?? 0) + (p?.stats?.expected ?? 0);
// A runner that wrote no report counts as one failure: it did not run to the end.
const failed = (v ? v.numFailedTests : 1) + (p ? (p.stats?.unexpected ?? 0) : 1) + failedSteps;
console.log(`\nunit: ${v?.numPassedTests ?? 0} passed; browser: ${p?.stats?.expected ?? 0} passed`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(unit !== 0 || e2e !== 0 || failedSteps ? 1 : 0);

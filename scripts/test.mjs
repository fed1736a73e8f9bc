// `pnpm test`: every test — unit and API tests (vitest), then browser tests (Playwright against
// the real server serving a fresh build) — and one closing line "N passed, N failed".
import { spawnSync } from 'node:child_process';
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
const e2e = run('pnpm', ['exec', 'playwright', 'test', '-c', 'apps/web/playwright.config.ts'], {
  PLAYWRIGHT_JSON_OUTPUT_NAME: join(reports, 'playwright.json')
});

const v = readJson('vitest.json');
const p = readJson('playwright.json');
const passed = (v?.numPassedTests ?? 0) + (p?.stats?.expected ?? 0);
// A runner that wrote no report counts as one failure: it did not run to the end.
const failed = (v ? v.numFailedTests : 1) + (p ? (p.stats?.unexpected ?? 0) : 1) + failedSteps;
console.log(`\nunit: ${v?.numPassedTests ?? 0} passed; browser: ${p?.stats?.expected ?? 0} passed`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(unit !== 0 || e2e !== 0 || failedSteps ? 1 : 0);

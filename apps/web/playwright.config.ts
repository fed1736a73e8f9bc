// Browser tests: Debian's Chromium against the real sync server serving the real build.
import { defineConfig, devices } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import { E2E_LOCALE, E2E_TIME_ZONE } from './e2e/support/place-and-clock';

const root = fileURLToPath(new URL('../..', import.meta.url));
export const E2E_PORT = Number(process.env.E2E_PORT ?? 4317);
/** One data folder per run; parallel runs (several people on one machine) set their own port and folder. */
export const E2E_DATA_DIR = process.env.ATELIER_E2E_DATA_DIR ?? `${root}.tmp/e2e-data-${E2E_PORT}`;
// Test workers read it too (support/accounts.ts runs the admin CLI against the same folder).
process.env.ATELIER_E2E_DATA_DIR = E2E_DATA_DIR;

export default defineConfig({
  testDir: './e2e',
  testMatch: '**/*.e2e.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [['list'], ['json', { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? `${root}.tmp/test-reports/playwright.json` }]],
  outputDir: `${root}.tmp/e2e-results-${E2E_PORT}`,
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}`,
    trace: 'retain-on-failure',
    // Fixed, so no test depends on the CI machine's zone or language (e2e/support/place-and-clock.ts).
    timezoneId: E2E_TIME_ZONE,
    locale: E2E_LOCALE,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync'
      ]
    }
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  webServer: {
    command: `rm -rf "${E2E_DATA_DIR}" && node scripts/start.mjs`,
    cwd: root,
    url: `http://127.0.0.1:${E2E_PORT}/healthz`,
    reuseExistingServer: false,
    timeout: 180_000,
    env: { PORT: String(E2E_PORT), HOST: '127.0.0.1', DATA_DIR: E2E_DATA_DIR, ATELIER_QUIET: '1' },
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 }
  }
});

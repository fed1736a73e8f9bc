// Every unit and API test in the workspace, run by `pnpm test:unit` (and by `pnpm test`).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: ['apps/web/vitest.config.ts', 'packages/*/vitest.config.ts', 'sync-server/vitest.config.ts']
  }
});

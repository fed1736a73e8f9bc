// Server tests: real Hono server on port 0, real SQLite in a temporary DATA_DIR, real sockets.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'sync-server',
    include: ['src/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000
  }
});

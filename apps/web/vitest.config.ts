// Unit tests of the web app's plain TypeScript (no SvelteKit plugin needed to run them).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'web',
    include: ['src/**/*.test.ts'],
    environment: 'node'
  }
});

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { name: 'rich-text', include: ['src/**/*.test.ts'], environment: 'node' }
});

import { defineConfig } from 'vitest/config';

// Unit tests run in Node. Playwright specs live in e2e/ and must never be picked up here.
export default defineConfig({
  test: {
    include: ['{common,converters,main,preload,renderer,scripts,bench}/**/*.test.ts'],
    exclude: ['e2e/**', 'node_modules/**', 'out/**'],
    environment: 'node',
    testTimeout: 20000,
  },
});

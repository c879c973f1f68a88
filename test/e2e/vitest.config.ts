import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

// End-to-end: the built renderer in headless Chromium against serve mode + the simulator.
export default defineConfig({
  root: resolve(__dirname, '../..'),
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['test/e2e/helpers/build-renderer.ts'],
    testTimeout: 90_000,
    hookTimeout: 180_000,
    pool: 'forks',
    poolOptions: { forks: { singleFork: true } }, // one Chromium at a time; software GL is CPU-bound
    reporters: ['default'],
  },
});

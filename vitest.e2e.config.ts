import { defineConfig } from 'vitest/config';

// One browser per file, files one after another: 2 cores do not fit two Chromiums well.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});

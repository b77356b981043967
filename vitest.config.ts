import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{src,popup,library,ui,content,reader,background,test,scripts}/**/*.test.{ts,tsx}'],
    exclude: ['e2e/**', 'node_modules/**', 'dist/**'],
    environment: 'jsdom',
    // Vitest's default leaves a core free (one worker on a 2-core machine); the unit files are independent, use both.
    maxWorkers: 2,
  },
});

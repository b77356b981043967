import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['{src,popup,library,ui,content,reader,background,test,scripts}/**/*.test.{ts,tsx}'],
    exclude: ['e2e/**', 'node_modules/**', 'dist/**'],
    environment: 'jsdom',
  },
});

import { defineConfig } from 'vite';

export default defineConfig({
  publicDir: false,
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: ['chrome120', 'firefox128'],
    lib: { entry: 'content/index.ts', formats: ['iife'], name: 'qariContent', fileName: () => 'content.js' },
  },
});

import { defineConfig } from 'vite';

/** The library filler (bench/library-fill.ts) as one IIFE, evaluated in an extension page. Built by run.ts. */
export default defineConfig({
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: 'out/bench',
    emptyOutDir: false,
    target: ['chrome120'],
    lib: { entry: 'bench/library-fill.ts', formats: ['iife'], name: 'qariFill', fileName: () => 'library-fill.js' },
  },
});

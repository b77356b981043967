import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

/**
 * library.html, built on its own after the main build (into the same dist/). In the main build it would
 * share chunks with the popup: Rolldown splits code by which pages use it, and the popup's code at open
 * went from one set of chunks to a dozen smaller ones that gzip worse (33.3 KB gz against the 30 KB
 * budget, measured 2026-12-07). Built apart, the page carries its own copy of Preact and the library code
 * (about 15 KB gz, read from disk) and the popup's chunks are as before.
 */
export default defineConfig({
  plugins: [preact()],
  publicDir: false,
  // The page parses imports in a module worker (library/parse-worker.ts).
  worker: { format: 'es' },
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    target: ['chrome120', 'firefox128'],
    modulePreload: false,
    sourcemap: false,
    rollupOptions: { input: { library: 'library.html' } },
  },
});

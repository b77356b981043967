import { defineConfig } from 'vite';

// The command-line extractor (scripts/extract.ts) compiled for Node: `npm run -s extract` starts in a fraction of
// the ~5 s that tsx took to compile it at every run. Dependencies stay in node_modules (an SSR build leaves them
// external).
export default defineConfig({
  publicDir: false,
  build: {
    ssr: 'scripts/extract.ts',
    outDir: 'dist-cli',
    emptyOutDir: true,
    target: 'node20',
    rollupOptions: { output: { entryFileNames: 'extract.js' } },
  },
});

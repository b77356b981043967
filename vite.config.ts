import preact from '@preact/preset-vite';
import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vite';

/** manifest.json lives at the top level (one manifest for Chrome and Firefox); copy it into the build. */
function manifest(): Plugin {
  return {
    name: 'qari-manifest',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'manifest.json', source: readFileSync('manifest.json', 'utf8') });
    },
  };
}

// Extension pages and the service worker: one ES-module build. The content script is a separate IIFE
// build (vite.content.config.ts): a classic script injected with scripting.executeScript cannot import. The
// library page is a build of its own too (vite.library.config.ts), so it shares no chunk with the popup.
export default defineConfig({
  plugins: [preact(), manifest()],
  publicDir: 'public',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: ['chrome120', 'firefox128'],
    modulePreload: false,
    sourcemap: false,
    rollupOptions: {
      input: {
        popup: 'popup.html',
        reader: 'reader.html',
        saved: 'saved.html',
        offscreen: 'offscreen.html',
        background: 'background/index.ts',
      },
      output: {
        entryFileNames: (chunk) => (chunk.name === 'background' ? 'background.js' : 'assets/[name]-[hash].js'),
      },
    },
  },
});

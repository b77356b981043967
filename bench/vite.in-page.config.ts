import { defineConfig } from 'vite';

/**
 * The extraction benchmark's page bundle (bench/in-page.ts), one IIFE like content.js and with the same target,
 * injected into fixture pages with page.addScriptTag. Built by bench/run.ts into out/bench/.
 */
export default defineConfig({
  publicDir: false,
  logLevel: 'warn',
  build: {
    outDir: 'out/bench',
    emptyOutDir: false,
    target: ['chrome120', 'firefox128'],
    lib: { entry: 'bench/in-page.ts', formats: ['iife'], name: 'qariBench', fileName: () => 'in-page.js' },
  },
});

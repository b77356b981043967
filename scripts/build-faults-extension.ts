import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

/**
 * The e2e fault build: the extension built again in mode 'e2e-faults' into out/dist-faults/, which compiles in
 * src/library/injected-fault.ts (a test sets `globalThis.__qariFaults` in the service worker). `npm run build`
 * (mode 'production', dist/) never contains it. Used by e2e/library-storage-full.e2e.test.ts:
 *   npx tsx scripts/build-faults-extension.ts [outDir]
 */
export async function buildFaultsExtension(outDir = 'out/dist-faults'): Promise<string> {
  const out = resolve(outDir);
  const options = { mode: 'e2e-faults', logLevel: 'warn' as const };
  await build({ ...options, build: { outDir: out, emptyOutDir: true } });
  await build({ ...options, configFile: 'vite.library.config.ts', build: { outDir: out, emptyOutDir: false } });
  await build({ ...options, configFile: 'vite.content.config.ts', build: { outDir: out, emptyOutDir: false } });
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(await buildFaultsExtension(process.argv[2]));
}

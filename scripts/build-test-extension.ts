import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The Firefox e2e variant of the built extension: dist/ copied to out/dist-firefox-test/ with one addition,
 * `host_permissions: ["http://127.0.0.1/*"]`. An automated Firefox test cannot click the toolbar button, so
 * activeTab is never granted there; the test server's origin is granted instead. The production manifest
 * (manifest.json, dist/) keeps no host permission. Run after `npm run build`:
 *   npx tsx scripts/build-test-extension.ts [outDir]
 */

export const TEST_HOSTS = ['http://127.0.0.1/*'];

export function buildTestExtension(
  from = 'dist',
  to = 'out/dist-firefox-test',
  hosts: readonly string[] = TEST_HOSTS,
): string {
  const src = resolve(from);
  const out = resolve(to);
  if (!existsSync(resolve(src, 'manifest.json'))) throw new Error(`${src}/manifest.json is missing: run npm run build`);
  rmSync(out, { recursive: true, force: true });
  cpSync(src, out, { recursive: true });
  const manifest = JSON.parse(readFileSync(resolve(out, 'manifest.json'), 'utf8')) as { host_permissions?: string[] };
  if (hosts.length) manifest.host_permissions = [...new Set([...(manifest.host_permissions ?? []), ...hosts])];
  writeFileSync(resolve(out, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(buildTestExtension(undefined, process.argv[2]));
}

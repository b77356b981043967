/**
 * The library section of `npm run bench` on its own (figure 4): `npm run -s build && npx tsx bench/library-run.ts`,
 * sizes from BENCH_LIBRARY_SIZES (default 100,1000,10000). Prints the same `library…` lines and ratio lines as
 * bench/run.ts, from the same measureLibrary, and writes bench/library-results.json. For iterating on the library
 * without the 5 minutes of extraction and reader figures before it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { build } from 'vite';
import { launchQari } from '../e2e/launch';
import { blockExternal, fixtures } from './fixtures';
import { COMMON_WORD, measureLibrary, RARE_WORD } from './library';
import { PROBES } from './probes';
import { describeMachine } from './stats';

const started = performance.now();
const figures: Record<string, string | number> = {};
const round = (n: number) => (Math.abs(n) >= 100 ? Math.round(n) : Math.round(n * 100) / 100);
function line(name: string, value: string | number, unit = ''): void {
  figures[name] = typeof value === 'number' ? round(value) : value;
  console.log(`${name}: ${typeof value === 'number' ? `${round(value)}${unit ? ` ${unit}` : ''}` : value}`);
}
const progress = (s: string) => console.error(`[${((performance.now() - started) / 1000).toFixed(0)} s] ${s}`);

await build({ configFile: 'bench/vite.ext-page.config.ts' });
const qari = await launchQari();
const machine = describeMachine(qari.ctx.browser()?.version() ?? 'unknown');
line('machine', `${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, Chromium ${machine.chromium}`);
await blockExternal(qari.ctx, qari.server.origin);
await qari.ctx.addInitScript({ content: PROBES });
const library = await measureLibrary(qari, readFileSync('out/bench/library-fill.js', 'utf8'), fixtures(), progress);
await qari.close();

for (const r of library.results) {
  const n = r.size;
  line(
    `library@${n}.fill`,
    `${(r.fillMs / 1000).toFixed(1)} s (${r.counts.articles} articles, ${r.counts.images} images, ${r.counts.postings} postings records, ${r.counts.termEntries} term index entries); then ${(r.settleMs / 1000).toFixed(1)} s until idle`,
  );
  line(`library@${n}.stored-per-article`, r.idbBytes / r.counts.articles / 1024, 'KB');
  line(`library@${n}.stored/own`, r.storedOverOwn, '×');
  line(`library@${n}.list`, r.listMs, 'ms');
  line(`library@${n}.search-rare`, r.searchRareMs, `ms ("${RARE_WORD}": ${r.searchRareCheck})`);
  line(`library@${n}.search-common`, r.searchCommonMs, `ms ("${COMMON_WORD}")`);
  line(`library@${n}.open`, r.openMs, 'ms');
  line(`library@${n}.save`, r.saveMs, 'ms');
  line(`library@${n}.export`, r.exportMs, `ms (${(r.exportBytes / 2 ** 20).toFixed(1)} MiB zip)`);
}
const small = library.results[0]!;
const large = library.results[library.results.length - 1]!;
for (const op of ['list', 'searchRare', 'searchCommon', 'open', 'save', 'export'] as const)
  line(`ratio.library.${op}@${large.size}/${small.size}`, large[`${op}Ms`] / small[`${op}Ms`], '×');
writeFileSync(
  'bench/library-results.json',
  `${JSON.stringify({ date: new Date().toISOString(), machine, figures, library }, null, 1)}\n`,
);
console.error(`wrote bench/library-results.json (${((performance.now() - started) / 1000).toFixed(0)} s)`);

/**
 * `npx tsx bench/ab-extraction.ts <baseline in-page.js> [slug…]`: Qari's extraction now against a baseline build of
 * bench/in-page.ts (e.g. the previous commit's: `git archive <commit> | tar -x -C /tmp/base`, link node_modules,
 * `npx vite build -c bench/vite.in-page.config.ts` there), timed in the same page, round after round, beside plain
 * Readability. On a loaded machine absolute times drift between runs; these ratios, taken in one page and one
 * minute, much less. BENCH_CORPUS=<dir> adds the WCXB sample of `npm run bench`. Not part of `npm run bench`.
 */
import { readFileSync } from 'node:fs';
import { build } from 'vite';
import { launchQari } from '../e2e/launch';
import type { BenchRun } from './in-page';
import { blockExternal, fixtures } from './fixtures';
import { median, p95 } from './stats';
import { wcxbArticleSample } from './wcxb-sample';

const REPS = 5;
const OUT = 'out/bench-ab';
/** AB_WORST=N: list the N pages with the highest qari/readability ratio (default 8). */
const WORST = Number(process.env.AB_WORST ?? 8);
const baseline = process.argv[2];
if (!baseline) throw new Error('usage: ab-extraction.ts <baseline in-page.js> [slug…]');
await build({ configFile: 'bench/vite.in-page.config.ts', build: { outDir: OUT } });
const current = readFileSync(`${OUT}/in-page.js`, 'utf8');
const base = readFileSync(baseline, 'utf8');
const qari = await launchQari();
await blockExternal(qari.ctx, qari.server.origin);
const page = qari.ctx.pages()[0] ?? (await qari.ctx.newPage());

const sets: [string, string[]][] = [];
const slugs = process.argv.slice(3);
sets.push(['fixtures', (slugs.length ? slugs : fixtures().map((f) => f.slug)).map((s) => `/fixtures/${s}/`)]);
if (process.env.BENCH_CORPUS) {
  const sample = wcxbArticleSample(process.env.BENCH_CORPUS);
  for (const p of sample)
    qari.server.addPage(`/wcxb/${p.id}/`, p.html, { 'content-security-policy': "script-src 'none'" });
  sets.push(['corpus', sample.map((p) => `/wcxb/${p.id}/`)]);
}

for (const [name, paths] of sets) {
  const rows: { path: string; readability: number; qari: number; base: number }[] = [];
  for (const path of paths) {
    try {
      await page.goto(`${qari.server.origin}${path}`, { waitUntil: 'load' });
      await page.evaluate(base);
      await page.evaluate(() => {
        const w = window as unknown as Record<string, unknown>;
        w['__qariBase'] = w['__qariBench'];
      });
      await page.evaluate(current);
      const rounds = await page.evaluate((reps) => {
        type Bench = Record<string, () => BenchRun>;
        const w = window as unknown as { __qariBench: Bench; __qariBase: Bench };
        const out: { readability: number; qari: number; base: number }[] = [];
        for (let i = 0; i <= reps; i++) {
          // Alternate which build goes first, so neither always runs on a warmer heap.
          const r = w.__qariBench.readability!().ms;
          const [q, b] =
            i % 2
              ? [w.__qariBench.qari!().ms, w.__qariBase.qari!().ms]
              : [w.__qariBase.qari!().ms, w.__qariBench.qari!().ms].reverse();
          if (i > 0) out.push({ readability: r, qari: q!, base: b! }); // round 0: warm-up
        }
        return out;
      }, REPS);
      rows.push({
        path,
        readability: median(rounds.map((r) => r.readability)),
        qari: median(rounds.map((r) => r.qari)),
        base: median(rounds.map((r) => r.base)),
      });
    } catch (error) {
      console.error(`${path}: not timed (${String(error).split('\n')[0]})`);
    }
  }
  const show = (label: string, values: number[]) =>
    console.log(`${name}.${label}: median ${median(values).toFixed(2)}, p95 ${p95(values).toFixed(2)}`);
  console.log(`${name}: ${rows.length} pages`);
  show(
    'qari/readability',
    rows.map((r) => r.qari / r.readability),
  );
  show(
    'base/readability',
    rows.map((r) => r.base / r.readability),
  );
  show(
    'qari/base',
    rows.map((r) => r.qari / r.base),
  );
  show(
    'readability ms',
    rows.map((r) => r.readability),
  );
  // The pages behind the p95: the highest qari/readability ratios, with both times.
  for (const r of [...rows].sort((a, b) => b.qari / b.readability - a.qari / a.readability).slice(0, WORST))
    console.log(
      `  ${r.path} qari/readability ${(r.qari / r.readability).toFixed(2)} (${r.qari.toFixed(1)} / ${r.readability.toFixed(1)} ms), base ${(r.base / r.readability).toFixed(2)}`,
    );
}
await qari.close();

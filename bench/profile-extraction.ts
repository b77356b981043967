/**
 * Where Qari's extraction spends its time, in the browser: `npx tsx bench/profile-extraction.ts [slug…]`.
 * Builds bench/in-page.ts unminified (function names kept), runs qari() RUNS times on each page under the CDP
 * Profiler (100 µs sampling) and prints, over all the pages given (default: every fixture): the share of qari()'s
 * time in each step of extractArticle (each sample charged to the direct callee of extractArticle, or of qari(),
 * on its stack), and the share each function is on the stack for (inclusive) and at the top of (self).
 * Not part of `npm run bench`.
 */
import { build } from 'vite';
import { launchQari } from '../e2e/launch';
import { readFileSync } from 'node:fs';
import { blockExternal, fixtures } from './fixtures';
import { wcxbArticleSample } from './wcxb-sample';

const RUNS = 20;
/** How many functions the inclusive list shows (PROFILE_TOP=120 for the long tail). */
const TOP = Number(process.env.PROFILE_TOP ?? 45);
const OUT = 'out/bench-profile';
/**
 * PROFILE_CALLERS=querySelectorAll,squeezedLength: for each function named, which functions call it (its samples
 * charged to the nearest caller of another name), to tell whose queries and measures the self times are.
 */
const CALLERS = (process.env.PROFILE_CALLERS ?? '').split(',').filter(Boolean);
/** PROFILE_PAGES=N: only the first N pages of the WCXB sample (a quicker look). */
const PAGES = Number(process.env.PROFILE_PAGES ?? Infinity);

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

await build({
  configFile: 'bench/vite.in-page.config.ts',
  build: { outDir: OUT, minify: false },
});
const qari = await launchQari();
// BENCH_CORPUS=<dir>: the WCXB sample that `npm run bench` times (bench/wcxb-sample.ts) instead of the fixtures.
const corpus = process.env.BENCH_CORPUS ? wcxbArticleSample(process.env.BENCH_CORPUS).slice(0, PAGES) : null;
for (const p of corpus ?? [])
  qari.server.addPage(`/wcxb/${p.id}/`, p.html, { 'content-security-policy': "script-src 'none'" });
const paths = corpus
  ? corpus.map((p) => `/wcxb/${p.id}/`)
  : (process.argv.slice(2).length ? process.argv.slice(2) : fixtures().map((f) => f.slug)).map(
      (slug) => `/fixtures/${slug}/`,
    );
const inPage = readFileSync(`${OUT}/in-page.js`, 'utf8');
await blockExternal(qari.ctx, qari.server.origin);
const page = qari.ctx.pages()[0] ?? (await qari.ctx.newPage());
const steps = new Map<string, number>();
const substeps = new Map<string, number>();
const inclusive = new Map<string, number>();
const self = new Map<string, number>();
const callers = new Map<string, number>();
let total = 0;
let qariMs = 0;
/** Milliseconds per pass over all pages and runs, as the extraction's onPass hook tells them (not profiled). */
const byPass = new Map<string, number>();
let readabilityMs = 0;
for (const path of paths) {
  await page.goto(`${qari.server.origin}${path}`, { waitUntil: 'load' });
  await page.evaluate(inPage);
  const bench = () =>
    page.evaluate((runs) => {
      const b = (window as unknown as { __qariBench: Record<string, () => { ms: number }> }).__qariBench;
      let q = 0;
      let r = 0;
      for (let i = 0; i < runs; i++) {
        q += b.qari!().ms;
        r += b.readability!().ms;
      }
      return { q, r };
    }, RUNS);
  await bench(); // warm-up, not profiled
  const cdp = await qari.ctx.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  const t = await page.evaluate((runs) => {
    const b = (window as unknown as { __qariBench: Record<string, () => { ms: number }> }).__qariBench;
    let q = 0;
    for (let i = 0; i < runs; i++) q += b.qari!().ms;
    return q;
  }, RUNS);
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as {
    profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  };
  await cdp.detach();
  const r = await bench();
  const told = await page.evaluate((runs) => {
    const b = (window as unknown as { __qariBench: { passes: () => Record<string, number> } }).__qariBench;
    const sum: Record<string, number> = {};
    for (let i = 0; i < runs; i++)
      for (const [name, ms] of Object.entries(b.passes())) sum[name] = (sum[name] ?? 0) + ms;
    return sum;
  }, RUNS);
  for (const [name, ms] of Object.entries(told)) byPass.set(name, (byPass.get(name) ?? 0) + ms);
  qariMs += t;
  readabilityMs += r.r;
  const parent = new Map<number, number>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (n: ProfileNode) =>
    `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}`;
  profile.samples.forEach((leaf, i) => {
    const dt = profile.timeDeltas[i + 1] ?? 0;
    const leafNode = byId.get(leaf)!;
    if (/^\((idle|program|garbage collector)\)$/.test(leafNode.callFrame.functionName)) {
      if (leafNode.callFrame.functionName !== '(idle)') self.set(name(leafNode), (self.get(name(leafNode)) ?? 0) + dt);
      if (leafNode.callFrame.functionName === '(idle)') return;
    }
    total += dt;
    self.set(name(leafNode), (self.get(name(leafNode)) ?? 0) + dt);
    // The step: the frame right below extractArticle (or below qari, for the clone and the live signals).
    let step = /^\((program|garbage collector)\)$/.test(leafNode.callFrame.functionName)
      ? leafNode.callFrame.functionName
      : 'outside qari()';
    let below: string | null = null; // the frame one level further down, for the breakdown of each step
    for (let id: number | undefined = leaf; id !== undefined; id = parent.get(id)) {
      const up = parent.get(id);
      const upName = up === undefined ? '' : byId.get(up)!.callFrame.functionName;
      if (upName === 'extractArticle' || upName === 'qari') {
        step = `${upName} → ${byId.get(id)!.callFrame.functionName || '(anonymous)'}`;
        if (below) substeps.set(`${step} → ${below}`, (substeps.get(`${step} → ${below}`) ?? 0) + dt);
        break;
      }
      below = byId.get(id)!.callFrame.functionName || '(anonymous)';
      if (byId.get(id)!.callFrame.functionName === 'extractArticle' && id === leaf) {
        step = 'extractArticle (own lines)';
        break;
      }
    }
    steps.set(step, (steps.get(step) ?? 0) + dt);
    for (let id: number | undefined = leaf; id !== undefined; id = parent.get(id)) {
      const fn = byId.get(id)!.callFrame.functionName;
      if (!CALLERS.includes(fn)) continue;
      let up = parent.get(id);
      while (up !== undefined && byId.get(up)!.callFrame.functionName === fn) up = parent.get(up);
      const key = `${fn} ← ${up === undefined ? '(none)' : name(byId.get(up)!)}`;
      callers.set(key, (callers.get(key) ?? 0) + dt);
      break;
    }
    const seen = new Set<string>();
    for (let id: number | undefined = leaf; id !== undefined; id = parent.get(id)) {
      const key = name(byId.get(id)!);
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + dt);
    }
  });
}
await qari.close();
const show = (title: string, map: Map<string, number>, n: number) => {
  console.log(`\n${title}`);
  for (const [k, v] of [...map].sort((a, b) => b[1] - a[1]).slice(0, n))
    console.log(`${((100 * v) / total).toFixed(1).padStart(6)}%  ${(v / 1000).toFixed(0).padStart(6)} ms  ${k}`);
};
console.log(
  `pages: ${paths.length}; qari ${(qariMs / RUNS).toFixed(1)} ms vs readability ${(readabilityMs / RUNS).toFixed(1)} ms per round (sum over pages)`,
);
{
  const all = [...byPass.values()].reduce((a, b) => a + b, 0);
  console.log('\nby pass (onPass, outside the profiler; ms per round over all pages)');
  for (const [k, v] of [...byPass].sort((a, b) => b[1] - a[1]))
    console.log(`${((100 * v) / all).toFixed(1).padStart(6)}%  ${(v / RUNS).toFixed(1).padStart(7)} ms  ${k}`);
}
show('by step of qari()', steps, 30);
show('the steps one level down', substeps, 30);
show('inclusive (on the stack)', inclusive, TOP);
show('self (top of the stack)', self, Math.round(TOP / 2));
if (CALLERS.length) show('callers (PROFILE_CALLERS)', callers, TOP);

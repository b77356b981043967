/**
 * Why search and save slow down as the library grows: `npx tsx bench/profile-library.ts [size]` (default 10000;
 * filling takes minutes). At 100 articles and at `size`, after the browser settles, it records for each search
 * word the IndexedDB requests the reading list makes (counted by wrapping the IDB prototypes in the list page)
 * and a CPU profile of the list page, and times saveArticle itself (the write the background does on
 * "Save for later") in an extension page. Not part of `npm run bench`.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { launchQari } from '../e2e/launch';
import { fixtures } from './fixtures';
import { call, COMMON_WORD, openFiller, openList, RARE_WORD, searchOnce, settle } from './library';
import { PROBES } from './probes';
import { median } from './stats';

const SIZE = Number(process.argv[2] ?? 10_000);

/** Counts calls of the IndexedDB request methods on the page, by interface and method (plain JS: see probes.ts). */
const COUNT_REQUESTS = `(() => {
  window.__idbCalls = {};
  const wrap = (proto, label, names) => names.forEach((n) => {
    const original = proto[n];
    proto[n] = function (...args) { window.__idbCalls[label + '.' + n] = (window.__idbCalls[label + '.' + n] || 0) + 1; return original.apply(this, args); };
  });
  wrap(IDBObjectStore.prototype, 'store', ['get', 'getKey', 'getAll', 'getAllKeys', 'count', 'openCursor', 'openKeyCursor']);
  wrap(IDBIndex.prototype, 'index', ['get', 'getKey', 'getAll', 'getAllKeys', 'count', 'openCursor', 'openKeyCursor']);
  wrap(IDBCursor.prototype, 'cursor', ['continue', 'advance', 'continuePrimaryKey']);
})()`;

/** Median time of 5 searches for `word` (after a warm-up), the IDB calls of one, and a CPU profile of one. */
async function profileSearch(list: Page, word: string) {
  const times: number[] = [];
  for (let i = 0; i < 6; i++) {
    const { ms } = await searchOnce(list, word);
    if (i) times.push(ms);
    await searchOnce(list, ''); // back to the full list
  }
  await list.evaluate('window.__idbCalls = {}');
  const cdp = await list.context().newCDPSession(list);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await searchOnce(list, word);
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as {
    profile: {
      nodes: { id: number; callFrame: { functionName: string; url: string } }[];
      samples: number[];
      timeDeltas: number[];
    };
  };
  await cdp.detach();
  const calls = (await list.evaluate('window.__idbCalls')) as Record<string, number>;
  await searchOnce(list, '');
  const self = new Map<string, number>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  let total = 0;
  profile.samples.forEach((id, i) => {
    const n = byId.get(id)!;
    const key = `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}`;
    const dt = profile.timeDeltas[i + 1] ?? 0;
    total += dt;
    self.set(key, (self.get(key) ?? 0) + dt);
  });
  const cpuSelf = [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, 6)
    .map(([k, v]) => `${((100 * v) / total).toFixed(0)}% ${k}`);
  return { medianMs: median(times), idbCallsOfOneSearch: calls, cpuSelfOfOneSearch: cpuSelf };
}

await build({ configFile: 'bench/vite.ext-page.config.ts' });
const qari = await launchQari();
await qari.ctx.addInitScript({ content: PROBES });
await qari.ctx.addInitScript({ content: COUNT_REQUESTS });
const { filler, start } = await openFiller(qari, readFileSync('out/bench/library-fill.js', 'utf8'), fixtures());
for (const size of [100, SIZE]) {
  const { ms } = await call(filler, 'fill', size, start);
  const settled = await settle(qari);
  console.log(
    `\n== ${size} articles (filled in ${(ms / 1000).toFixed(1)} s, idle after ${(settled / 1000).toFixed(1)} s)`,
  );
  const { page: list } = await openList(qari);
  for (const word of [RARE_WORD, COMMON_WORD])
    console.log(word, JSON.stringify(await profileSearch(list, word), null, 1));
  await list.close();
  const saves: number[] = [];
  for (let i = 0; i < 6; i++)
    saves.push(await call(filler, 'saveCopy', 5, `${qari.server.origin}/profile-save/${size}/${i}`));
  console.log(
    `saveArticle: median ${median(saves.slice(1)).toFixed(1)} ms over 5 (after 1 warm-up): ${saves.map((s) => s.toFixed(0)).join(', ')}`,
  );
}
await qari.close();

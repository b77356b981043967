/**
 * npm run bench  (= npm run -s build && tsx bench/run.ts; needs dist/ built)
 *
 * Performance of the built extension in real headless Chromium, next to the reference it competes with, in one
 * run on one machine: extraction in the page (vs plain Readability and a bare clone), "Open reader view" to the
 * reader painted, bundle sizes, the library at 100 / 1,000 / 10,000 articles, memory. Prints `name: value` lines
 * (machine first, ratio and budget lines last) and writes the same to bench/results.json. Every figure comes from
 * this run; warm-up runs are discarded. The library sizes can be overridden: BENCH_LIBRARY_SIZES=100,1000.
 * BENCH_ONLY=reader,sizes (comma-separated: memory, extraction, reader, fonts, sizes, library, links; BENCH_LINKS=1000 sets the import's size) runs only those
 * sections; `reader` also runs `extraction`, the reference of its ratio. BENCH_CORPUS=DIR (where scripts/get-wcxb.sh put WCXB) adds the
 * extraction figures of 100 real article pages from WCXB's dev split (bench/wcxb-sample.ts), reported apart.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { build } from 'vite';
import { launchQari } from '../e2e/launch';
import { waitForReader } from '../e2e/pages/reader-frame';
import { measureExtraction, REPS as EXTRACTION_REPS } from './extraction';
import { measureLinkImport } from './link-import';
import { blockExternal, fixtures } from './fixtures';
import { wcxbArticleSample } from './wcxb-sample';
import { COMMON_WORD, EXPORT_REPS, measureLibrary, RARE_WORD, REPS as LIBRARY_REPS } from './library';
import { qariInPage, registeredContentScripts, sampleMemory } from './memory';
import { PROBES } from './probes';
import { measureOpen, popupFor, readerFonts, REPS as OPEN_REPS, summarizeOpen, type PageOpen } from './reader-open';
import { bundleSizes, fontFileBytes, type PartSize } from './sizes';
import { describeMachine } from './stats';

const ARABIC = 'alsumaria-idlib-ceasefire';
const ENGLISH = 'english-news-wire';
const started = performance.now();
const SECTIONS = ['memory', 'extraction', 'reader', 'fonts', 'sizes', 'library', 'links'] as const;
const only = process.env.BENCH_ONLY?.split(',')
  .map((s) => s.trim())
  .filter(Boolean);
for (const name of only ?? [])
  if (!(SECTIONS as readonly string[]).includes(name))
    throw new Error(`BENCH_ONLY: unknown section "${name}" (known: ${SECTIONS.join(', ')})`);
const runs = (section: (typeof SECTIONS)[number]) =>
  !only || only.includes(section) || (section === 'extraction' && only.includes('reader'));
const figures: Record<string, string | number> = {};
const budgets: { name: string; value: number; limit: number; pass: boolean }[] = [];
const ratioLines: [string, number][] = [];

function line(name: string, value: string | number, unit = ''): void {
  const shown = typeof value === 'number' ? `${round(value)}${unit ? ` ${unit}` : ''}` : value;
  figures[name] = typeof value === 'number' ? round(value) : value;
  console.log(`${name}: ${shown}`);
}
function round(n: number): number {
  return Math.abs(n) >= 100 ? Math.round(n) : Math.round(n * 100) / 100;
}
const kb = (bytes: number) => bytes / 1024;
const budget = (name: string, value: number, limit: number) =>
  budgets.push({ name, value, limit, pass: value <= limit });
const progress = (s: string) => console.error(`[${((performance.now() - started) / 1000).toFixed(0)} s] ${s}`);

// The two bench bundles: one for fixture pages, one for an extension page.
await build({ configFile: 'bench/vite.in-page.config.ts' });
await build({ configFile: 'bench/vite.ext-page.config.ts' });
const inPage = 'out/bench/in-page.js';
const filler = readFileSync('out/bench/library-fill.js', 'utf8');
const pages = fixtures();
const articles = pages.filter((p) => p.isArticle);
const longest = articles.reduce((a, b) => (b.bytes > a.bytes ? b : a));
const sizes = bundleSizes(); // read now: the dist/ the browsers below load

// ---- Browser 1: memory, on-demand injection, extraction, reader opening, fonts.
let qari = await launchQari();
const chromium = qari.ctx.browser()?.version() ?? 'unknown';
const machine = describeMachine(chromium);
line('machine.cpu', machine.cpu);
line('machine.cores', machine.cores);
line('machine.memory', machine.memoryGiB, 'GiB');
line('machine.os', machine.os);
line('machine.chromium', machine.chromium);
line('machine.node', machine.node);
line(
  'note.warm-up',
  `warm-up runs are discarded: 1 round per page before ${EXTRACTION_REPS} timed (extraction), 1 opening per page before ${OPEN_REPS} timed (reader), 1 run per operation and library size before ${LIBRARY_REPS} timed (${EXPORT_REPS} for export)`,
);
line(
  'note.corpus',
  `${pages.length} fixture pages (test/fixtures), ${articles.length} of them articles; external requests blocked`,
);

const net = await blockExternal(qari.ctx, qari.server.origin);
await qari.ctx.addInitScript({ content: PROBES });
let page = qari.ctx.pages()[0] ?? (await qari.ctx.newPage());

let memory: Record<string, Awaited<ReturnType<typeof sampleMemory>>> | null = null;
if (runs('memory')) {
  progress('memory');
  const idle = await sampleMemory(qari);
  line('memory.idle.extension', idle.extensionMiB, 'MiB PSS (service worker process)');
  line('memory.idle.total', idle.totalMiB, 'MiB PSS (all browser processes)');
  await page.goto(`${qari.server.origin}/fixtures/${longest.slug}/`, { waitUntil: 'load' });
  const pageOnly = await sampleMemory(qari);
  const untouched = await qariInPage(qari, page);
  const popup = await popupFor(qari, page);
  await page.bringToFront();
  await popup.evaluate(() => {
    [...document.querySelectorAll('button')].find((b) => b.textContent === 'Open reader view')!.click();
  });
  await waitForReader(page);
  await popup.evaluate(() => chrome.extension.getViews({ type: 'popup' }).forEach((view) => view.close()));
  await popup.close();
  const withReader = await sampleMemory(qari);
  memory = { idle, pageOnly, withReader };
  const opened = await qariInPage(qari, page);
  line(
    `memory.page.total`,
    pageOnly.totalMiB,
    `MiB PSS (${longest.slug}, ${kb(longest.bytes).toFixed(0)} KB, loaded, Qari not used)`,
  );
  line('memory.reader.extension', withReader.extensionMiB, 'MiB PSS (service worker + reader frame)');
  line('memory.reader.total', withReader.totalMiB, 'MiB PSS');
  line('memory.reader-minus-page.extension', withReader.extensionMiB - pageOnly.extensionMiB, 'MiB');
  line(
    'memory.reader-minus-page.page-renderers',
    withReader.pageRenderersMiB - pageOnly.pageRenderersMiB,
    'MiB (content script, frame host)',
  );
  line('memory.reader-minus-page.total', withReader.totalMiB - pageOnly.totalMiB, 'MiB');
  const fresh = await qari.ctx.newPage();
  await fresh.goto(`${qari.server.origin}/fixtures/${ENGLISH}/`, { waitUntil: 'load' });
  const never = await qariInPage(qari, fresh);
  await fresh.close();
  const scripts = await registeredContentScripts(qari);
  line('injection.registered-content-scripts', scripts.registered, '(chrome.scripting.getRegisteredContentScripts)');
  line('injection.declared-content-scripts', scripts.declared, '(manifest content_scripts)');
  line(
    'injection.page-never-opened',
    `${never.contentWorlds} Qari worlds, qari-reader ${never.element ? 'present' : 'absent'} (before any use: ${untouched.contentWorlds} worlds)`,
  );
  line(
    'injection.page-with-reader',
    `${opened.contentWorlds} Qari worlds, qari-reader ${opened.element ? 'present' : 'absent'} (control)`,
  );
  await page.close();
  page = await qari.ctx.newPage();
}

let extraction: Awaited<ReturnType<typeof measureExtraction>> | null = null;
if (runs('extraction')) {
  progress('extraction');
  extraction = await measureExtraction(
    qari,
    page,
    pages.map(({ slug }) => ({ slug, path: `/fixtures/${slug}/` })),
    inPage,
  );
  line('extraction.clone.median', extraction.clone.median, 'ms');
  line('extraction.clone.p95', extraction.clone.p95, 'ms');
  line('extraction.readability.median', extraction.readability.median, 'ms');
  line('extraction.readability.p95', extraction.readability.p95, 'ms');
  line('extraction.qari.median', extraction.qari.median, 'ms');
  line('extraction.qari.p95', extraction.qari.p95, 'ms');
  const missed = extraction.perPage.filter(
    (p) => pages.find((f) => f.slug === p.slug)!.isArticle !== p.qariFoundArticle,
  );
  line('extraction.qari.verdicts-differing-from-checks', missed.map((p) => p.slug).join(', ') || 'none');
}

// Real pages: BENCH_CORPUS=<dir> (WCXB's dev/ unpacked there) times a fixed sample of its article pages too,
// served as saved (their own scripts blocked by a CSP) and reported apart from the fixtures.
let corpus: Awaited<ReturnType<typeof measureExtraction>> | null = null;
if (runs('extraction') && process.env.BENCH_CORPUS) {
  progress('extraction on the corpus sample');
  const sample = wcxbArticleSample(process.env.BENCH_CORPUS);
  for (const p of sample)
    qari.server.addPage(`/wcxb/${p.id}/`, p.html, { 'content-security-policy': "script-src 'none'" });
  corpus = await measureExtraction(
    qari,
    page,
    sample.map(({ id }) => ({ slug: `wcxb-${id}`, path: `/wcxb/${id}/` })),
    inPage,
  );
  line(
    'note.corpus-sample',
    `${sample.length} WCXB dev article pages (ids not divisible by 10), ${corpus.failed.length} not timed${corpus.failed.length ? `: ${corpus.failed.join(', ')}` : ''}`,
  );
  line('extraction.corpus.clone.median', corpus.clone.median, 'ms');
  line('extraction.corpus.readability.median', corpus.readability.median, 'ms');
  line('extraction.corpus.readability.p95', corpus.readability.p95, 'ms');
  line('extraction.corpus.qari.median', corpus.qari.median, 'ms');
  line('extraction.corpus.qari.p95', corpus.qari.p95, 'ms');
}

const opens: PageOpen[] = [];
let open: ReturnType<typeof summarizeOpen> | null = null;
let arabic: PageOpen | null = null;
if (runs('reader') && extraction) {
  progress('reader opening');
  for (const { slug } of articles) {
    const timing = await measureOpen(qari, page, `${qari.server.origin}/fixtures/${slug}/`, net);
    opens.push({ slug, ...timing, qari: extraction.perPage.find((p) => p.slug === slug)!.qari });
  }
  open = summarizeOpen(opens);
  line('reader.click-to-ready.median', open.toReady.median, 'ms');
  line('reader.click-to-ready.p95', open.toReady.p95, 'ms');
  line('reader.click-to-painted.median', open.toPainted.median, 'ms');
  line('reader.click-to-painted.p95', open.toPainted.p95, 'ms');
  line(
    'reader.prepare.median',
    open.prepare.median,
    'ms (before the click: popup reload → reader frame loaded and rendered out of sight)',
  );
  line('reader.prepare.p95', open.prepare.p95, 'ms');
  line(
    'reader.frames-prepared-before-click',
    `${opens.filter((o) => o.toFrameStart < 0).length} of ${opens.length} pages`,
  );
  arabic = opens.find((o) => o.slug === ARABIC)!;
  line(`reader.${ARABIC}.click-to-ready`, arabic.toReady, 'ms');
  line(`reader.${ARABIC}.click-to-painted`, arabic.toPainted, 'ms');
  line(`reader.${ARABIC}.qari`, arabic.qari, 'ms');
  line('reader.external-requests-escaped', net.escaped);
  line('net.external-requests-blocked', net.blocked);
}

let arabicFonts: Awaited<ReturnType<typeof readerFonts>> | null = null;
let englishFonts: Awaited<ReturnType<typeof readerFonts>> | null = null;
if (runs('fonts')) {
  arabicFonts = await readerFonts(qari, page, `${qari.server.origin}/fixtures/${ARABIC}/`);
  englishFonts = await readerFonts(qari, page, `${qari.server.origin}/fixtures/${ENGLISH}/`);
  const fontList = (f: { files: string[] }) =>
    f.files.length
      ? `${f.files.join(', ')} (${kb(f.files.reduce((s, n) => s + fontFileBytes(n), 0)).toFixed(0)} KB)`
      : 'none';
  line(`fonts.${ARABIC}`, fontList(arabicFonts));
  line(`fonts.${ARABIC}.faces`, arabicFonts.faces.join(', ') || 'none');
  line(`fonts.${ENGLISH}`, fontList(englishFonts));
}
await qari.close();

if (runs('sizes')) {
  progress('sizes');
  const size = (x: { raw: number; gzip: number }) => `${kb(x.raw).toFixed(1)} KB raw, ${kb(x.gzip).toFixed(1)} KB gzip`;
  const jsFiles = (files: string[]) => files.filter((f) => f.endsWith('.js')).join(' + ');
  const lazy = (p: PartSize) =>
    p.lazy.files.length ? `; on demand (import()): ${size(p.lazy.js)} (${p.lazy.files.join(' + ')})` : '';
  line('size.content.js', size(sizes.content.js));
  line('size.popup.js', `${size(sizes.popup.js)} loaded at open (${jsFiles(sizes.popup.files)})${lazy(sizes.popup)}`);
  line('size.popup.css', size(sizes.popup.css));
  line(
    'size.reader.js',
    `${size(sizes.reader.js)} loaded at open (${jsFiles(sizes.reader.files)})${lazy(sizes.reader)}`,
  );
  line('size.reader.css', size(sizes.reader.css));
  line(
    'size.background.js',
    `${size(sizes.background.js)} (${jsFiles(sizes.background.files)})${lazy(sizes.background)}`,
  );
}

// ---- Browser 2: the library.
let library: Awaited<ReturnType<typeof measureLibrary>> | null = null;
if (runs('library')) {
  progress('library');
  qari = await launchQari();
  await blockExternal(qari.ctx, qari.server.origin);
  await qari.ctx.addInitScript({ content: PROBES });
  library = await measureLibrary(qari, filler, pages, progress);
  await qari.close();
  const t = library.templates;
  line(
    'library.article',
    `${Math.round(t.meanBytes)} B own bytes on average (content HTML ${Math.round(t.meanContentChars)} chars + ${t.meanImages.toFixed(2)} images), copies of the ${t.count} fixture articles`,
  );
  for (const r of library.results) {
    const n = r.size;
    line(
      `library@${n}.fill`,
      `${(r.fillMs / 1000).toFixed(1)} s (${r.counts.articles} articles, ${r.counts.images} images, ${r.counts.postings} postings records, ${r.counts.termEntries} term index entries); then ${(r.settleMs / 1000).toFixed(1)} s until the browser was idle`,
    );
    line(
      `library@${n}.stored-per-article`,
      `${kb(r.idbBytes / r.counts.articles).toFixed(1)} KB (IndexedDB usage ${(r.idbBytes / 2 ** 20).toFixed(1)} MiB; storage.estimate ${(r.estimateBytes / 2 ** 20).toFixed(1)} MiB)`,
    );
    line(`library@${n}.stored/own`, r.storedOverOwn, '×');
    line(`library@${n}.list`, r.listMs, 'ms (popup open → reading list painted)');
    line(`library@${n}.search-rare`, r.searchRareMs, `ms ("${RARE_WORD}": ${r.searchRareCheck})`);
    line(`library@${n}.search-common`, r.searchCommonMs, `ms ("${COMMON_WORD}")`);
    line(`library@${n}.open`, r.openMs, 'ms (saved.html?id= → painted)');
    line(`library@${n}.save`, r.saveMs, 'ms ("Save for later" → "Saved")');
    line(`library@${n}.export`, r.exportMs, `ms (→ download, ${(r.exportBytes / 2 ** 20).toFixed(1)} MiB zip)`);
  }
}

if (runs('links')) {
  progress('links');
  const links = await measureLinkImport(Number(process.env.BENCH_LINKS ?? 1000));
  line(
    'links.import',
    `${links.saved} of ${links.count} links saved (${links.failed} failed) in ${(links.ms / 1000).toFixed(1)} s: ${links.perSecond.toFixed(1)} articles/s over two hosts (one job per host at a time)`,
  );
  line('links.memory.extension', links.during.extensionMiB, 'MiB PSS (extension processes, halfway through)');
  line('links.memory.total', links.during.totalMiB, 'MiB PSS (all browser processes, halfway through)');
  line(
    'links.popup',
    Math.round(links.popupBusyMs),
    `ms popup → reading list painted, halfway through the import (${Math.round(links.popupIdleMs)} ms once it is over)`,
  );
}

// ---- Ratios and budgets, last.
const ratio = (name: string, value: number) => {
  ratioLines.push([name, value]);
  line(name, value, '×');
};
if (extraction) {
  ratio('ratio.qari/readability.median', extraction.qariOverReadability.median);
  ratio('ratio.qari/readability.p95', extraction.qariOverReadability.p95);
  ratio('ratio.qari/clone.median', extraction.qariOverClone.median);
  ratio('ratio.qari/clone.p95', extraction.qariOverClone.p95);
  budget('qari/readability median ≤ 1.25', extraction.qariOverReadability.median, 1.25);
  budget('qari/readability p95 ≤ 1.6', extraction.qariOverReadability.p95, 1.6);
}
if (corpus) {
  ratio('ratio.corpus.qari/readability.median', corpus.qariOverReadability.median);
  ratio('ratio.corpus.qari/readability.p95', corpus.qariOverReadability.p95);
}
if (open && arabic) {
  ratio('ratio.reader-painted/qari.median', open.paintedOverQari.median);
  ratio('ratio.reader-painted/qari.p95', open.paintedOverQari.p95);
  ratio(`ratio.reader-painted/qari.${ARABIC}`, arabic.toPainted / arabic.qari);
  budget('reader-painted/qari median ≤ 2.0', open.paintedOverQari.median, 2.0);
}
if (runs('sizes')) {
  budget('content.js gzip ≤ 45 KB', kb(sizes.content.js.gzip), 45);
  budget('popup JS gzip ≤ 30 KB (loaded at open)', kb(sizes.popup.js.gzip), 30);
}
if (library) {
  const small = library.results[0]!;
  const large = library.results[library.results.length - 1]!;
  const scale = `${large.size}/${small.size}`;
  const ops = ['list', 'searchRare', 'searchCommon', 'open', 'save', 'export'] as const;
  const opName = {
    list: 'list',
    searchRare: 'search-rare',
    searchCommon: 'search-common',
    open: 'open',
    save: 'save',
    export: 'export',
  };
  const scaled = Object.fromEntries(ops.map((op) => [op, large[`${op}Ms`] / small[`${op}Ms`]])) as Record<
    (typeof ops)[number],
    number
  >;
  for (const op of ops) ratio(`ratio.library.${opName[op]}@${scale}`, scaled[op]);
  budget(`library list@${scale} ≤ 1.5`, scaled.list, 1.5);
  budget(`library open@${scale} ≤ 1.5`, scaled.open, 1.5);
  budget(`library save@${scale} ≤ 1.5`, scaled.save, 1.5);
  budget(`library search-rare@${scale} ≤ 3.0`, scaled.searchRare, 3.0);
  budget(`library search-common@${scale} ≤ 3.0`, scaled.searchCommon, 3.0);
}
for (const b of budgets) line(`budget.${b.name}`, `${b.pass ? 'PASS' : 'FAIL'} (${round(b.value)})`);
line('note.duration', `${((performance.now() - started) / 1000).toFixed(0)} s`);

writeFileSync(
  'bench/results.json',
  `${JSON.stringify(
    {
      date: new Date().toISOString(),
      machine,
      figures,
      ratios: Object.fromEntries(ratioLines.map(([n, v]) => [n, round(v)])),
      budgets,
      details: {
        extractionPerPage: extraction?.perPage ?? null,
        corpusExtractionPerPage: corpus?.perPage ?? null,
        readerPerPage: opens,
        fonts: { [ARABIC]: arabicFonts, [ENGLISH]: englishFonts },
        sizes,
        memory,
        library,
      },
    },
    null,
    1,
  )}\n`,
);
console.error('wrote bench/results.json');

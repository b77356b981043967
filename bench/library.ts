import { readFileSync, statSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { Qari } from '../e2e/launch';
import type { Fixture } from './fixtures';
import type { Stamps } from './probes';
import { popupFor } from './reader-open';
import { median, repeat } from './stats';

/**
 * Figure 4: the library at 100, 1,000 and 10,000 saved articles. The library is filled from an extension page
 * with the library's own code (bench/library-fill.ts), then each operation is timed at each size, 1 warm-up
 * (discarded) + REPS runs, median. Times are taken in the page (probes.ts, or performance.now() around the
 * action) except export, which is timed from the test (click → the browser's download event).
 */

export const SIZES = (process.env.BENCH_LIBRARY_SIZES ?? '100,1000,10000').split(',').map(Number);
export const REPS = 5;
export const EXPORT_REPS = 3;
/** A word of one fixture (english-news-wire): matches 1 article in 43. */
export const RARE_WORD = 'puffin';
/** A word of 14 of the 43 fixtures. */
export const COMMON_WORD = 'people';
/** Opened from the library at every size (the largest fixture, Arabic, with images). */
const OPEN_SLUG = 'alsumaria-idlib-ceasefire';
/** Saved through the popup at every size, each time under a new URL. */
const SAVE_SLUG = 'english-news-wire';

interface Filler {
  imageUrls(pages: { url: string; html: string }[]): string[];
  seed(
    pages: { url: string; html: string }[],
    bytes: Record<string, { base64: string; type: string }>,
    at: number,
  ): number;
  fill(target: number, at: number): { articles: number; ms: number };
  templateBytes(): { meanBytes: number; meanImages: number; meanContentChars: number };
  idFor(url: string): string;
  saveCopy(index: number, url: string): number;
  counts(): {
    articles: number;
    images: number;
    postings: number;
    termEntries: number;
    usageArticles: number;
    usageBytes: number;
  };
}
export const call = <K extends keyof Filler>(page: Page, method: K, ...args: Parameters<Filler[K]>) =>
  page.evaluate(
    ([method, args]) =>
      (window as unknown as { __qariFill: Record<string, (...a: unknown[]) => unknown> }).__qariFill[method]!(...args),
    [method, args] as const,
  ) as Promise<Awaited<ReturnType<Filler[K]>>>;

const stampsOf = (page: Page, key: keyof Stamps) =>
  page.waitForFunction((key) => (window as unknown as { __benchStamps?: Stamps }).__benchStamps?.[key] ?? false, key, {
    polling: 10,
    timeout: 120_000,
  });

/** popup.html?tab=-1 → "Reading list" clicked as soon as the popup is ready (probes.ts) → list painted. */
export async function openList(qari: Qari): Promise<{ page: Page; ms: number }> {
  const page = await qari.ctx.newPage();
  await page.goto(`chrome-extension://${qari.extId}/popup.html?tab=-1&bench=list`);
  const ms = (await (await stampsOf(page, 'listPaintedAt')).jsonValue()) as number;
  return { page, ms };
}

/** Types `word` into "Search saved articles" (one input event, as a paste) → the list re-rendered and painted. */
export function searchOnce(list: Page, word: string) {
  // No named functions inside evaluate callbacks: tsx would wrap them in a __name() helper the page lacks.
  return list.evaluate(async (word) => {
    const input = document.querySelector<HTMLInputElement>('input[type="search"]')!;
    const body = document.body;
    delete body.dataset.listReady; // ReadingList sets it again once the new results are rendered
    const updated = new Promise<void>((resolve) => {
      const observer = new MutationObserver(() => {
        if (body.dataset.listReady) {
          observer.disconnect();
          resolve();
        }
      });
      observer.observe(body, { attributes: true, attributeFilter: ['data-list-ready'] });
    });
    const t0 = performance.now();
    input.value = word;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await updated;
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
    const ms = performance.now() - t0;
    const titles = [...document.querySelectorAll('.item-title')].map((e) => e.textContent ?? '');
    return { ms, titles };
  }, word);
}

/** A new page at a new URL with the HTML of `slug`, its popup, "Save for later" → "Saved" (timed in the popup). */
async function saveOnce(qari: Qari, slug: string, path: string): Promise<number> {
  qari.server.addPage(path, readFileSync(`test/fixtures/${slug}/source.html`, 'utf8'));
  const page = await qari.ctx.newPage();
  await page.goto(`${qari.server.origin}${path}`);
  const popup = await popupFor(qari, page);
  await popup.getByRole('button', { name: 'Save for later' }).waitFor();
  await popup.bringToFront();
  const ms = await popup.evaluate(async () => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Save for later')!;
    const done = new Promise<void>((resolve) => {
      const observer = new MutationObserver(() => {
        if ([...document.querySelectorAll('[role="status"]')].some((e) => e.textContent?.includes('Saved'))) {
          observer.disconnect();
          resolve();
        }
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    const t0 = performance.now();
    button.click();
    await done;
    return performance.now() - t0;
  });
  await popup.close();
  await page.close();
  return ms;
}

export interface LibraryAtSize {
  size: number;
  fillMs: number;
  /** Wait for the browser to go idle after the fill (settle()). */
  settleMs: number;
  counts: Awaited<ReturnType<Filler['counts']>>;
  /** IndexedDB bytes of the extension origin (CDP Storage.getUsageAndQuota), and navigator.storage.estimate(). */
  idbBytes: number;
  estimateBytes: number;
  /** idbBytes per article over the article's own bytes (content HTML + image bytes, the library's `bytes`). */
  storedOverOwn: number;
  listMs: number;
  searchRareMs: number;
  searchCommonMs: number;
  searchRareCheck: string;
  openMs: number;
  saveMs: number;
  exportMs: number;
  exportBytes: number;
}

/**
 * Waits until the browser has been idle for a second (its processes used under 5% of a core), at most `maxMs`:
 * after a large fill the storage backend keeps compacting for a while, as it would not in a library built up
 * over months. Returns how long it waited.
 */
export async function settle(qari: Qari, maxMs = 180_000): Promise<number> {
  const cdp = await qari.ctx.browser()!.newBrowserCDPSession();
  const cpuSeconds = async () =>
    (
      (await cdp.send('SystemInfo.getProcessInfo')) as unknown as { processInfo: { cpuTime: number }[] }
    ).processInfo.reduce((sum, p) => sum + p.cpuTime, 0);
  const t0 = performance.now();
  let before = await cpuSeconds();
  while (performance.now() - t0 < maxMs) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const now = await cpuSeconds();
    if (now - before < 0.05) break;
    before = now;
  }
  await cdp.detach();
  return performance.now() - t0;
}

/** The filler page, seeded with one saved copy of each fixture article (the templates of every later copy). */
export async function openFiller(qari: Qari, fillerSource: string, pages: Fixture[]) {
  const filler = await qari.ctx.newPage();
  await filler.goto(`chrome-extension://${qari.extId}/reader.html`); // any extension page; this one stays idle
  await filler.evaluate(fillerSource); // CDP Runtime.evaluate: not subject to the page's CSP
  const origin = qari.server.origin;
  const articles = pages.filter((p) => p.isArticle);
  const seedPages = articles.map((p, i) => ({
    url: `${origin}/fixtures/${p.slug}/?copy=${i}`,
    html: readFileSync(`test/fixtures/${p.slug}/source.html`, 'utf8'),
  }));
  // The image bytes the test server serves for those articles (what the background would have fetched).
  const bytes: Record<string, { base64: string; type: string }> = {};
  for (const url of await call(filler, 'imageUrls', seedPages)) {
    // Only the test server's images: every other host is blocked in the browser too (the copy saves it missing).
    if (!url.startsWith(`${origin}/`)) continue;
    const response = await fetch(url);
    if (response.ok)
      bytes[url] = {
        base64: Buffer.from(await response.arrayBuffer()).toString('base64'),
        type: response.headers.get('content-type') ?? '',
      };
  }
  const start = Date.now() - 30 * 86_400_000; // copies are "saved" one second apart, from 30 days ago
  const count = await call(filler, 'seed', seedPages, bytes, start);
  const template = await call(filler, 'templateBytes');
  const openId = await call(filler, 'idFor', seedPages[articles.findIndex((p) => p.slug === OPEN_SLUG)]!.url);
  return { filler, start, openId, templates: { count, ...template } };
}

export async function measureLibrary(qari: Qari, fillerSource: string, pages: Fixture[], log: (s: string) => void) {
  const { filler, start, openId, templates } = await openFiller(qari, fillerSource, pages);
  log(
    `library templates: ${templates.count} articles, mean ${Math.round(templates.meanBytes)} B (content + ${templates.meanImages.toFixed(2)} images)`,
  );
  const cdp = await qari.ctx.newCDPSession(filler);

  const results: LibraryAtSize[] = [];
  for (const size of SIZES) {
    const { ms: fillMs } = await call(filler, 'fill', size, start);
    const counts = await call(filler, 'counts');
    const quota = (await cdp.send('Storage.getUsageAndQuota', { origin: `chrome-extension://${qari.extId}` })) as {
      usageBreakdown: { storageType: string; usage: number }[];
    };
    const idbBytes = quota.usageBreakdown.find((u) => u.storageType === 'indexeddb')?.usage ?? NaN;
    const estimateBytes = await filler.evaluate(async () => (await navigator.storage.estimate()).usage ?? NaN);
    const settleMs = await settle(qari);
    log(
      `library ${size}: filled in ${(fillMs / 1000).toFixed(1)} s, settled in ${(settleMs / 1000).toFixed(1)} s; measuring`,
    );

    const listMs = median(
      await repeat(REPS, async () => {
        const { page, ms } = await openList(qari);
        await page.close();
        return ms;
      }),
    );

    log(`library ${size}: search`);
    const { page: list } = await openList(qari);
    let searchRareCheck = '';
    const search = async (word: string) =>
      median(
        await repeat(REPS, async () => {
          const { ms, titles } = await searchOnce(list, word);
          if (word === RARE_WORD) searchRareCheck = `${titles.length} results, first: ${titles[0] ?? 'none'}`;
          await searchOnce(list, ''); // back to the full list (not timed)
          return ms;
        }),
      );
    const searchRareMs = await search(RARE_WORD);
    const searchCommonMs = await search(COMMON_WORD);

    log(`library ${size}: export`);
    let exportBytes = 0;
    const exportMs = median(
      await repeat(EXPORT_REPS, async () => {
        const download = list.waitForEvent('download', { timeout: 600_000 });
        const t0 = performance.now();
        await list.evaluate(() =>
          [...document.querySelectorAll('button')].find((b) => b.textContent === 'Export library')!.click(),
        );
        const file = await download;
        const ms = performance.now() - t0;
        exportBytes = statSync(await file.path()).size;
        await file.delete();
        return ms;
      }),
    );
    await list.close();

    log(`library ${size}: open`);
    const openMs = median(
      await repeat(REPS, async () => {
        const page = await qari.ctx.newPage();
        await page.goto(`chrome-extension://${qari.extId}/saved.html?id=${encodeURIComponent(openId)}`);
        const ms = (await (await stampsOf(page, 'readyPaintedAt')).jsonValue()) as number;
        const state = await page.evaluate(() => document.body.dataset.ready);
        if (state !== 'ok') throw new Error(`the saved article did not open (${state})`);
        await page.close();
        return ms;
      }),
    );

    log(`library ${size}: save`);
    const saveMs = median(await repeat(REPS, (i) => saveOnce(qari, SAVE_SLUG, `/bench-save/${size}-${i + 1}/`)));

    const own = counts.usageBytes / counts.usageArticles;
    results.push({
      size,
      fillMs,
      settleMs,
      counts,
      idbBytes,
      estimateBytes,
      storedOverOwn: idbBytes / counts.articles / own,
      listMs,
      searchRareMs,
      searchCommonMs,
      searchRareCheck,
      openMs,
      saveMs,
      exportMs,
      exportBytes,
    });
  }
  await filler.close();
  return { templates, results };
}

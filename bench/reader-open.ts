import type { Frame, Page, Request } from 'playwright-core';
import type { Qari } from '../e2e/launch';
import { readerShown, waitForPreparedReader, waitForReader } from '../e2e/pages/reader-frame';
import { popupFor as openPopupFor } from '../e2e/pages/popup';
import type { Blocker } from './fixtures';
import type { Stamps } from './probes';
import { median, p95, repeat } from './stats';

/**
 * Figure 2: "Open reader view" clicked in popup.html?tab=N to the reader frame's body[data-ready="ok"] (and to
 * the frame after it, painted), over the page. Both ends are stamped in the browser: the click in the popup,
 * readiness in the frame (bench/probes.ts), as epoch milliseconds (performance.timeOrigin + now), so no
 * test-driver latency is in the figure. As in real use, the popup has already inspected the page (the content
 * script extracted the article when the popup opened), and the popup has prepared the reader frame out of sight
 * (content/reader-frame.ts): the click comes once that frame has rendered the article, as a person's click comes
 * a few hundred milliseconds after the popup shows. `prepareMs` is how long that took (popup reload → frame
 * rendered, hidden), so the work moved before the click stays in view.
 */

export const REPS = 3;

export interface OpenRun {
  /** click → frame navigation start; negative when the frame was prepared before the click. */
  toFrameStart: number;
  /** click → body[data-ready="ok"]. */
  toReady: number;
  /** click → the frame after ready, painted. */
  toPainted: number;
  /** Within the frame: navigation start → DOMContentLoaded end (reader.html, its CSS and module scripts). */
  frameDcl: number;
  /** Popup reload → the prepared (hidden) frame has rendered the article; before the click, not in toReady. */
  prepareMs: number;
}

const stampsOf = (frame: Frame) =>
  frame.evaluate(async () => {
    const w = window as unknown as { __benchStamps: Stamps };
    while (w.__benchStamps.readyPaintedAt === undefined) await new Promise((r) => setTimeout(r, 5));
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return { ...w.__benchStamps, dcl: nav.domContentLoadedEventEnd };
  });

/** Clicks "Open reader view" in the popup, waits for the reader over `page`, closes it with its own button. */
async function openOnce(popup: Page, page: Page): Promise<{ run: Omit<OpenRun, 'prepareMs'>; frame: Frame }> {
  await page.bringToFront();
  const clickAt = await popup.evaluate(() => {
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Open reader view');
    if (!button || button.disabled) throw new Error('"Open reader view" is not available');
    const at = performance.timeOrigin + performance.now();
    button.click();
    return at;
  });
  const frame = await waitForReader(page);
  const s = await stampsOf(frame);
  return {
    frame,
    run: {
      toFrameStart: s.timeOrigin - clickAt,
      toReady: s.timeOrigin + s.readyAt! - clickAt,
      toPainted: s.timeOrigin + s.readyPaintedAt! - clickAt,
      frameDcl: s.dcl,
    },
  };
}

async function closeReader(frame: Frame, page: Page): Promise<void> {
  // The reader's own "Close reader view" button, clicked from a task so the evaluate returns before the frame goes.
  await frame.evaluate(() => {
    const close = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Close reader view');
    if (!close) throw new Error('no "Close reader view" button in the reader');
    setTimeout(() => close.click());
  });
  while (await readerShown(page)) await page.waitForTimeout(10);
}

/** The e2e popup for `page` (e2e/pages/popup.ts), then waits for the real toolbar popup to settle too. */
export async function popupFor(qari: Qari, page: Page): Promise<Page> {
  const popup = await openPopupFor(qari, page);
  // Let the toolbar popup the click opened finish its own inspection, so it does not run during a measurement.
  await popup.waitForFunction(
    () => !!chrome.extension.getViews({ type: 'popup' })[0]?.document.body?.dataset.ready,
    null,
    { polling: 20 },
  );
  return popup;
}

export async function measureOpen(qari: Qari, page: Page, url: string, net: Blocker) {
  await page.goto(url, { waitUntil: 'load' });
  const popup = await popupFor(qari, page);
  await net.pause(); // no request interception while the reader's own files load (see fixtures.ts)
  const runs = await repeat(REPS, async () => {
    const reloadAt = Date.now();
    await popup.reload();
    await popup.getByRole('button', { name: 'Open reader view' }).waitFor();
    await waitForPreparedReader(page);
    const prepareMs = Date.now() - reloadAt;
    const { run, frame } = await openOnce(popup, page);
    await closeReader(frame, page);
    return { ...run, prepareMs };
  });
  await net.resume();
  await popup.close();
  const med = (k: keyof OpenRun) => median(runs.map((r) => r[k]));
  return {
    toFrameStart: med('toFrameStart'),
    toReady: med('toReady'),
    toPainted: med('toPainted'),
    frameDcl: med('frameDcl'),
    prepareMs: med('prepareMs'),
  };
}

/**
 * Opens the reader once more on `page` and lists the font files its frame requested (Playwright's request
 * events: the frame's resource timing leaves chrome-extension:// loads out) and the faces document.fonts has
 * loaded, once every font load has settled.
 */
export async function readerFonts(qari: Qari, page: Page, url: string) {
  await page.goto(url, { waitUntil: 'load' });
  const files: string[] = [];
  const onRequest = (request: Request) => {
    const frameUrl = request.frame().url();
    if (frameUrl.includes('/reader.html') && /\.(woff2?|ttf|otf)$/.test(new URL(request.url()).pathname))
      files.push(new URL(request.url()).pathname.split('/').pop()!);
  };
  // Before the popup: it prepares the reader frame, which may load its fonts before the click.
  page.on('request', onRequest);
  const popup = await popupFor(qari, page);
  const { frame } = await openOnce(popup, page);
  const faces = await frame.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts]
      .filter((f) => f.status === 'loaded')
      .map((f) => `${f.family.replace(/"/g, '')} ${f.weight}`);
  });
  page.off('request', onRequest);
  await closeReader(frame, page);
  await popup.close();
  return { files, faces };
}

export interface PageOpen {
  slug: string;
  toFrameStart: number;
  toReady: number;
  toPainted: number;
  frameDcl: number;
  prepareMs: number;
  /** Median of qari() for this page (figure 1), the reference of the ratio. */
  qari: number;
}

export function summarizeOpen(perPage: PageOpen[]) {
  const s = (v: number[]) => ({ median: median(v), p95: p95(v) });
  return {
    toReady: s(perPage.map((p) => p.toReady)),
    toPainted: s(perPage.map((p) => p.toPainted)),
    toFrameStart: s(perPage.map((p) => p.toFrameStart)),
    frameStartToDcl: s(perPage.map((p) => p.frameDcl)),
    dclToReady: s(perPage.map((p) => p.toReady - p.toFrameStart - p.frameDcl)),
    paintedOverQari: s(perPage.map((p) => p.toPainted / p.qari)),
    prepare: s(perPage.map((p) => p.prepareMs)),
  };
}

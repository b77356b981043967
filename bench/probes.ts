/**
 * Timestamps taken inside Qari's own pages, installed with context.addInitScript so they run before the page's
 * scripts (CDP injection is not subject to the extension pages' CSP). Only chrome-extension:// documents are
 * touched. Each signal the app already gives (body[data-ready], body[data-list-ready]) is stamped when it
 * appears, and again after the next frame ("painted": a requestAnimationFrame callback, then a task after it,
 * runs once that frame's rendering is done). Stamps are performance.now() values of that document.
 *
 * With `bench=list` in a popup URL, the "Reading list" tab is clicked as soon as the popup is ready, so that
 * "popup open to first list paint" has no test-driver latency in it.
 *
 * Plain JavaScript in a string: tsx compiles functions with helper calls (__name) that do not exist in a page.
 */
export interface Stamps {
  timeOrigin: number;
  /** body[data-ready]'s value: 'ok', 'error' (reader) or 'true' (popup). */
  ready?: string;
  readyAt?: number;
  readyPaintedAt?: number;
  listReadyAt?: number;
  listPaintedAt?: number;
}

export const PROBES = `(() => {
  if (location.protocol !== 'chrome-extension:') return;
  const stamps = { timeOrigin: performance.timeOrigin };
  window.__benchStamps = stamps;
  const autoList = new URLSearchParams(location.search).get('bench') === 'list';
  const painted = (key) => requestAnimationFrame(() => setTimeout(() => { stamps[key] = performance.now(); }));
  new MutationObserver(() => {
    const body = document.body;
    if (!body) return;
    if (body.dataset.ready && stamps.readyAt === undefined) {
      stamps.readyAt = performance.now();
      stamps.ready = body.dataset.ready;
      painted('readyPaintedAt');
      if (autoList) document.getElementById('tab-list')?.click();
    }
    if (body.dataset.listReady && stamps.listReadyAt === undefined) {
      stamps.listReadyAt = performance.now();
      painted('listPaintedAt');
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-ready', 'data-list-ready'] });
})();`;

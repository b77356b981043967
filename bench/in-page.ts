/**
 * Runs inside a fixture page (main world), injected by bench/extraction.ts as an IIFE built by
 * bench/vite.in-page.config.ts. Each function times one extraction of the live document with performance.now()
 * and returns the elapsed milliseconds; each starts from a fresh clone, so repeated calls are independent.
 */
import { Readability } from '@mozilla/readability';
import { pageDocument } from '../content/page-document';
import { readLiveSignals } from '../content/read-live-signals';
import { extractArticle } from '../src/extract/extract-article';

export interface BenchRun {
  ms: number;
  /** What the run produced, so a broken run cannot pass as a fast one. */
  found: boolean;
}

function clone(): BenchRun {
  const t0 = performance.now();
  const doc = pageDocument.clone();
  const ms = performance.now() - t0;
  return { ms, found: !!doc.body };
}

/** Plain Readability, default options, as a reader view without Qari's passes would run it. */
function readability(): BenchRun {
  const t0 = performance.now();
  const parsed = new Readability(pageDocument.clone()).parse();
  const ms = performance.now() - t0;
  return { ms, found: !!parsed?.content };
}

/**
 * The work of content/index.ts's extract(): the live signals, then the extraction of a clone, here without the
 * pauses between its steps (there the page's own tasks run in them; timing them would time the page).
 */
function qari(): BenchRun {
  const t0 = performance.now();
  const signals = readLiveSignals();
  // `copy` as content/index.ts gives it: the never-refuse fallback clones the page again only when it is needed.
  const result = extractArticle(pageDocument.clone(), { url: location.href, signals, copy: pageDocument.clone });
  const ms = performance.now() - t0;
  return { ms, found: result.ok };
}

/** qari() told pass by pass (the extraction's onPass hook): milliseconds per pass, for the profile's table. */
function passes(): Record<string, number> {
  const ms: Record<string, number> = {};
  const t0 = performance.now();
  const signals = readLiveSignals();
  const doc = pageDocument.clone();
  ms['(clone + live signals)'] = performance.now() - t0;
  extractArticle(doc, {
    url: location.href,
    signals,
    copy: pageDocument.clone,
    onPass: (name, t) => (ms[name] = (ms[name] ?? 0) + t),
  });
  return ms;
}

(window as unknown as { __qariBench: unknown }).__qariBench = { clone, readability, qari, passes };

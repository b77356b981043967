// @vitest-environment node
/**
 * A page of enormous clutter with a real article in the middle: extraction must finish within its time budget
 * and either find the article, say clearly that the page is not one, or say that it is too large to read in
 * time. It must not throw.
 *
 * Size: the brief's page is 200,000 elements / ~22 MB; run it with QARI_HUGE_ELEMENTS=200000. jsdom alone needs
 * 16-48 s to parse that (machine load), so by default the same page shape runs at 20,000 elements (~2.2 MB).
 * The 200,000-element page runs in Chromium, through the popup, in e2e/huge-page.e2e.test.ts.
 */
import { JSDOM } from 'jsdom';
import { expect, test } from 'vitest';
import { extractArticle } from '../../src/extract/extract-article';
import { ARTICLE_CLOSING, ARTICLE_OPENING, hugePage } from './huge-page';

const ELEMENTS = Number(process.env['QARI_HUGE_ELEMENTS'] ?? 20_000);
const URL = 'https://coastgazette.example/news/2025/03/12/breakwater-rebuild-approved';
/** The "< 60 s in jsdom" of the brief; past it the answer is 'too-large'. Checked every 256 steps of work. */
const BUDGET_MS = 60_000;
const OVERRUN_MS = 15_000;

test(`a ${ELEMENTS.toLocaleString('en')}-element page of clutter around one article`, () => {
  const started = performance.now();
  const page = hugePage(ELEMENTS);
  const dom = new JSDOM(page.html, { url: URL });
  const parsed = performance.now();
  const elements = dom.window.document.getElementsByTagName('*').length;
  let result: ReturnType<typeof extractArticle> | undefined;
  let error: unknown;
  try {
    result = extractArticle(dom.window.document, { url: URL, budgetMs: BUDGET_MS });
  } catch (e) {
    error = e;
  }
  const extracted = performance.now();
  dom.window.close();
  console.log(
    `huge page: ${elements} elements, ${(page.bytes / 1e6).toFixed(1)} MB; parse ${((parsed - started) / 1000).toFixed(1)} s, ` +
      `extract ${((extracted - parsed) / 1000).toFixed(1)} s; ` +
      (result?.ok ? `article, ${result.article.textContent.length} chars` : `not an article: ${result?.message}`),
  );
  expect(error).toBeUndefined();
  expect(result).toBeDefined();
  expect(extracted - parsed).toBeLessThan(BUDGET_MS + OVERRUN_MS);
  if (result!.ok) {
    expect(result!.article.textContent).toContain(ARTICLE_OPENING);
    expect(result!.article.textContent).toContain(ARTICLE_CLOSING);
    expect(result!.article.title).toBe('Harbour authority approves rebuild of the storm-damaged north breakwater');
  } else if (result!.reason === 'too-large') {
    expect(result!.message).toMatch(/too large to read/);
  } else {
    expect(result!.reason).toBe('not-article');
    expect(result!.message).toMatch(/article/);
  }
}, 600_000);

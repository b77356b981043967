/**
 * The fuzz harness shared by fuzz.test.ts and fuzz-corpus.test.ts (two files so that Vitest runs them on two
 * workers). Must run in a DOM environment (`@vitest-environment jsdom`): most documents are parsed with the global
 * DOMParser, like the content script's windowless clone of the live page.
 */
import { JSDOM } from 'jsdom';
import { extractArticle, type ExtractResult } from '../../src/extract/extract-article';
import { extractHtml } from '../../src/node/extract-html';
import { mulberry32, pick, type Rng } from './generators';

export const SEED = 0x5eed_2025;
export const URLS = [
  'https://example.com/news/2024/story.html',
  'http://[::1]:8080/a?b=c#d',
  'https://مثال.إختبار/مقال',
  'file:///tmp/page.html',
];

export interface Failure {
  generator: string;
  seed: number;
  index: number;
  via: string;
  problem: string;
}

/** What must hold of every result, whatever the input. Returns a description of the violation, or null. */
export function violation(result: unknown, sourceMentions: (s: string) => boolean): string | null {
  if (!result || typeof result !== 'object') return `not an object: ${String(result)}`;
  const r = result as ExtractResult;
  if (typeof r.ok !== 'boolean') return 'result.ok is not a boolean';
  if (!r.ok) {
    if (r.reason !== 'not-article' || typeof r.message !== 'string' || !r.message)
      return 'not-ok result without reason/message';
    if (r.title !== null && typeof r.title !== 'string') return 'not-ok title is neither string nor null';
    return null;
  }
  const { article } = r;
  for (const key of ['textContent', 'content', 'title', 'url'] as const)
    if (typeof article[key] !== 'string') return `article.${key} is ${typeof article[key]}`;
  for (const bad of ['undefined', '[object']) {
    if (article.textContent.includes(bad) && !sourceMentions(bad)) return `textContent contains "${bad}"`;
    if (article.title.includes(bad) && !sourceMentions(bad)) return `title contains "${bad}"`;
  }
  if (!['ltr', 'rtl'].includes(article.dir)) return `dir is ${String(article.dir)}`;
  if (!Number.isFinite(article.readingTimeMinutes) || !Number.isFinite(article.wordCount)) return 'non-finite counts';
  return null;
}

export type Via = 'domparser' | 'jsdom' | 'extractHtml';

export function viaFor(index: number): Via {
  if (index % 50 === 7) return 'extractHtml';
  if (index % 20 === 3) return 'jsdom';
  return 'domparser';
}

/** Parses and extracts one HTML string the given way; never lets an exception escape (it becomes a failure). */
export function runHtml(html: string, url: string, via: Via): { result?: unknown; error?: unknown } {
  try {
    if (via === 'extractHtml') return { result: extractHtml(html, url) };
    if (via === 'jsdom') {
      const dom = new JSDOM(html, { url, contentType: 'text/html' });
      try {
        return { result: extractArticle(dom.window.document, { url }) };
      } finally {
        dom.window.close();
      }
    }
    const doc = new DOMParser().parseFromString(html, 'text/html');
    return { result: extractArticle(doc, { url }) };
  } catch (error) {
    return { error };
  }
}

export function describeError(error: unknown): string {
  const e = error as Error;
  return `threw ${e?.name ?? typeof error}: ${String(e?.message ?? error).slice(0, 200)} @ ${(e?.stack ?? '').split('\n')[1]?.trim() ?? ''}`;
}

/** Runs `count` generated documents; returns failures and the time taken. */
export function fuzz(generator: string, count: number, make: (rng: Rng, index: number) => string, seedOffset = 0) {
  const failures: Failure[] = [];
  const started = performance.now();
  const slowest: { ms: number; index: number; bytes: number }[] = [];
  for (let index = 0; index < count; index++) {
    const seed = (SEED + seedOffset + index * 7919) >>> 0;
    const rng = mulberry32(seed);
    const html = make(rng, index);
    const url = pick(rng, URLS);
    const via = viaFor(index);
    const t = performance.now();
    const { result, error } = runHtml(html, url, via);
    slowest.push({ ms: performance.now() - t, index, bytes: html.length });
    const problem = error ? describeError(error) : violation(result, (s) => html.includes(s));
    if (problem) failures.push({ generator, seed, index, via, problem });
  }
  const ms = performance.now() - started;
  const top = slowest
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 3)
    .map((s) => `#${s.index} ${Math.round(s.ms)} ms (${s.bytes} chars)`)
    .join(', ');
  console.log(
    `fuzz ${generator}: ${count} documents in ${(ms / 1000).toFixed(1)} s, ${failures.length} failures; slowest ${top}`,
  );
  return failures;
}

export function report(failures: Failure[]): string {
  return failures
    .slice(0, 8)
    .map((f) => `${f.generator} seed=${f.seed} index=${f.index} via=${f.via}: ${f.problem}`)
    .join('\n');
}

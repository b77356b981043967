import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { Qari } from '../e2e/launch';
import type { BenchRun } from './in-page';
import { median, p95, repeat } from './stats';

/**
 * Figure 1: extraction in the page, timed inside the page. Per fixture: 1 warm-up round (discarded), then REPS
 * rounds of clone / readability / qari; the median per page, then median and p95 over pages. Ratios are taken
 * per page (qari median / readability median) and then summarised over pages.
 */

export const REPS = 5;
type Method = 'clone' | 'readability' | 'qari';
const METHODS: Method[] = ['clone', 'readability', 'qari'];

export interface PageExtraction {
  slug: string;
  clone: number;
  readability: number;
  qari: number;
  qariFoundArticle: boolean;
}

/** A page to time: its name in the results and its path on the test server. */
export interface Target {
  slug: string;
  path: string;
}

export async function measureExtraction(qari: Qari, page: Page, pages: Target[], bundle: string) {
  const perPage: PageExtraction[] = [];
  const failed: string[] = [];
  // Injected as an evaluated script rather than a <script> tag: corpus pages are served with a CSP that blocks
  // their own scripts (so the saved page stays as saved), and evaluation is not subject to it.
  const source = readFileSync(bundle, 'utf8');
  for (const { slug, path } of pages) {
    let rounds: BenchRun[][];
    try {
      await page.goto(`${qari.server.origin}${path}`, { waitUntil: 'load' });
      await page.evaluate(source);
      rounds = await repeat(REPS, () =>
        page.evaluate((methods) => {
          const bench = (window as unknown as { __qariBench: Record<string, () => BenchRun> }).__qariBench;
          return methods.map((m) => bench[m]!());
        }, METHODS),
      );
    } catch {
      failed.push(slug); // a real page that navigates away (meta refresh) or throws: reported, not timed
      continue;
    }
    const med = (i: number) => median(rounds.map((r) => r[i]!.ms));
    perPage.push({
      slug,
      clone: med(0),
      readability: med(1),
      qari: med(2),
      qariFoundArticle: rounds.every((r) => r[2]!.found),
    });
  }
  const summary = (values: number[]) => ({ median: median(values), p95: p95(values) });
  return {
    perPage,
    failed,
    clone: summary(perPage.map((p) => p.clone)),
    readability: summary(perPage.map((p) => p.readability)),
    qari: summary(perPage.map((p) => p.qari)),
    qariOverReadability: summary(perPage.map((p) => p.qari / p.readability)),
    qariOverClone: summary(perPage.map((p) => p.qari / p.clone)),
  };
}

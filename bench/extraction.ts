import type { Page } from 'playwright-core';
import type { Qari } from '../e2e/launch';
import type { BenchRun } from './in-page';
import { median, p95, repeat } from './stats';
import type { Fixture } from './fixtures';

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

export async function measureExtraction(qari: Qari, page: Page, pages: Fixture[], bundle: string) {
  const perPage: PageExtraction[] = [];
  for (const { slug } of pages) {
    await page.goto(`${qari.server.origin}/fixtures/${slug}/`, { waitUntil: 'load' });
    await page.addScriptTag({ path: bundle });
    const rounds = await repeat(REPS, () =>
      page.evaluate((methods) => {
        const bench = (window as unknown as { __qariBench: Record<string, () => BenchRun> }).__qariBench;
        return methods.map((m) => bench[m]!());
      }, METHODS),
    );
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
    clone: summary(perPage.map((p) => p.clone)),
    readability: summary(perPage.map((p) => p.readability)),
    qari: summary(perPage.map((p) => p.qari)),
    qariOverReadability: summary(perPage.map((p) => p.qari / p.readability)),
    qariOverClone: summary(perPage.map((p) => p.qari / p.clone)),
  };
}

// @vitest-environment node
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { expect, test } from 'vitest';
import { extractArticle, extractArticleInSteps } from './extract-article';
import { tick, TimeBudgetExceeded, withDeadline } from './time-budget';

const SLUG = 'english-news-wire';
const URL = 'https://example.com/news/story';
const html = readFileSync(`test/fixtures/${SLUG}/source.html`, 'utf8');
const fresh = () => new JSDOM(html, { url: URL }).window.document;

test('tick() throws only inside a span whose deadline has passed, and only on its sampled calls', () => {
  for (let i = 0; i < 1000; i++) tick(); // no deadline: never throws
  expect(() =>
    withDeadline(performance.now() - 1, () => {
      throw new Error('not reached: the deadline is checked on entry');
    }),
  ).toThrow(TimeBudgetExceeded);
  const past = performance.now() + 5;
  expect(() =>
    withDeadline(past, () => {
      while (performance.now() <= past);
      for (let i = 0; i < 1000; i++) tick();
    }),
  ).toThrow(TimeBudgetExceeded);
  for (let i = 0; i < 1000; i++) tick(); // the span is over
});

test('an extraction out of budget answers "too-large" with a message for the reader', () => {
  const result = extractArticle(fresh(), { url: URL, budgetMs: 0 });
  expect(result).toMatchObject({ ok: false, reason: 'too-large', title: null });
  expect(!result.ok && result.message).toMatch(/^This page is too large to read: Qari stopped after [\d.]+ s/);
});

test('extraction in steps, pausing between them, gives exactly the one-go result', async () => {
  let pauses = 0;
  const inSteps = await extractArticleInSteps(fresh(), { url: URL, budgetMs: 60_000 }, async () => {
    pauses++;
  });
  expect(pauses).toBeGreaterThan(3);
  expect(inSteps).toEqual(extractArticle(fresh(), { url: URL }));
  expect(inSteps.ok).toBe(true);
});

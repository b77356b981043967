// @vitest-environment node
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { expect, test } from 'vitest';
import { extractArticle, isSkipName, SKIP_NAMES, type ExtractOptions, type PassName } from './extract-article';

const URL_ = 'https://example.com/news/story';
const html = readFileSync('test/fixtures/english-news-wire/source.html', 'utf8');
const fresh = () => new JSDOM(html, { url: URL_ }).window.document;

test('skip names are checked by the compiler', () => {
  // @ts-expect-error a misspelt pass name does not compile
  const typo: ExtractOptions = { url: URL_, skip: ['after.tial'] };
  const right: ExtractOptions = { url: URL_, skip: ['after.tail', 'before.classes', 'lead', 'commas'] };
  expect(typo.skip).toHaveLength(1);
  expect(right.skip?.every(isSkipName)).toBe(true);
  expect(isSkipName('after.tial')).toBe(false);
});

test('every stat names a pass that skip leaves out, and skipping it leaves its stat out', () => {
  const result = extractArticle(fresh(), { url: URL_ });
  if (!result.ok) throw new Error(result.message);
  for (const name of Object.keys(result.stats)) expect(SKIP_NAMES).toContain(name);
  const skipped = extractArticle(fresh(), { url: URL_, skip: ['after.tail', 'lead'] });
  expect(skipped.ok && Object.keys(skipped.stats)).not.toContain('after.tail');
  expect(skipped.ok && Object.keys(skipped.stats)).not.toContain('lead');
});

test('onPass is told every pass that ran, in pipeline order, once each', () => {
  const told: PassName[] = [];
  extractArticle(fresh(), { url: URL_, onPass: (name, ms) => (expect(ms).toBeGreaterThanOrEqual(0), told.push(name)) });
  expect(told[0]).toBe('unclobber');
  expect(told.indexOf('before.classes')).toBeLessThan(told.indexOf('readability'));
  expect(told.indexOf('readability')).toBeLessThan(told.indexOf('after.tail'));
  expect(told[told.length - 1]).toBe('article');
  const plain: PassName[] = [];
  extractArticle(fresh(), { url: URL_, passes: false, onPass: (name) => plain.push(name) });
  expect(plain).toContain('readability');
  expect(plain.some((name) => name.startsWith('before.') || name.startsWith('after.t'))).toBe(false);
});

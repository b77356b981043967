/**
 * `npx tsx bench/snapshot-extraction.ts OUT.json [--corpus DIR [--count N]]`: every fixture's (and, with --corpus,
 * the WCXB timing sample's, or N dev articles spread the same way) extraction result as JSON: verdict, stats and the
 * article exactly as extracted (content unsanitized). Two snapshots that are byte-identical show that a refactoring
 * or a speed-up changed no output; the fixture test compares collapsed DOM trees, which is looser.
 */
import { writeFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { extractArticle } from '../src/extract/extract-article';
import { fixtureSlugs, readChecks, FIXTURES_DIR } from '../test/fixture-io';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { wcxbArticleSample } from './wcxb-sample';

const out = process.argv[2];
if (!out) throw new Error('usage: snapshot-extraction.ts OUT.json [--corpus DIR [--count N]]');
const corpusAt = process.argv.indexOf('--corpus');
const countAt = process.argv.indexOf('--count');
const count = countAt > 0 ? Number(process.argv[countAt + 1]) : undefined;
const pages: { name: string; url: string; html: string }[] = fixtureSlugs().map((slug) => ({
  name: slug,
  url: readChecks(slug).url,
  html: readFileSync(join(FIXTURES_DIR, slug, 'source.html'), 'utf8'),
}));
if (corpusAt > 0)
  for (const p of wcxbArticleSample(process.argv[corpusAt + 1]!, count)) pages.push({ name: `wcxb-${p.id}`, ...p });
const results: Record<string, unknown> = {};
for (const page of pages) {
  const dom = new JSDOM(page.html, { url: page.url, contentType: 'text/html' });
  try {
    results[page.name] = extractArticle(dom.window.document, { url: page.url });
  } catch (error) {
    results[page.name] = { error: String(error) };
  } finally {
    dom.window.close();
  }
}
writeFileSync(out, JSON.stringify(results, null, 1));
console.log(`${pages.length} pages → ${out}`);

import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ExtractResult } from '../src/extract/extract-article';
import { extractHtml } from '../src/node/extract-html';

/**
 * Extraction fixtures: test/fixtures/<slug>/
 *   source.html            the saved page
 *   checks.json            hand-written expectations (phrases that must / must not survive, metadata)
 *   expected.html          the extractor's reviewed output (regenerate: npm run fixture <slug>|all)
 *   expected-metadata.json the extractor's reviewed metadata
 */

export const FIXTURES_DIR = resolve('test/fixtures');

export interface Checks {
  url: string;
  isArticle: boolean;
  title: string | null;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
  lang: string | null;
  dir: 'rtl' | 'ltr' | null;
  mustInclude: string[];
  mustExclude: string[];
  imagesMin: number;
  notes?: string;
}

export interface ExpectedMetadata {
  isArticle: boolean;
  title: string | null;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
  lang: string | null;
  dir: string | null;
  excerpt: string | null;
  readingTimeMinutes: number | null;
  /** The reader's one-line notice when Qari is unsure (absent when it is sure). */
  notice?: string;
}

export function fixtureSlugs(): string[] {
  return readdirSync(FIXTURES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(FIXTURES_DIR, d.name, 'source.html')))
    .map((d) => d.name)
    .sort();
}

export function readChecks(slug: string): Checks {
  return JSON.parse(readFileSync(join(FIXTURES_DIR, slug, 'checks.json'), 'utf8')) as Checks;
}

export function runFixture(slug: string): ExtractResult {
  return extractHtml(readFileSync(join(FIXTURES_DIR, slug, 'source.html'), 'utf8'), readChecks(slug).url);
}

export function metadataOf(result: ExtractResult): ExpectedMetadata {
  if (!result.ok) {
    return {
      isArticle: false,
      title: result.title,
      byline: null,
      siteName: null,
      publishedTime: null,
      lang: null,
      dir: null,
      excerpt: null,
      readingTimeMinutes: null,
    };
  }
  const { title, byline, siteName, publishedTime, lang, dir, excerpt, readingTimeMinutes, notice } = result.article;
  return {
    isArticle: true,
    title,
    byline,
    siteName,
    publishedTime,
    lang,
    dir,
    excerpt,
    readingTimeMinutes,
    ...(notice && { notice }),
  };
}

/** One block per line, so a reviewer's diff of expected.html reads paragraph by paragraph. */
export function prettyHtml(html: string): string {
  return `${html
    .replace(/(<\/(p|h\d|li|figure|figcaption|blockquote|pre|table|tr|ul|ol|div|section)>)/g, '$1\n')
    .replace(/\n+/g, '\n')
    .trim()}\n`;
}

export function writeExpected(slug: string): ExpectedMetadata {
  const result = runFixture(slug);
  const dir = join(FIXTURES_DIR, slug);
  writeFileSync(join(dir, 'expected.html'), result.ok ? prettyHtml(result.article.content) : '');
  const meta = metadataOf(result);
  writeFileSync(join(dir, 'expected-metadata.json'), `${JSON.stringify(meta, null, 2)}\n`);
  return meta;
}

import browser from 'webextension-polyfill';
import type { Article } from '../src/article';
import type { ImportedContent } from '../src/import/import-entry';
import { callOffscreen } from '../src/messages';
import { extractFromHtml, type HtmlExtraction } from '../src/page-fetch/extract-from-html';
import { DEFAULT_FETCH_LIMITS, fetchPage, type FetchLimits } from '../src/page-fetch/fetch-page';
import { JobError } from '../src/queue/job-error';
import { loadRemovedBlocks } from '../src/site-rules/removed-blocks';
import { ensureOffscreenDocument } from './offscreen-document';

/**
 * A page to an Article without a tab: the one path for links, imports and tabs that cannot be read live. The
 * worker downloads (it holds the host access); the extraction core runs where there is a DOM: Firefox's background
 * page itself, or Chrome's offscreen document. The same core, passes and site rules as the content script.
 */

/** Runs extractFromHtml here when this context has a DOM, else in the offscreen document. */
async function extractAnywhere(html: string, url: string): Promise<HtmlExtraction> {
  const removedBlocks = await loadRemovedBlocks(url).catch(() => []);
  if (typeof DOMParser !== 'undefined') return extractFromHtml(html, url, removedBlocks);
  await ensureOffscreenDocument();
  return callOffscreen('extractHtml', { html, url, removedBlocks });
}

function articleOf(result: HtmlExtraction, url: string): Article {
  if (!result.ok) throw new JobError(result.kind, result.message, result.retry ?? false);
  // The address the reader saved is the article's identity (library id), whatever redirects the download took.
  return { ...result.article, url };
}

/** Fetches `url` and extracts its article, or throws a JobError that says why not. */
export async function extractUrl(url: string, limits: FetchLimits = DEFAULT_FETCH_LIMITS): Promise<Article> {
  const page = await fetchPage(url, limits);
  return articleOf(await extractAnywhere(page.html, page.url), url);
}

/** The article from content an export carried (Omnivore, Wallabag), read like a fetched page at `url`. */
export async function extractImported(url: string, content: ImportedContent): Promise<Article> {
  const article = articleOf(await extractAnywhere(content.html, url), url);
  return {
    ...article,
    title: article.title || content.title || '',
    byline: article.byline ?? content.byline ?? null,
    siteName: article.siteName ?? content.siteName ?? null,
    publishedTime: article.publishedTime ?? content.publishedTime ?? null,
  };
}

/**
 * The host permission pattern for `url`'s site. Without the port: Firefox refuses a pattern with one (contains()
 * answered false for http://127.0.0.1:PORT/* with http://127.0.0.1/* granted), and Chrome ignores ports in
 * host permissions anyway.
 */
export function sitePattern(url: string): string {
  const { protocol, hostname } = new URL(url);
  return `${protocol}//${hostname}/*`;
}

/**
 * Whether Qari may download from `url`'s site (optional host access, granted by the reader). An error of the API
 * itself is thrown, not read as "no": while the browser shuts down the call fails, and "blocked" is a final failure.
 */
export function hasHostAccess(url: string): Promise<boolean> {
  return browser.permissions.contains({ origins: [sitePattern(url)] });
}

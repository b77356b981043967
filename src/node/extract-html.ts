import { JSDOM, VirtualConsole } from 'jsdom';
import type { Article } from '../article';
import { extractArticle, type ExtractOptions, type ExtractResult } from '../extract/extract-article';
import { sanitizeArticleHtmlToString } from '../sanitize';

/**
 * The time budget of extraction in Node (the CLI, the corpus bench). jsdom is several times slower than a browser,
 * so this is twice the content script's 5 s: past it the answer is "too large", not minutes of waiting.
 */
export const CLI_BUDGET_MS = 10_000;

/**
 * The extraction core in Node: parse a saved page with jsdom (scripts never run), extract, and sanitize the
 * content as the reader page would. Used by the CLI, the fixture generator, the fixture tests and the corpus bench.
 *
 * `html` may be the page's bytes: jsdom then decodes them as a browser would (byte order mark, then
 * `<meta charset>`, else windows-1252), which a string read as UTF-8 beforehand cannot undo.
 */
export function extractHtml(
  html: string | Uint8Array,
  url: string,
  options: Omit<ExtractOptions, 'url'> = {},
): ExtractResult {
  // A silent console: jsdom otherwise prints "Could not parse CSS stylesheet" for every style sheet it rejects.
  const dom = new JSDOM(html, { url, contentType: 'text/html', virtualConsole: new VirtualConsole() });
  try {
    const result = extractArticle(dom.window.document, { url, ...options });
    if (!result.ok) return result;
    const window = dom.window as unknown as Window & typeof globalThis;
    const article: Article = {
      ...result.article,
      content: sanitizeArticleHtmlToString(result.article.content, window),
    };
    return { ...result, article };
  } finally {
    dom.window.close();
  }
}

import { JSDOM } from 'jsdom';
import type { Article } from '../article';
import { extractArticle, type ExtractResult } from '../extract/extract-article';
import { sanitizeArticleHtmlToString } from '../sanitize';

/**
 * The extraction core in Node: parse a saved page with jsdom (scripts never run), extract, and sanitize the
 * content as the reader page would. Used by the CLI, the fixture generator and the fixture tests.
 */
export function extractHtml(html: string, url: string, options: { passes?: boolean } = {}): ExtractResult {
  const dom = new JSDOM(html, { url, contentType: 'text/html' });
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

import { JSDOM, VirtualConsole } from 'jsdom';
import type { Article } from '../article';
import { extractArticle, type ExtractOptions, type ExtractResult } from '../extract/extract-article';
import { sanitizeArticleHtmlToString } from '../sanitize';
import { measureMarkup } from './measure-markup';
import { decodeHtml } from '../page-fetch/decode-html';

/**
 * The time budget of extraction in Node (the CLI, the corpus bench). jsdom is several times slower than a browser,
 * so this is twice the content script's 5 s: past it the answer is "too large", not minutes of waiting.
 */
export const CLI_BUDGET_MS = 10_000;

/**
 * Pages jsdom is not asked to parse (its parse is one synchronous call that no time budget reaches; see
 * measure-markup.ts). The largest of WCXB's 1,497 real pages: 5.3 MB, 15,793 elements, nesting depth 130; the
 * bounds leave a wide margin above those and below the hostile pages of issue 11 (45 MB; 300,000 spans; 100,000
 * nested elements).
 */
export const MAX_BYTES = 20 * 2 ** 20;
export const MAX_ELEMENTS = 100_000;
/** Twice Chromium's own parser limit (512): no page a browser shows nests deeper. */
export const MAX_DEPTH = 1_000;

const count = (n: number) => n.toLocaleString('en');

/** A "too large" answer when the page is beyond the bounds, before it is parsed; null when it is within them. */
export function refuseHugeMarkup(html: string | Uint8Array): ExtractResult | null {
  const tooLarge = (what: string) => ({
    ok: false as const,
    reason: 'too-large' as const,
    title: null,
    message: `This page is too large to read: ${what}.`,
  });
  // Characters for a string: close enough to bytes for a bound this wide.
  if (html.length > MAX_BYTES)
    return tooLarge(`${(html.length / 2 ** 20).toFixed(1)} MB (the limit is ${MAX_BYTES / 2 ** 20} MB)`);
  const size = measureMarkup(html);
  if (size.depth > MAX_DEPTH)
    return tooLarge(`elements nested ${count(size.depth)} deep (the limit is ${count(MAX_DEPTH)})`);
  if (size.elements > MAX_ELEMENTS)
    return tooLarge(`${count(size.elements)} elements (the limit is ${count(MAX_ELEMENTS)})`);
  return null;
}

/**
 * The extraction core in Node: parse a saved page with jsdom (scripts never run), extract, and sanitize the
 * content as the reader page would. Used by the CLI, the fixture generator, the fixture tests and the corpus bench.
 *
 * `html` may be the page's bytes: they are decoded as a link save decodes a fetched page (decode-html.ts: byte order
 * mark, `<meta charset>`, else UTF-8 when the bytes are valid UTF-8, else windows-1252), which a string read as
 * UTF-8 beforehand cannot undo. jsdom's own decoding stops at windows-1252 for a page that names no charset in its
 * first 1,024 bytes: 171 of WCXB's 1,497 pages are such UTF-8 pages, and read "didnâ€™t" for "didn’t".
 */
export function extractHtml(
  html: string | Uint8Array,
  url: string,
  options: Omit<ExtractOptions, 'url'> = {},
): ExtractResult {
  const refused = refuseHugeMarkup(html);
  if (refused) return refused;
  // Decoded once: the fallback's copy below parses the same text again.
  const text = typeof html === 'string' ? html : decodeHtml(html, null).text;
  // A silent console: jsdom otherwise prints "Could not parse CSS stylesheet" for every style sheet it rejects.
  const parse = () => new JSDOM(text, { url, contentType: 'text/html', virtualConsole: new VirtualConsole() });
  const dom = parse();
  // The never-refuse fallback's copy: the page parsed again, only on the rare page that needs it (cheaper on
  // every other page than the clone extractArticle would otherwise take before its passes).
  const copies: JSDOM[] = [];
  const copy = () => {
    const again = parse();
    copies.push(again);
    return again.window.document;
  };
  try {
    const result = extractArticle(dom.window.document, { url, copy, ...options });
    if (!result.ok) return result;
    const window = dom.window as unknown as Window & typeof globalThis;
    const article: Article = {
      ...result.article,
      content: sanitizeArticleHtmlToString(result.article.content, window),
    };
    return { ...result, article };
  } finally {
    dom.window.close();
    for (const again of copies) again.window.close();
  }
}

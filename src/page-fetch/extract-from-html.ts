import type { Article } from '../article';
import { extractArticle } from '../extract/extract-article';
import { hasText } from '../extract/confidence';
import type { RemovedBlock } from '../site-rules/removed-blocks';
import { siteRulesFor } from '../site-rules/site-rules-for';
import type { FailureKind } from '../queue/schema';
import { NEEDS_SCRIPT_MESSAGE } from '../queue/job-error';

/** What extracting a fetched page gives: the article, or a failure the queue records as is. */
export type HtmlExtraction =
  { ok: true; article: Article } | { ok: false; kind: FailureKind; message: string; retry?: boolean };

/**
 * Past this the extraction stops with "too large" (extract-article.ts, budgetMs): twice the content script's 5 s,
 * since nobody waits on a page in the queue, but an offscreen document must not be held for minutes.
 */
const BUDGET_MS = 10_000;

/** "Please enable JavaScript", "You need to enable JavaScript to run this app", "requires JavaScript". */
const ENABLE_SCRIPT =
  /\b(enable|turn on|activate|requires?|need)\b[^.]{0,40}\bjavascript\b|\bjavascript\b[^.]{0,30}\b(disabled|required|is off)\b/i;

/** Text a reader would see without scripts: script, style, template and noscript left out. */
function textWithoutScripts(doc: Document): string {
  const body = doc.body?.cloneNode(true) as HTMLElement | undefined;
  if (!body) return '';
  for (const el of Array.from(body.querySelectorAll('script, style, template, noscript'))) el.remove();
  return body.textContent ?? '';
}

/**
 * Read before extraction (which removes scripts and noscript): whether the page has scripts or a noscript note,
 * and whether it has text of its own without them.
 */
function scriptSignals(doc: Document): { scripted: boolean; ownText: boolean } {
  return {
    scripted: !!doc.querySelector('script[src], script:not([type]), noscript'),
    ownText: hasText(textWithoutScripts(doc)),
  };
}

/** A page whose text only scripts make: scripts, and no text of its own (or only a short "enable JavaScript"). */
function needsScript({ scripted, ownText }: ReturnType<typeof scriptSignals>, articleText: string | null): boolean {
  if (!scripted) return false;
  if (!ownText) return true;
  return articleText !== null && articleText.length < 600 && ENABLE_SCRIPT.test(articleText);
}

/**
 * The page parsed as a document whose relative links resolve against `url` (a parsed document's own base is the
 * extension page's).
 */
function parse(html: string, url: string): Document {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  if (!doc.querySelector('base[href]')) {
    const base = doc.createElement('base');
    base.href = url;
    doc.head.prepend(base);
  }
  return doc;
}

/**
 * The extraction core (the same passes and site rules as the content script) on a page that is not live: parsed
 * with DOMParser, where scripts never run, so it needs a document context (Firefox's background page, Chrome's
 * offscreen document). `url` is the page's address: the base of its relative links (a <base> is added when the
 * page has none, since a parsed document's own base is the extension page's) and the article's URL.
 */
export function extractFromHtml(
  html: string,
  url: string,
  removedBlocks: readonly RemovedBlock[] = [],
): HtmlExtraction {
  const doc = parse(html, url);
  const siteRules = siteRulesFor(url, removedBlocks, doc);
  const signals = scriptSignals(doc);
  let result: ReturnType<typeof extractArticle>;
  try {
    // `copy`: the bytes parsed again only on the rare page whose passes leave no text (the never-refuse
    // fallback), instead of a clone of every page before the passes.
    result = extractArticle(doc, { url, siteRules, budgetMs: BUDGET_MS, copy: () => parse(html, url) });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, kind: 'not-article', message: `Qari could not read this page (${message}).` };
  }
  if (!result.ok) {
    // Out of time, not of size (the document is parsed already): a busy machine stalls a page that reads in
    // a second on a quiet one (seen in CI while the browser was starting), so the queue tries it again later.
    if (result.reason === 'too-large') return { ok: false, kind: 'too-large', message: result.message, retry: true };
    if (needsScript(signals, null)) return { ok: false, kind: 'needs-script', message: NEEDS_SCRIPT_MESSAGE };
    return { ok: false, kind: 'not-article', message: result.message };
  }
  if (needsScript(signals, result.article.textContent))
    return { ok: false, kind: 'needs-script', message: NEEDS_SCRIPT_MESSAGE };
  return { ok: true, article: result.article };
}

import type { Direction } from '../article';

/**
 * How the direction code sees elements, by tag name alone: the article is a detached clone, so there
 * is no computed style to ask, and asking it on 100 KB articles would be slow anyway.
 */

/**
 * Elements that start their own bidi paragraph and may carry their own `dir`. Containers (ul, table,
 * section…) are included so a whole English list or quote can be flipped at once.
 */
// prettier-ignore
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl',
  'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header',
  'hgroup', 'legend', 'li', 'listing', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'search', 'section',
  'summary', 'table', 'td', 'th', 'ul', 'xmp', 'body',
]);

/** Preformatted blocks: code, whose direction is ltr unless its text is mostly RTL. */
const PRE = new Set(['pre', 'listing', 'xmp']);

/**
 * Table plumbing: separates cells but must never get its own `dir`, which would reorder the columns of
 * one row or row group only. Cells take their context from the table.
 */
const TABLE_PARTS = new Set(['tbody', 'thead', 'tfoot', 'tr', 'colgroup', 'col']);

/** Forced breaks: text on either side cannot form one visual run. */
const BREAKS = new Set(['br', 'hr']);

/** Inline code: always written left to right, and not evidence of the language of the prose around it. */
const CODE = new Set(['code', 'kbd', 'samp']);

/** Not prose: never counted, never modified. */
// prettier-ignore
const SKIPPED = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'video',
  'audio', 'textarea', 'select', 'option', 'datalist', 'head', 'title', 'meta', 'link',
]);

export function isBlockElement(el: Element): boolean {
  return BLOCKS.has(el.localName);
}

export function isPreElement(el: Element): boolean {
  return PRE.has(el.localName);
}

export function isTablePart(el: Element): boolean {
  return TABLE_PARTS.has(el.localName);
}

export function isBreakElement(el: Element): boolean {
  return BREAKS.has(el.localName);
}

export function isCodeElement(el: Element): boolean {
  return CODE.has(el.localName);
}

export function isSkippedElement(el: Element): boolean {
  return SKIPPED.has(el.localName);
}

/** The element's `dir` attribute when it is "rtl" or "ltr" (any case); null for none, "auto" or junk. */
export function explicitDir(el: Element): Direction | null {
  const v = el.getAttribute('dir')?.trim().toLowerCase();
  return v === 'rtl' || v === 'ltr' ? v : null;
}

/**
 * Inline elements that already isolate their content from the text around them: <bdi>, <bdo>, and any
 * element whose `dir` is rtl/ltr/auto (the HTML UA stylesheet gives those `unicode-bidi: isolate`).
 */
export function isIsolatingInline(el: Element): boolean {
  const name = el.localName;
  if (name === 'bdi' || name === 'bdo') return true;
  const v = el.getAttribute('dir')?.trim().toLowerCase();
  return v === 'rtl' || v === 'ltr' || v === 'auto';
}

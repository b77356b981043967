import { NAVIGATION_AND_DIALOGS } from './clutter-vocabulary';
import { SURE_TEXT } from './confidence';
import { squeezedLength } from './squeezed-length';
import { tick } from './time-budget';

/**
 * The last resort of "never refuse" (confidence.ts): the page's main text, uncleaned, for when Qari's passes and
 * plain Readability both leave nothing. Two kinds of real page do that (WCXB dev: 17 of them, both extractors
 * empty), and both have their text in the markup, waiting for a script:
 * - Discourse forums put every post of a thread in `<noscript>` (the no-script view; the app draws its own).
 *   Parsed without scripts (a saved page, the Node path) those are elements, and Readability drops `<noscript>`.
 * - React streaming (Next.js) sends the page inside `<div hidden>` and lets a script move it into place; what
 *   Readability judges invisible it never reads.
 * So this reads `<noscript>` as elements and does not take "hidden" for "not text", except for a hidden block that
 * holds only a small part of the text (a menu, a modal): it shows what the page has, as blocks, with the notice
 * that Qari could not tell the main text from the rest.
 */

/** Never text to read, wherever it is. */
const NEVER_TEXT = 'script, style, template, svg, math, canvas, iframe, object, embed, button, select, textarea, input';

/**
 * Page furniture and hidden blocks: removed unless one holds most of the text (an ASP.NET page is one `<form>`, a
 * streamed React page one hidden `<div>`).
 */
const FURNITURE = [
  ...NAVIGATION_AND_DIALOGS,
  'header',
  'footer',
  'aside',
  'form',
  '[role="search"]',
  '[hidden]',
  '[aria-hidden="true"]',
  '[style*="display:none" i]',
  '[style*="display: none" i]',
].join(',');

/** A main region holding less than this share of the page's text is not where the text is. */
const MAIN_SHARE = 0.3;
/** A block of furniture holding more than this share of the text is the page itself, not furniture. */
const MOST = 0.5;

/**
 * The main text below a page's `body`: its `<main>`, else the body itself, cleaned of scripts, furniture and
 * attributes that would hide it. Mutates the tree: give it a copy.
 */
export function mainText(body: Element): Element {
  readNoscript(body);
  for (const el of Array.from(body.querySelectorAll(NEVER_TEXT))) el.remove();
  const root = mainRegion(body);
  const total = squeezedLength(root);
  for (const el of Array.from(root.querySelectorAll(FURNITURE))) {
    tick();
    // Outer blocks first (document order): one inside a removed block is already gone.
    if (root.contains(el) && squeezedLength(el, total * MOST) <= total * MOST) el.remove();
  }
  for (const el of [root, ...Array.from(root.querySelectorAll('[hidden], [style]'))]) {
    el.removeAttribute('hidden');
    el.removeAttribute('style');
  }
  return root;
}

/**
 * `<noscript>` as the page shows it without scripts: its elements in its place. A page parsed with scripts on (the
 * live page) holds the markup as one string instead, which is not text to read.
 */
function readNoscript(body: Element): void {
  for (const el of Array.from(body.querySelectorAll('noscript')).reverse()) {
    if (el.firstElementChild) el.replaceWith(...Array.from(el.childNodes));
    else el.remove();
  }
}

/** The `<main>` (or role="main") with the most text, when it holds a fair share of the page's; else the body. */
function mainRegion(body: Element): Element {
  const total = squeezedLength(body);
  let best: Element = body;
  let bestLength = 0;
  for (const el of Array.from(body.querySelectorAll('main, [role="main"]'))) {
    const length = squeezedLength(el);
    if (length > bestLength) [best, bestLength] = [el, length];
  }
  return bestLength >= total * MAIN_SHARE ? best : body;
}

/** How many times longer than a fragment the main text must be to be shown instead of it. */
const MAIN_OVER = 4;

/**
 * Whether the main text is what to show rather than plain Readability's find (`found` characters, null when it
 * found nothing): always when it found nothing, and when it found a fragment (short: confidence.ts) and the main text
 * is many times longer. `fragment`: the length of Qari's own find when Qari called it short and Readability's is no
 * fuller (extract-article.ts, orFuller); the main text many times longer than that is shown too (WCXB dev: product,
 * listing and forum pages whose text neither extractor chose; replayed on all 1,338 dev pages, 31 pages change, 28
 * for the better).
 */
export function preferMainText(found: number | null, main: number, fragment: number | null = null): boolean {
  if (main === 0) return false;
  if (found === null || found === 0 || (found < SURE_TEXT && main >= MAIN_OVER * found)) return true;
  return fragment !== null && main >= MAIN_OVER * fragment;
}

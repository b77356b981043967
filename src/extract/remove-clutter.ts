import { hasClutterClass } from './class-words';
import { CLUTTER_HEADING, NAVIGATION_AND_DIALOGS, SHARE_OR_APP_LINK } from './clutter-vocabulary';

/** A heading that is nothing but a rail's label (compiled once: it runs for every heading of every page). */
const RAIL_LABEL = new RegExp(`^(?:${CLUTTER_HEADING.source})$`, 'i');
import { linkTextLength, squeezedLength } from './squeezed-length';
import { isTeaserList } from './teaser-lists';
import { measureTextWeight, type TextWeight } from './text-weight';
import { squeezedText } from './squeezed-text';

/**
 * Before Readability: take out what is never article (navigation, hidden blocks, share bars, app badges,
 * newsletter and cookie boxes, comment sections, rails of teaser cards). Readability scores what is left,
 * so clutter removed here can neither be kept in the article nor be chosen instead of it.
 * Works on a clone: the live page is never touched.
 */

const NEVER_ARTICLE = [
  ...NAVIGATION_AND_DIALOGS,
  '[role="search"]',
  '[aria-hidden="true"]',
  '[hidden]',
  // Screen-reader-only labels ("Image caption, ", "Share this"): the reader view is visual, and captions stand alone.
  '.sr-only',
  '.visually-hidden',
  '.visuallyhidden',
  '.screen-reader-text',
  '.a11y-hidden',
  'button',
  'select',
  'textarea',
  'input',
  'iframe[src*="ads"]',
].join(',');

function remove(el: Element, weight: TextWeight): boolean {
  if (!weight.has(el) || weight.isProtected(el) || el.querySelector('h1')) return false;
  el.remove();
  return true;
}

/** Share of an element's text that sits inside links. */
export function linkDensity(el: Element): number {
  const total = squeezedLength(el);
  return total ? linkTextLength(el) / total : 0;
}

export interface RemovedCounts {
  [pass: string]: number;
}

/**
 * The passes in the order extract-article.ts runs them, each given the body and the text weight measured once
 * before the first of them. `skip` names passes to leave out ("never", "classes"…); the quality benchmark
 * measures each pass this way.
 */
export function removeClutter(doc: Document, hosts: string[], skip: ReadonlySet<string> = new Set()): RemovedCounts {
  const body = doc.body;
  const counts: RemovedCounts = { never: 0, classes: 0, outsideArticle: 0, share: 0, teasers: 0, rails: 0 };
  if (!body) return counts;
  const weight = measureTextWeight(body);
  const on = (pass: string) => !skip.has(pass);
  if (on('never')) counts['never'] = removeNeverArticle(body, weight);
  if (on('outsideArticle')) counts['outsideArticle'] = removeOutsideArticle(body, weight);
  if (on('classes')) counts['classes'] = removeClutterClasses(body, weight);
  if (on('share')) counts['share'] = removeShareBoxes(body, weight);
  if (on('rails')) counts['rails'] = removeLabelledRails(body, weight);
  if (on('teasers')) counts['teasers'] = removeTeaserLists(body, hosts, weight);
  return counts;
}

/** Navigation, dialogs, form controls, hidden and screen-reader-only blocks. */
export function removeNeverArticle(body: Element, weight: TextWeight): number {
  let removed = 0;
  for (const el of Array.from(body.querySelectorAll(NEVER_ARTICLE))) if (remove(el, weight)) removed++;
  return removed;
}

/** Page header/footer/asides that are outside the article or main region. */
export function removeOutsideArticle(body: Element, weight: TextWeight): number {
  let removed = 0;
  for (const el of Array.from(body.querySelectorAll('header, footer, aside, form'))) {
    if (el.tagName !== 'FORM' && el.closest('article, main, [role="main"]')) continue;
    if (remove(el, weight)) removed++;
  }
  return removed;
}

/**
 * Blocks whose class or id names page furniture (class-words.ts). Never inside a code listing: syntax highlighters
 * class their tokens by kind (highlight.js `hljs-comment`, Prism `token comment`, `hljs-tag`), and a listing's
 * comments are as much the article as its code.
 */
export function removeClutterClasses(body: Element, weight: TextWeight, isClutter = hasClutterClass): number {
  let removed = 0;
  for (const el of Array.from(body.querySelectorAll('[class], [id]'))) {
    if (weight.has(el) && el !== body && isClutter(el) && !el.parentElement?.closest('pre, code') && remove(el, weight))
      removed++;
  }
  return removed;
}

/** Text a share bar may have besides its links: a label ("Share this article:", "Get the app"). */
const SHARE_LABEL = 40;

/** Text of `el` outside links (the words a share bar does not have). */
function unlinkedLength(el: Element): number {
  return squeezedLength(el) - linkTextLength(el);
}

/**
 * Share bars and app badges: climb from each share/app link to the largest ancestor that is still short and is
 * still links and a label. Shortness alone took content: a "Pin it" link on a course's picture climbed into the
 * column beside it and took the list of what the course teaches (10% of a guide's words).
 */
export function removeShareBoxes(body: Element, weight: TextWeight): number {
  let removed = 0;
  for (const a of Array.from(body.querySelectorAll('a[href]'))) {
    if (!weight.has(a) || !SHARE_OR_APP_LINK.test(a.getAttribute('href')!)) continue;
    let box: Element = a;
    while (
      box.parentElement &&
      box.parentElement !== body &&
      squeezedLength(box.parentElement, 300) < 300 &&
      unlinkedLength(box.parentElement) <= SHARE_LABEL
    )
      box = box.parentElement;
    if (remove(box, weight)) removed++;
  }
  return removed;
}

/** A teaser list holding more than this share of its region's text is the region's content, not a rail. */
const MOST_OF_REGION = 0.5;

/**
 * Removes every teaser list below root (innermost lists first, so a card grid inside a rail goes too), except a
 * list that is most of the text of its region (its `<main>` or `<article>`, else root): a course index or a
 * section's list of guides is what the page is for (web.dev/learn lost half its words to this pass), and a rail of
 * related stories is a small part of the page around it. A home page of teasers keeps them, with the notice.
 */
export function removeTeaserLists(root: Element, hosts: string[], weight: TextWeight): number {
  let removed = 0;
  const regions = new Map<Element, number>();
  const regionLength = (el: Element) => {
    const region = el.parentElement?.closest('main, article, [role="main"]');
    const scope = region && root.contains(region) ? region : root;
    let length = regions.get(scope);
    if (length === undefined) regions.set(scope, (length = squeezedLength(scope)));
    return length;
  };
  const candidates = Array.from(root.querySelectorAll('*'))
    .filter((el) => el.childElementCount >= 3)
    .reverse();
  for (const el of candidates) {
    if (!weight.has(el) || el === root || !isTeaserList(el, hosts) || introducedByProse(el)) continue;
    const most = regionLength(el) * MOST_OF_REGION;
    if (squeezedLength(el, most) <= most && remove(el, weight)) removed++;
  }
  return removed;
}

/** Words from which a line before a list is a sentence, not a rail's label ("Related:", "More from Sport:"). */
const INTRO_WORDS = 6;
const INTRO_LENGTH = 400;

/**
 * A list the author introduces with a sentence ending in a colon ("While these movers did not make our top list,
 * they are still worth looking into:"): the article's own list of the site's pages (WCXB dev 0057 lost 15 % of its
 * words, a list of other local movers, to the teaser passes).
 */
function introducedByProse(el: Element): boolean {
  const previous = el.previousElementSibling;
  if (!previous || /^H[1-6]$/.test(previous.tagName) || squeezedLength(previous, INTRO_LENGTH) > INTRO_LENGTH)
    return false;
  const line = squeezedText(previous);
  return /[:：]$/.test(line) && line.split(' ').length >= INTRO_WORDS;
}

/**
 * "Most viewed", "Related stories", "اخترنا لك"…: a heading that names a rail takes its rail with it, whether
 * the rail is the heading's parent box or the block right after the heading.
 */
export function removeLabelledRails(root: Element, weight: TextWeight): number {
  let removed = 0;
  const headings = root.querySelectorAll('h1, h2, h3, h4, h5, h6, [class*="title" i], [class*="heading" i], strong, b');
  for (const heading of Array.from(headings)) {
    if (!weight.has(heading)) continue;
    const label = squeezedText(heading)
      .replace(/[:：.!…»«>]+$/g, '')
      .replace(/^[>»«]+\s*/, '')
      .trim();
    if (label.length === 0 || label.length > 60 || !RAIL_LABEL.test(label)) continue;
    // The rail is the heading's own small box, or the links right after it. Link density guards against an
    // article section that merely has such a heading ("Comments on the draft law" followed by prose).
    const box = heading.parentElement;
    if (
      box &&
      box !== root &&
      !weight.isProtected(box) &&
      box.children.length <= 4 &&
      (linkDensity(box) > 0.35 || squeezedLength(box, 300) < 300)
    ) {
      if (remove(box, weight)) removed++;
      continue;
    }
    const next = heading.nextElementSibling;
    if (next && linkDensity(next) > 0.5 && remove(next, weight) && remove(heading, weight)) removed++;
  }
  return removed;
}

import { BOILERPLATE, TOOL_LABEL } from './clutter-vocabulary';
import { removeLabelledRails, removeTeaserLists } from './remove-clutter';
import { linkTextLength, squeezedLength } from './squeezed-length';
import { measureTextWeight, type TextWeight } from './text-weight';
import { squeezedText } from './squeezed-text';

/**
 * After Readability: what it kept inside the chosen container but a reader does not want: residual teaser
 * lists and labelled rails, share-tool labels, the title/byline/dateline repeated at the top of the body,
 * link-only "read more" boxes and trailing boilerplate (copyright, "follow us").
 */

export interface KnownMetadata {
  title: string | null;
  byline: string | null;
  siteName: string | null;
}

const BLOCKS = 'p, div, section, ul, ol, li, h1, h2, h3, h4, h5, h6, span, a, time, figure, blockquote, table, pre';
/** Elements that hold blocks rather than being one. */
const CONTAINER = 'p, div, section, article, ul, ol, table, figure, blockquote, h1, h2, h3, h4, h5, h6, pre';
const DATELINE = /^[\s\d:|/.,\-–—()تمصمساءAPMapm]*$/;

function same(a: string, b: string | null): boolean {
  const norm = (s: string) =>
    s
      .replace(/[\s\p{P}]+/gu, ' ')
      .trim()
      .toLowerCase();
  return !!b && norm(a) === norm(b);
}

function isMedia(el: Element): boolean {
  return !!el.querySelector('img, picture, video, svg, table, pre, math');
}

function isToolBox(el: Element): boolean {
  const lines = (el.textContent ?? '')
    .split(/\n|\s{2,}/)
    .map((l) => l.trim())
    .filter(Boolean);
  return lines.length > 0 && lines.every((l) => TOOL_LABEL.test(l));
}

/**
 * The passes in the order extract-article.ts runs them, with one text weight measured before the first of them.
 * `skip` names passes to leave out ("tools", "duplicates"…).
 */
export function cleanArticle(
  root: Element,
  meta: KnownMetadata,
  hosts: string[],
  skip: ReadonlySet<string> = new Set(),
): Record<string, number> {
  const counts: Record<string, number> = {
    teasers: 0,
    rails: 0,
    tools: 0,
    duplicates: 0,
    linkBoxes: 0,
    boilerplate: 0,
  };
  const weight = measureTextWeight(root);
  const on = (pass: string) => !skip.has(pass);
  if (on('rails')) counts['rails'] = removeLabelledRails(root, weight);
  if (on('teasers')) counts['teasers'] = removeTeaserLists(root, hosts, weight);
  if (on('tools')) counts['tools'] = removeToolBoxes(root, weight);
  if (on('duplicates')) counts['duplicates'] = removeDuplicates(root, weight, meta);
  if (on('linkBoxes')) counts['linkBoxes'] = removeLinkBoxes(root, weight);
  if (on('boilerplate')) counts['boilerplate'] = removeTrailingBoilerplate(root);
  removeEmpty(root);
  return counts;
}

/** Short blocks of share-tool labels only ("+A -A facebook print"). */
export function removeToolBoxes(root: Element, weight: TextWeight): number {
  let removed = 0;
  for (const el of Array.from(root.querySelectorAll(BLOCKS))) {
    // The length first: it stops at 120 characters, where the media query searches a wrapper's whole subtree.
    if (weight.has(el) && squeezedLength(el, 120) < 120 && !isMedia(el) && isToolBox(el)) {
      el.remove();
      removed++;
    }
  }
  return removed;
}

/** Title, byline, site name and dateline repeated before the first real paragraph: the reader's header shows them. */
export function removeDuplicates(root: Element, weight: TextWeight, meta: KnownMetadata): number {
  let removed = 0;
  for (const el of Array.from(root.querySelectorAll(BLOCKS))) {
    // Wrappers (Readability's page div, the body container) are not lines: look inside them.
    if (!weight.has(el) || isMedia(el) || el.querySelector(CONTAINER)) continue;
    if (squeezedLength(el, 80) >= 80) break; // first real paragraph: stop looking
    const t = squeezedText(el);
    const isDuplicate =
      same(t, meta.title) ||
      same(t, meta.byline) ||
      same(t, meta.siteName) ||
      (t.length > 0 && DATELINE.test(t) && /\d/.test(t)) ||
      (!!meta.siteName && t.startsWith(meta.siteName) && /^\S+\s+\S*\s*https?:\/\/\S+$/.test(t));
    if (isDuplicate && !el.querySelector('p') && el.children.length <= 3) {
      el.remove();
      removed++;
    }
  }

  // A caption that only repeats the headline (CMS default when no caption was written) says nothing.
  for (const caption of Array.from(root.querySelectorAll('figcaption'))) {
    if (same(squeezedText(caption), meta.title)) {
      caption.remove();
      removed++;
    }
  }
  return removed;
}

/**
 * Short blocks that are only links to other pages ("Read more: …", a lone related headline, "Source"). A block of
 * several links, or a list item, is kept unless a label introduces it: in an article body that is a list of
 * resources (documents, books, the API pages a post names), which WCXB's truth keeps and a reader wants; teaser
 * lists and labelled rails are the other passes' work. So is a run of such blocks side by side: a buying guide's
 * "Amazon (Craftsman)" / "Home Depot (Milwaukee)" lines or a list of courses written as paragraphs is the list the
 * article gives (WCXB dev: 9 of 28 pages lost more than 2 % of their words to this pass before runs were kept).
 */
export function removeLinkBoxes(root: Element, weight: TextWeight): number {
  const boxes = new Set<Element>();
  for (const el of Array.from(root.querySelectorAll('p, div, ul, ol'))) {
    if (!weight.has(el)) continue;
    // The length first: it stops at 200 characters, where the media query searches a wrapper's whole subtree.
    const length = squeezedLength(el, 200);
    if (!length || length > 200 || isMedia(el) || el.closest('figure, table, blockquote')) continue;
    const t = squeezedText(el);
    const linkText = linkTextLength(el);
    const links = el.querySelectorAll('a');
    const label = t.replace(/[:：]\s*.*$/s, '');
    const inList = !!el.closest('li');
    const lone = links.length === 1 && !inList && !el.querySelector('li');
    // A label that opens a list's first item ("Plan to spend: $15–$70" above "Buying options: Amazon…") labels
    // that item, not the list: a list is the article's unless a label outside it introduces it.
    const labelled = !inList && !el.matches('ul, ol') && label.length < 25 && /:|：/.test(t);
    if (isLeadIn(el, t)) continue;
    if ((lone && linkText / t.length > 0.8) || (labelled && linkText / t.length > 0.5)) boxes.add(el);
  }
  let removed = 0;
  for (const el of boxes) {
    if (inRun(el, boxes)) continue;
    el.remove();
    removed++;
  }
  return removed;
}

/**
 * Link lines that are the article's own structure, not a box pointing elsewhere: a block holding a heading is that
 * heading (a section title linked to its own anchor, its wrapper div turned into a p by Readability: WCXB dev 4193),
 * and a line ending in a colon introduces the block below it ("Posted on <a>the forum</a>:" above the post it
 * quotes, dev 4349, 10 % of its words; "My newsletter has:" above its list, dev 4445).
 */
function isLeadIn(el: Element, text: string): boolean {
  return /[:：]$/.test(text) || !!el.querySelector('h1, h2, h3, h4, h5, h6');
}

/**
 * A link box with another one beside it: part of a list. Blocks without text between them (each item's picture, a
 * roundup's "<p><a><img></a></p>" above its "<p><a>DIY Lanterns</a></p>": WCXB dev 4449 lost 14 %) do not part them.
 */
function inRun(el: Element, boxes: ReadonlySet<Element>): boolean {
  const previous = textSibling(el, 'previousElementSibling');
  const next = textSibling(el, 'nextElementSibling');
  return (!!previous && boxes.has(previous)) || (!!next && boxes.has(next));
}

/** The nearest sibling on that side with text, or null. */
function textSibling(el: Element, side: 'previousElementSibling' | 'nextElementSibling'): Element | null {
  let sibling = el[side];
  while (sibling && !squeezedLength(sibling, 0)) sibling = sibling[side];
  return sibling;
}

/** Trailing boilerplate: walk back from the end while the last blocks are copyright / follow-us lines. */
export function removeTrailingBoilerplate(root: Element): number {
  let removed = 0;
  const blocks = Array.from(root.querySelectorAll('p, div, section, ul, li, span')).filter(
    (el) => !el.querySelector('p, div'),
  );
  for (let i = blocks.length - 1; i >= 0; i--) {
    const el = blocks[i]!;
    const t = squeezedText(el);
    if (!t) continue;
    if (t.length < 200 && BOILERPLATE.test(t)) {
      el.remove();
      removed++;
    } else break;
  }
  return removed;
}

/** Containers left empty by the passes above. */
export function removeEmpty(root: Element): void {
  for (const el of Array.from(root.querySelectorAll('div, section, ul, ol, li, p, span, figure')).reverse()) {
    if (!squeezedLength(el, 0) && !isMedia(el) && !el.querySelector('br, hr, img')) el.remove();
  }
}

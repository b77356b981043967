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
 * article gives (WCXB dev: 9 of 28 pages lost more than 2 % of their words to this pass before runs were kept). A
 * roundup's linked item headings, each above the paragraph that names it, are the article too (namesNextParagraph),
 * and so are a linked heading and a line that introduces the block below it (isLeadIn).
 */
export function removeLinkBoxes(root: Element, weight: TextWeight): number {
  const boxes = new Set<Element>();
  const itemHeadings: Element[] = [];
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
    const labelled = !inList && !el.matches('ul, ol') && label.length < LABEL_MAX && /:|：/.test(t);
    if (isLeadIn(el, t) || isIntroduced(el)) continue;
    const loneLink = lone && linkText / t.length > 0.8;
    if (loneLink && !labelled && namesNextParagraph(el, t)) itemHeadings.push(el);
    else if (loneLink || (labelled && linkText / t.length > 0.5)) boxes.add(el);
  }
  for (const el of lonelyHeadings(itemHeadings)) boxes.add(el);
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
 * A link line that a sentence above it announces ("…you can find the project here:" over the project's address,
 * WCXB dev 0442) is what the article points to, not a box. A short label ("Read more:", "Related:") is not a
 * sentence: under this many characters the line above is a label, as in `removeLinkBoxes`' labelled lines.
 */
const LABEL_MAX = 25;

function isIntroduced(el: Element): boolean {
  const above = el.previousElementSibling;
  if (!above || above.matches('h1, h2, h3, h4, h5, h6')) return false;
  const text = squeezedText(above);
  return text.length >= LABEL_MAX && /[:：]$/.test(text);
}

/** Longer than this, the block after a link line is a wrapper of the article, not the paragraph under a heading. */
const ITEM_PARAGRAPH_MAX = 2000;
/** The paragraph under a heading is prose: links are less than half its text. */
const ITEM_PARAGRAPH_LINKS = 0.5;
/**
 * A heading's words the paragraph below it must repeat: half, counting words of 4+ letters or digits (names:
 * "Dataminr", "ThreatConnect", "Chegg"; shorter words are mostly "the", "and", "how", and bare numbers are years and
 * prices). One shared word is not enough: "Reolink Home Hub with Argus 4 Pro" above a line that only shares "with".
 */
const ITEM_NAMED_SHARE = 0.5;
const NAME_WORD = /[\p{L}\p{N}]{4,}/gu;
/**
 * Item headings under one parent that make a roundup. One alone is left to the link-box rule: an
 * author's linked name above a bio that names them again ("Camille Cunningham" / "Camille is a content specialist",
 * WCXB dev 0325, 4669), or a related headline that shares its words with the topic of the paragraph below.
 */
const ROUNDUP_ITEMS = 2;

/**
 * A lone link line followed by a paragraph that names what it links: an item's heading, not a related box. A roundup
 * links each item's name above the paragraph about it ("Dataminr acquires ThreatConnect" above "… Dataminr is
 * acquiring threat intelligence firm ThreatConnect …", WCXB dev 0078: the pass took all 14 headings, 5.6 % of the
 * words; the tutors of dev 0322, the bread machines of dev 4161, each above its list of points). A related headline
 * between paragraphs ("Two new ferries ordered" above a paragraph about the timetable) names nothing below it.
 */
function namesNextParagraph(el: Element, text: string): boolean {
  const next = textSibling(el, 'nextElementSibling');
  if (!next || !next.matches('p, div, ul, ol, blockquote, section')) return false;
  const length = squeezedLength(next, ITEM_PARAGRAPH_MAX);
  if (length <= text.length || length > ITEM_PARAGRAPH_MAX) return false;
  if (linkTextLength(next) >= ITEM_PARAGRAPH_LINKS * length) return false;
  const names = nameWords(text);
  const below = nameWords(squeezedText(next));
  let shared = 0;
  for (const word of names) if (below.has(word)) shared++;
  return shared > 0 && shared >= ITEM_NAMED_SHARE * names.size;
}

function nameWords(text: string): Set<string> {
  return new Set((text.toLowerCase().match(NAME_WORD) ?? []).filter((word) => !/^\p{N}+$/u.test(word)));
}

/** The item headings without ROUNDUP_ITEMS - 1 others under the same parent: link boxes after all. */
function lonelyHeadings(headings: readonly Element[]): Element[] {
  const perParent = new Map<Element | null, number>();
  for (const el of headings) perParent.set(el.parentElement, (perParent.get(el.parentElement) ?? 0) + 1);
  return headings.filter((el) => perParent.get(el.parentElement)! < ROUNDUP_ITEMS);
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

/**
 * Containers left empty by the passes above. One that holds whitespace separates what is around it
 * (`makes<span>&nbsp;</span><a>iPhones</a>`): a space stays in its place, or the words run together (WCXB dev 0344
 * read "makesiPhones", "theApple", "Touchscreen–"; documentation lost words in inline code the same way).
 */
export function removeEmpty(root: Element): void {
  for (const el of Array.from(root.querySelectorAll('div, section, ul, ol, li, p, span, figure')).reverse()) {
    if (squeezedLength(el, 0) || isMedia(el) || el.querySelector('br, hr, img')) continue;
    if (el.textContent) el.replaceWith(' ');
    else el.remove();
  }
}

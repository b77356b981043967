import { PROSE_LINE } from './confidence';
import { squeezedLength } from './squeezed-length';

/** Where a page marks its main content itself. */
const REGIONS = 'main, [role="main"], article';

/**
 * The block the page itself marks as its content (`<main>`, role="main" or `<article>`), the one with the most
 * text, and that text's length; null when the page marks none or they hold no text.
 */
export function articleRegion(root: Document | Element): { el: Element; length: number } | null {
  let best: { el: Element; length: number } | null = null;
  for (const el of Array.from(root.querySelectorAll(REGIONS))) {
    // A region inside the best one so far is part of it: its text cannot be longer.
    if (best?.el.contains(el)) continue;
    const length = squeezedLength(el);
    if (length > (best?.length ?? 0)) best = { el, length };
  }
  return best;
}

/**
 * `region` (a copy) as Readability would have handed it over: without scripts and style sheets (Readability
 * removes them before it reads the page; left in, their text counts in every length the after-passes measure, and
 * a rail whose cards each carry a JSON-LD script is too long to be a rail: WCXB dev 0153) and without what the page
 * hides from readers (`aria-hidden="true"`, left out by Readability too: dev 4258 hides the whole post again as
 * Markdown in a `<pre aria-hidden hidden>` for a "Copy as Markdown" button, 1,084 words shown as 2,304). Only that
 * mark: collapsed panels (`hidden`, `display: none`) are the article's too, opened by a click (replayed on the 150
 * dev pages the region changes: leaving them out as well took 4193 from 0.981 to 0.463).
 */
export function withoutUnread(region: Element): Element {
  for (const el of Array.from(region.querySelectorAll('script, style, noscript, [aria-hidden="true"]')))
    if (!(el.getAttribute('class') ?? '').includes('fallback-image')) el.remove();
  return region;
}

/**
 * Readability's find holding less than this share of the page's own content region is a section of it, not the
 * article: Readability scores blocks of paragraphs, and on a page of sibling sections (AsciiDoc's `sect1`, a
 * builder's rows) or one whose paragraphs sit one per wrapper it picks the section with the most commas and leaves
 * the rest (WCXB dev 0389: 354 of 1,439 words; 0164, 0432, 4051, 4193, 4255: a third to a half of their words).
 */
export const REGION_SHARE = 0.5;

/**
 * The share of a region's prose that may be repeated lines. Above it the region holds the article twice (a
 * responsive copy, a print view, a teaser that is the whole story) in copies that differ somewhere, so
 * repeated-blocks.ts cannot tell them; Readability chose one of them (WCXB dev 4379: every paragraph twice, 1.000 →
 * 0.662 shown whole; 0285). Under it, a forum's quoted posts and a page's repeated notes.
 */
export const REPEATED_PROSE = 0.4;

/**
 * The share of `text`'s prose (lines of PROSE_LINE characters or more) that repeats a line above it: a copy of a
 * prose line is the page repeating its text, where a repeated label or name is not.
 */
export function repeatedProse(text: string): number {
  const seen = new Set<string>();
  let prose = 0;
  let repeated = 0;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\s+/g, ' ').trim();
    if (line.length < PROSE_LINE) continue;
    prose += line.length;
    if (seen.has(line)) repeated += line.length;
    else seen.add(line);
  }
  return prose ? repeated / prose : 0;
}

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
 * Readability's find holding less than this share of the page's own content region is a section of it, not the
 * article: Readability scores blocks of paragraphs, and on a page of sibling sections (AsciiDoc's `sect1`, a
 * builder's rows) or one whose paragraphs sit one per wrapper it picks the section with the most commas and leaves
 * the rest (WCXB dev 0389: 354 of 1,439 words; 0164, 0432, 4051, 4193, 4255: a third to a half of their words).
 */
export const REGION_SHARE = 0.5;

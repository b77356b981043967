import { squeezedText } from './squeezed-text';
import type { TextWeight } from './text-weight';

/**
 * Prose an element must hold (characters in long paragraphs, text-weight.ts) before a second copy of it counts as
 * a repeat: about 170 words, a section or the whole article. Page builders ship the same article two or three
 * times, one copy per screen size, and hide all but one with media queries a clone never applies (WCXB dev 0355
 * showed its 2,700-word article three times). Shorter repeats are the page's own: offer terms printed under each
 * offer, a training plan's warm-up in every week, a forum reply quoting the post above it; WCXB's truth keeps them.
 */
const REPEAT_MIN_PROSE = 1000;

/**
 * Removes later copies of a block whose text, a section's worth at least, the article has already shown. The first
 * copy stays; a block and its own wrapper (same text, one inside the other) are not copies of each other.
 */
export function removeRepeatedBlocks(root: Element, weight: TextWeight): number {
  // Candidates grouped by their prose weight: only blocks of equal weight can have equal text, so the text of most
  // blocks is never built.
  const seen = new Map<number, { el: Element; text: string | null }[]>();
  let removed = 0;
  let skipInside: Element | null = null;
  for (const el of Array.from(root.querySelectorAll('*'))) {
    if (skipInside?.contains(el)) continue;
    const prose = weight.of(el);
    if (prose < REPEAT_MIN_PROSE || !weight.has(el)) continue;
    const earlier = seen.get(prose);
    if (!earlier) {
      seen.set(prose, [{ el, text: null }]);
      continue;
    }
    const text = squeezedText(el);
    const copy = earlier.find((e) => !e.el.contains(el) && (e.text ??= squeezedText(e.el)) === text);
    if (copy) {
      skipInside = el;
      el.remove();
      removed++;
    } else earlier.push({ el, text });
  }
  return removed;
}

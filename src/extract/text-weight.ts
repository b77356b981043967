/**
 * How much article prose each element holds: the length of long paragraphs beneath it. Computed once per
 * document in one walk over the paragraphs, so the clutter passes can ask "is this the article?" of any
 * element without walking its subtree again.
 */

import { tick } from './time-budget';

const LONG_PARAGRAPH = 80;

export interface TextWeight {
  /** Still part of the tree being cleaned (not removed with an ancestor). The tree may be detached from any document, so `isConnected` cannot tell. */
  has(el: Element): boolean;
  of(el: Element): number;
  total: number;
  /** True when removing `el` would take a real share of the article's prose with it. */
  isProtected(el: Element): boolean;
}

export function measureTextWeight(root: Element | Document): TextWeight {
  const weights = new Map<Element, number>();
  let total = 0;
  for (const p of Array.from(root.querySelectorAll('p, pre, blockquote, li, td'))) {
    // Nested blocks (p inside blockquote) count once, at the innermost block.
    tick();
    if (p.querySelector('p, pre, li, td')) continue;
    const length = (p.textContent ?? '').trim().length;
    if (length < LONG_PARAGRAPH) continue;
    total += length;
    for (let el: Element | null = p; el; el = el.parentElement) weights.set(el, (weights.get(el) ?? 0) + length);
  }
  const top = 'documentElement' in root ? root.documentElement : root;
  return {
    // Every pass asks this of each element it looks at: the place to keep to the time budget (time-budget.ts).
    has: (el) => {
      tick();
      return top.contains(el);
    },
    total,
    of: (el) => weights.get(el) ?? 0,
    // 20%: a rail of teasers with blurbs reaches a few percent of a real article's prose, never a fifth.
    isProtected: (el) => total > 0 && (weights.get(el) ?? 0) > total * 0.2,
  };
}

import type { DirectionSignals } from '../src/direction';

/**
 * What only the live page knows: the computed CSS `direction`. Read before cloning, because a clone has no
 * layout and no styles applied, and Readability never looks at CSS (mozilla/readability#258).
 */
export function readLiveSignals(doc: Document): DirectionSignals {
  const root = doc.querySelector('article, main, [role="main"]') ?? doc.body;
  if (!root) return {};
  const direction = doc.defaultView?.getComputedStyle(root).direction;
  return { computedDirection: direction === 'rtl' || direction === 'ltr' ? direction : null };
}

import type { DirectionSignals } from '../src/direction';
import { pageDocument } from './page-document';

/**
 * What only the live page knows: the computed CSS `direction`. Read before cloning, because a clone has no
 * layout and no styles applied, and Readability never looks at CSS (mozilla/readability#258).
 */
export function readLiveSignals(): DirectionSignals {
  const root = pageDocument.query('article, main, [role="main"]') ?? pageDocument.body();
  if (!root) return {};
  const direction = window.getComputedStyle(root).direction;
  return { computedDirection: direction === 'rtl' || direction === 'ltr' ? direction : null };
}

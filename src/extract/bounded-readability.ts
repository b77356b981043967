import { Readability } from '@mozilla/readability';
import { tick } from './time-budget';

/**
 * Readability bounded in time, its output unchanged.
 *
 * It keeps to the extraction's time budget (time-budget.ts): its walk over every node and its text measure, which
 * the scoring and cleaning steps call for every candidate, tick the budget.
 *
 * And one cost is made linear in jsdom (the CLI, the tests). Its `_unwrapNoscriptImages` copies every
 * <img> and <noscript> with `Array.from(doc.getElementsByTagName(…))`. Iterating a live HTMLCollection reads its
 * `length` at every step, and jsdom first looks `length` up as a named property, by scanning the collection: n²
 * for n images (a page with 30,000 thumbnails took minutes in that one line; browsers answer in microseconds).
 * The same elements, in the same order, as a static list (`querySelectorAll`) cost n. Nothing else changes.
 * mozilla/readability 0.6.0, Readability.js `_unwrapNoscriptImages`.
 */

interface Internals {
  _unwrapNoscriptImages(doc: Document): void;
  _isProbablyVisible(node: Element): boolean;
  _getInnerText(e: Element, normalizeSpaces?: boolean): string;
}

const base = Readability.prototype as unknown as Internals;

/** `doc`, except that getElementsByTagName answers with a static list. */
function withStaticTagLists(doc: Document): Document {
  return new Proxy(doc, {
    get(target, key) {
      if (key === 'getElementsByTagName') return (tag: string) => target.querySelectorAll(tag);
      const value = Reflect.get(target, key, target) as unknown;
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

export class BoundedReadability<T = string> extends Readability<T> {
  _unwrapNoscriptImages(doc: Document): void {
    base._unwrapNoscriptImages.call(this, withStaticTagLists(doc));
  }

  _isProbablyVisible(node: Element): boolean {
    tick();
    return base._isProbablyVisible.call(this, node);
  }

  _getInnerText(e: Element, normalizeSpaces?: boolean): string {
    tick();
    return base._getInnerText.call(this, e, normalizeSpaces);
  }
}

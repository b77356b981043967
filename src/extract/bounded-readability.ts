import { Readability } from '@mozilla/readability';
import { tick } from './time-budget';

/**
 * Readability bounded in time, its output unchanged.
 *
 * It keeps to the extraction's time budget (time-budget.ts): its walk over every node and its text measure, which
 * the scoring and cleaning steps call for every candidate, tick the budget.
 *
 * Three of its tests of every node answer the same with less work (Chromium, WCXB dev: each two to three times
 * faster): the visibility test reads an element's inline style only when it has one; the byline and empty-block
 * tests read an element's text (all of it, for every wrapper of the page) only once their cheaper conditions hold.
 *
 * And one cost is made linear in jsdom (the CLI, the tests). Its `_unwrapNoscriptImages` copies every
 * <img> and <noscript> with `Array.from(doc.getElementsByTagName(…))`. Iterating a live HTMLCollection reads its
 * `length` at every step, and jsdom first looks `length` up as a named property, by scanning the collection: n²
 * for n images (a page with 30,000 thumbnails took minutes in that one line; browsers answer in microseconds).
 * The same elements, in the same order, as a static list (`querySelectorAll`) cost n. Nothing else changes.
 * mozilla/readability 0.6.0, Readability.js `_unwrapNoscriptImages`.
 */

interface Internals {
  REGEXPS: { byline: RegExp };
  _unwrapNoscriptImages(doc: Document): void;
  _isProbablyVisible(node: Element): boolean;
  _isValidByline(node: Element, matchString: string): boolean;
  _isElementWithoutContent(node: Node): boolean;
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
    if (node.hasAttribute('style')) return base._isProbablyVisible.call(this, node);
    // Its test without `node.style`: with no style attribute there is no inline display or visibility, and reading
    // `style` makes a CSSStyleDeclaration for each element asked about (Chromium, WCXB dev: 3 times the rest of it).
    return (
      !node.hasAttribute('hidden') &&
      (node.getAttribute('aria-hidden') !== 'true' ||
        (typeof node.className === 'string' && node.className.includes('fallback-image')))
    );
  }

  /** Readability's test, its text length last: most elements fail on rel, itemprop and class name. */
  _isValidByline(node: Element, matchString: string): boolean {
    const self = this as unknown as Internals;
    if (
      node.getAttribute('rel') !== 'author' &&
      !node.getAttribute('itemprop')?.includes('author') &&
      !self.REGEXPS.byline.test(matchString)
    )
      return false;
    return base._isValidByline.call(this, node, matchString);
  }

  /** Readability's test, its text last: a block with children other than line breaks and rules is not empty. */
  _isElementWithoutContent(node: Node): boolean {
    if (node.nodeType !== 1) return false;
    const el = node as Element;
    const count = el.children.length;
    if (count && count !== el.getElementsByTagName('br').length + el.getElementsByTagName('hr').length) return false;
    return base._isElementWithoutContent.call(this, node);
  }

  _getInnerText(e: Element, normalizeSpaces?: boolean): string {
    tick();
    return base._getInnerText.call(this, e, normalizeSpaces);
  }
}

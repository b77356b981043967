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
 * Its cleaning filters (`_removeNodes`: empty paragraphs, embeds, headers, `_cleanConditionally`) read the same text
 * several times per element (`_cleanConditionally` the whole text of a block six times: list share, commas, heading
 * and text density, ad words, link density), and change nothing while they read: within one filter call an
 * element's text is read once.
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
  PRESENTATIONAL_ATTRIBUTES: readonly string[];
  DEPRECATED_SIZE_ATTRIBUTE_ELEMS: readonly string[];
  _unwrapNoscriptImages(doc: Document): void;
  _isProbablyVisible(node: Element): boolean;
  _isValidByline(node: Element, matchString: string): boolean;
  _isElementWithoutContent(node: Node): boolean;
  _getInnerText(e: Element, normalizeSpaces?: boolean): string;
  _removeNodes(nodeList: ArrayLike<Node>, filterFn?: RemoveFilter): void;
}

type RemoveFilter = (this: unknown, node: Node, i: number, list: ArrayLike<Node>) => boolean;

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

  /**
   * Readability's, mozilla/readability 0.6.0 `_cleanStyles` line for line, except that an element without attributes
   * is not asked to remove the twelve it does not have (most elements of an article: its paragraphs, links, spans).
   */
  _cleanStyles(e: Element | null): void {
    if (!e || e.tagName.toLowerCase() === 'svg') return;
    if (e.hasAttributes()) {
      const self = this as unknown as Internals;
      for (const name of self.PRESENTATIONAL_ATTRIBUTES) e.removeAttribute(name);
      if (self.DEPRECATED_SIZE_ATTRIBUTE_ELEMS.includes(e.tagName)) {
        e.removeAttribute('width');
        e.removeAttribute('height');
      }
    }
    for (let cur = e.firstElementChild; cur !== null; cur = cur.nextElementSibling) this._cleanStyles(cur);
  }

  /** Texts read in the current filter call of `_removeNodes`, by element, normalized and not; null outside one. */
  private texts: { normalized: Map<Element, string>; raw: Map<Element, string> } | null = null;

  _removeNodes(nodeList: ArrayLike<Node>, filterFn?: RemoveFilter): void {
    if (!filterFn) return base._removeNodes.call(this, nodeList);
    const outer = this.texts;
    base._removeNodes.call(this, nodeList, (node, i, list) => {
      // Removal happens between filter calls: the texts of one call are of one state of the page.
      this.texts = { normalized: new Map(), raw: new Map() };
      try {
        return filterFn.call(this, node, i, list);
      } finally {
        this.texts = outer;
      }
    });
  }

  _getInnerText(e: Element, normalizeSpaces?: boolean): string {
    tick();
    if (!this.texts) return base._getInnerText.call(this, e, normalizeSpaces);
    // Readability's default: normalized unless told otherwise.
    const texts = normalizeSpaces === undefined || normalizeSpaces ? this.texts.normalized : this.texts.raw;
    let text = texts.get(e);
    if (text === undefined) texts.set(e, (text = base._getInnerText.call(this, e, normalizeSpaces)));
    return text;
  }
}

import { CLUTTER_CLASS } from './clutter-vocabulary';

/**
 * Class names read as words, not substrings. `[class*="promo"]` matches Drupal's `node--promoted` (the article
 * itself, promoted to the front page) and `[class*="rail"]` matches "trailer"; a word test does not.
 */

/** The words of a class/id value: split at spaces, `-`, `_` and camelCase humps, lower-cased. */
export function classWords(value: string): string[] {
  return value
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .split(/[\s_-]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

/** True when `el` or an ancestor below <body> has one of `words` among its class/id words. */
export function closestWithClassWord(el: Element, words: ReadonlySet<string>): Element | null {
  for (
    let node: Element | null = el;
    node && node.tagName !== 'BODY' && node.tagName !== 'HTML';
    node = node.parentElement
  ) {
    if (classWords(`${node.getAttribute('class') ?? ''} ${node.id}`).some((w) => words.has(w))) return node;
  }
  return null;
}

/**
 * Words that name a box's look or place rather than what is in it: a "promo box" or a "banner" inside the article
 * body is often the body's own summary or key-points box. They mark clutter on their own, but not when they only
 * name a part (BEM / CSS-module element) of the article body block.
 */
const WEAK = new Set(['promo', 'banner', 'ticker', 'print', 'toolbar', 'popular', 'trending']);
/** BEM / CSS-module blocks that are the article body: `article-body__promo-box__3Kkbp` is a part of it. */
const BODY_BLOCK = /^(article|story|post|entry|news)[-_]?(body|content|text)$/i;
/** A CSS-module hash suffix: `__3Kkbp`, `__1c-9U` (short, with a digit or a capital). */
const HASH = /^(?=[\w-]*[0-9A-Z])[\w-]{4,7}$/;

/**
 * Utility and state classes (WordPress's `has-medium-font-size`, `has-text-align-center`, `is-layout-flex`,
 * `is-style-rounded`) say how a block looks or what state it is in, never what it is: "has-medium-font-size" named
 * every paragraph of a post clutter through "font-size" (WCXB dev 4253 lost its comparison table and score boxes).
 */
const UTILITY = /^(has|is)-/i;

function isClutterToken(token: string): boolean {
  if (UTILITY.test(token)) return false;
  const parts = token.split('__');
  if (parts.length > 2 && HASH.test(parts[parts.length - 1]!)) parts.pop();
  if (parts.length >= 2 && BODY_BLOCK.test(parts[0]!)) {
    const element = classWords(parts.slice(1).join('-')).filter((w) => !WEAK.has(w));
    return CLUTTER_CLASS.test(element.join('-'));
  }
  return CLUTTER_CLASS.test(token);
}

/**
 * Words in an id past which it is a slug of text, not a component's name: headings get ids made of their words
 * ("1-heading-how-popular-are-meditation-and-mindfulness"), and a weak word among them ("popular") named the section
 * clutter. Component names are a few words ("most-popular-stories").
 */
const SLUG_WORDS = 5;

/** The class and id of `el` as one value to read; an id that is a slug of text is left out. */
function namesOf(el: Element): string {
  const id = el.id;
  // Most elements have no id: no words to count (the clutter passes ask this of every element with a class).
  if (id === '') return `${el.getAttribute('class') ?? ''} `;
  return classWords(id).length >= SLUG_WORDS
    ? (el.getAttribute('class') ?? '')
    : `${el.getAttribute('class') ?? ''} ${id}`;
}

/** The class and id of `el` name page furniture (share bars, rails, ads…), read token by token. */
export function hasClutterClass(el: Element): boolean {
  return isClutterValue(namesOf(el));
}

function isClutterValue(value: string): boolean {
  return value.split(/\s+/).some((token) => token && isClutterToken(token));
}

/**
 * hasClutterClass with its answers remembered by class-and-id value, for one extraction: a page repeats the same
 * few hundred values over thousands of elements (every card, every link of a menu).
 */
export function rememberingClutterClass(): (el: Element) => boolean {
  const answers = new Map<string, boolean>();
  return (el) => {
    const value = namesOf(el);
    let answer = answers.get(value);
    if (answer === undefined) answers.set(value, (answer = isClutterValue(value)));
    return answer;
  };
}

import { tick } from './time-budget';
import { squeezedText } from './squeezed-text';

/**
 * Visually hidden labels: text a page sets for screen readers only ("Role, ", "Image caption, ", "اسم الكاتب، "),
 * clipped to a pixel by a class whose name is a build hash (`.bbc-1s8ys5e{clip:rect(1px,1px,1px,1px);…}`) or by an
 * inline style. Pages whose hidden class is a word (`.sr-only`, `.visually-hidden`) lose it in remove-clutter.ts.
 * These are marked before Readability rather than removed: the passes after it read the labels ("صدر الصورة، " says
 * what follows is a photo credit, "اسم الكاتب، " that it is the byline; a line opened by a label is a labelled
 * field, not prose). What is left of them at the end goes: the reader view is visual.
 */

export const HIDDEN = 'data-qari-hidden';

/** A label is short; longer hidden text is left alone (a page may hide real text this way: never drop prose). */
const MAX_LABEL = 80;

const MAY_HIDE = /c\s*l\s*i\s*p|a\s*b\s*s\s*o\s*l\s*u\s*t\s*e/i;

/** Declarations that clip a box to nothing while screen readers still read it. */
function hidesVisually(declarations: string): boolean {
  // Both ways to hide need "clip" or "absolute" (spaces aside): most rules of a page's style sheets have neither,
  // and are not worth lower-casing and squeezing (real pages inline hundreds of KB of CSS).
  if (!MAY_HIDE.test(declarations)) return false;
  const d = declarations.toLowerCase().replace(/\s+/g, '');
  if (/(?:^|;)clip:rect\((?:0|1px)[,\s]?/.test(d) || /clip-path:inset\((?:50|100)%\)/.test(d)) return true;
  const tiny = (prop: string) => new RegExp(`(?:^|;)${prop}:(?:0|1px)(?:;|$|!)`).test(d);
  return tiny('width') && tiny('height') && /overflow:hidden/.test(d) && /position:absolute/.test(d);
}

/** Class names that the page's own style sheets hide visually: only rules whose selector is one bare class. */
function hiddenClasses(doc: Document): string[] {
  const classes = new Set<string>();
  for (const style of Array.from(doc.querySelectorAll('style'))) {
    tick();
    const css = (style.textContent ?? '').replace(/\/\*[^]*?\*\//g, '');
    for (const [, selectors, declarations] of css.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
      if (!hidesVisually(declarations!)) continue;
      for (const selector of selectors!.split(',')) {
        const m = /^\s*\.(-?[_a-zA-Z][\w-]*)\s*$/.exec(selector);
        if (m) classes.add(m[1]!);
      }
    }
  }
  return [...classes];
}

/** Marks the short, visually hidden elements of `doc` (by style sheet or inline style); returns how many. */
export function markHiddenLabels(doc: Document): number {
  const body = doc.body;
  if (!body) return 0;
  const hidden = new Set<Element>();
  for (const el of Array.from(body.querySelectorAll('[style]')))
    if (hidesVisually(el.getAttribute('style')!)) hidden.add(el);
  for (const name of hiddenClasses(doc)) for (const el of Array.from(body.getElementsByClassName(name))) hidden.add(el);
  let marked = 0;
  for (const el of hidden) {
    tick();
    const text = squeezedText(el);
    if (!text || text.length > MAX_LABEL || el.querySelector('p, img, picture, video, table')) continue;
    el.setAttribute(HIDDEN, '');
    marked++;
  }
  return marked;
}

/** A line whose first words are a hidden label ending in a separator: "Role, BBC News عربي", "Published: 3 May". */
export function opensWithHiddenLabel(line: Element): boolean {
  for (let node = line.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 3 && !node.nodeValue!.trim()) continue;
    if (node.nodeType !== 1) return false;
    const el = node as Element;
    if (el.hasAttribute(HIDDEN)) return /[,،:：]\s*$/.test(el.textContent ?? '');
    // Down a wrapper that opens the line (<div><span hidden>Role,</span>…</div>).
    return opensWithHiddenLabel(el);
  }
  return false;
}

/** Removes the hidden labels left in the article; returns how many. */
export function removeHiddenLabels(root: Element): number {
  const labels = Array.from(root.querySelectorAll(`[${HIDDEN}]`));
  for (const el of labels) el.remove();
  return labels.length;
}

import { squeezedText } from './squeezed-text';
import { tick } from './time-budget';

/**
 * The length of an element's text as the passes measure it, `textContent.replace(/\s+/g, ' ').trim().length`,
 * and when a `cap` is given, without building that string: one walk over the text nodes that stops once the count
 * passes the cap. The passes ask "is this block shorter than 120 characters?" of every block, wrappers of the whole
 * article included; built strings made that quadratic in the article's size (2.4 s of the 200,000-element page in
 * Chromium).
 */

/** `\s` in a JavaScript regular expression (and what `trim` removes): ASCII spaces, line terminators, Zs, BOM. */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * `node.textContent.replace(/\s+/g, ' ').trim().length`, or any number above `cap` once it is known to exceed it.
 * `squeezedLength(el, 0) === 0` is "el has no text but whitespace".
 */
export function squeezedLength(node: Node, cap = Infinity): number {
  tick();
  // Without a cap the whole text is read either way, and the browser builds and squeezes it faster than this walk
  // counts it (Chromium, WCXB dev: 1.6 times for every block of a page, as much for its links). A document has no
  // textContent: it is walked.
  if (cap === Infinity && node.nodeType !== 9) return squeezedText(node).length;
  let length = 0;
  let space = false; // a run of whitespace after some text: one space, if more text follows
  const visit = (data: string): boolean => {
    for (let i = 0; i < data.length; i++) {
      if (isSpace(data.charCodeAt(i))) {
        space = length > 0;
        continue;
      }
      length += space ? 2 : 1;
      space = false;
      if (length > cap) return false;
    }
    return true;
  };
  // Text, CDATA, processing instruction, comment: their own data (only Text and CDATA count inside elements).
  if (node.nodeType === 3 || node.nodeType === 4 || node.nodeType === 7 || node.nodeType === 8) {
    visit((node as CharacterData).data);
    return length;
  }
  // textContent is the data of every Text (and CDATA) descendant in tree order; comments do not count.
  let current: Node | null = node.firstChild;
  while (current !== null) {
    const type = current.nodeType;
    if (type === 3 || type === 4) {
      if (!visit((current as CharacterData).data)) return length;
    } else if (type === 1 && current.firstChild !== null) {
      current = current.firstChild;
      continue;
    }
    while (current !== null && current !== node && current.nextSibling === null) current = current.parentNode;
    if (current === null || current === node) break;
    current = current.nextSibling;
  }
  return length;
}

/** The squeezed length of the text inside `el`'s links (what link density and "links and a label" measure). */
export function linkTextLength(el: Element): number {
  let length = 0;
  for (const a of Array.from(el.querySelectorAll('a'))) length += squeezedLength(a);
  return length;
}

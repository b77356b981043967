/**
 * Site rules: which blocks of a site's pages to drop (or to protect from Qari's clutter passes), by host.
 * A rule is data, never markup: a CSS selector is only ever given to querySelectorAll / matches (an invalid
 * one matches nothing), and a text fingerprint is only compared with text.
 */

/** One block to remove on every article of a site. */
export type BlockRule =
  /** Elements matching a CSS selector (a class, id or data attribute the site uses for that kind of block). */
  | { kind: 'selector'; selector: string }
  /** Blocks whose whole text, normalized (normalizeBlockText), is this: repeated boilerplate with no stable class. */
  | { kind: 'text'; text: string };

/** Longest text fingerprint kept: boilerplate is short; longer blocks are matched on this much of their start. */
export const MAX_FINGERPRINT = 500;

// Arabic-Indic and Persian digits read as ASCII: the reader may show either for the same text.
const DIGITS = /[\u0660-\u0669\u06f0-\u06f9]/g;
// Arabic diacritics (harakat, tatweel) vary between copies of the same sentence.
const MARKS = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]/g;
// Bidi controls and zero-width characters Qari or the site may insert.
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** The text of a block as rules compare it: case, spacing, digits and marks folded, capped in length. */
export function normalizeBlockText(text: string): string {
  return foldText(text).slice(0, MAX_FINGERPRINT);
}

/** normalizeBlockText without the cap (to look for a block's text in a whole article). */
export function foldText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(INVISIBLE, '')
    .replace(MARKS, '')
    .replace(DIGITS, (d) => String((d.charCodeAt(0) - (d.charCodeAt(0) >= 0x6f0 ? 0x6f0 : 0x660)) % 10))
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** Blocks a text rule may remove: the elements a reader sees as one piece of the article. */
export const BLOCK_SELECTOR =
  'p, h1, h2, h3, h4, h5, h6, ul, ol, li, dl, figure, blockquote, table, pre, aside, section, div, nav, header, footer';

/**
 * querySelectorAll that treats an invalid selector (hand-edited or from another browser) as matching nothing.
 * Through the prototypes: on a page, `<form name="querySelectorAll">` shadows the document's own method.
 */
export function safeQueryAll(root: Element | Document, selector: string): Element[] {
  try {
    // Documents from another window (jsdom in Node) have their own prototypes: use the method they carry.
    const list =
      typeof Document !== 'undefined' && root instanceof Document
        ? Document.prototype.querySelectorAll.call(root, selector)
        : typeof Element !== 'undefined' && root instanceof Element
          ? Element.prototype.querySelectorAll.call(root, selector)
          : root.querySelectorAll(selector);
    return Array.from(list as NodeListOf<Element>);
  } catch {
    return [];
  }
}

let textGetter: (() => string | null) | null = null;
/** An element's text (through the prototype where there is one: a form's named input can shadow `textContent`). */
export function textOf(el: Element): string {
  if (typeof Node !== 'undefined' && el instanceof Node) {
    textGetter ??= Object.getOwnPropertyDescriptor(Node.prototype, 'textContent')!.get! as () => string | null;
    return textGetter.call(el) ?? '';
  }
  const text: unknown = el.textContent;
  return typeof text === 'string' ? text : '';
}

/**
 * The fingerprint of a block's text (normalizeBlockText) without folding all of it: a block holding a whole
 * article may have 100 KB of text, of which the fingerprint keeps the first 500 folded characters. Folding
 * never grows text by more than NFKC's expansions, so a prefix of four times that folds to enough unless it is
 * mostly spaces or marks; then the whole text is folded.
 */
function fingerprintOf(raw: string): string {
  if (raw.length > MAX_FINGERPRINT * 4) {
    const folded = foldText(raw.slice(0, MAX_FINGERPRINT * 4));
    // One character to spare: the prefix's last character may be a space the full text would not trim.
    if (folded.length > MAX_FINGERPRINT + 1) return folded.slice(0, MAX_FINGERPRINT);
  }
  return normalizeBlockText(raw);
}

/**
 * The outermost of `found`, which is in document order (querySelectorAll's): one pass, since everything between
 * an element and a descendant of it in document order is inside that element too (was O(n²) with contains).
 */
function outermost(found: Element[]): Element[] {
  const out: Element[] = [];
  let last: Element | null = null;
  for (const el of found) {
    if (last?.contains(el)) continue;
    out.push(el);
    last = el;
  }
  return out;
}

/** Blocks under `root` whose fingerprint is one of `texts`: each block's text folded once, for every rule. */
function matchTexts(root: Element | Document, texts: ReadonlySet<string>): Element[] {
  let shortest = Infinity;
  for (const text of texts) shortest = Math.min(shortest, text.length);
  const found: Element[] = [];
  for (const el of safeQueryAll(root, BLOCK_SELECTOR)) {
    // Quick length check first: folding a block's text is the cost here.
    const raw = textOf(el);
    if (raw.length < shortest) continue;
    if (texts.has(fingerprintOf(raw))) found.push(el);
  }
  return found;
}

/** Elements under `root` that `rule` removes, outermost only (a removed block takes its inner blocks along). */
export function matchRule(root: Element | Document, rule: BlockRule): Element[] {
  return outermost(
    rule.kind === 'selector' ? safeQueryAll(root, rule.selector) : matchTexts(root, new Set([rule.text])),
  );
}

/** Removes what the rules match (selector rules one by one, text rules in one pass); returns how many went. */
export function removeByRules(root: Element | Document, rules: readonly BlockRule[]): number {
  let removed = 0;
  const texts = new Set<string>();
  for (const rule of rules) {
    if (rule.kind === 'text') {
      texts.add(rule.text);
      continue;
    }
    for (const el of matchRule(root, rule)) {
      el.remove();
      removed++;
    }
  }
  if (texts.size)
    for (const el of outermost(matchTexts(root, texts))) {
      el.remove();
      removed++;
    }
  return removed;
}

/**
 * Protects the elements `keep` selectors match from the clutter passes run in `passes`: each is swapped for
 * a comment while they run (passes look at elements, so a comment placeholder survives them unless its whole
 * container is dropped) and put back after.
 */
export function withKept<T>(root: Element | Document, keep: readonly string[], passes: () => T): T {
  const release = holdKept(root, keep);
  try {
    return passes();
  } finally {
    release();
  }
}

/**
 * withKept's two halves, for passes that run as separate steps: swaps the kept elements out now, and answers the
 * function that puts them back.
 */
export function holdKept(root: Element | Document, keep: readonly string[]): () => void {
  if (!keep.length) return () => {};
  const owner = root.nodeType === 9 ? (root as Document) : (root as Element).ownerDocument;
  const held: [Comment, Element][] = [];
  for (const selector of keep) {
    for (const el of safeQueryAll(root, selector)) {
      if (held.some(([, kept]) => kept.contains(el))) continue;
      const mark = owner.createComment('qari-keep');
      el.replaceWith(mark);
      held.push([mark, el]);
    }
  }
  return () => {
    for (const [mark, el] of held) if (mark.parentNode) mark.replaceWith(el);
  };
}

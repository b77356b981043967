import { BLOCK_SELECTOR, normalizeBlockText, safeQueryAll, textOf, type BlockRule } from './block-rule';

/**
 * Turns a block the reader removed into a rule that also finds it on the site's other articles. The reader only
 * has the block's text (extraction strips class names), so the block is found again on the live page by its
 * text, and described by what the site itself calls it, when that name is stable: a data attribute, an id or a
 * class that is a word rather than a build hash. Every candidate is tried on the page (`accept`: the caller
 * re-runs extraction with it) and must match few elements, each no larger than the block. Otherwise the rule is
 * the block's normalized text, which finds repeated boilerplate ("Sign up for our newsletter…") word for word.
 */

/** Data attributes sites use to name a kind of block. */
const NAMING_ATTRIBUTES = ['data-component', 'data-testid', 'data-module', 'data-block-type', 'data-type'];
/** A selector that matches more elements than this on one page names a common element, not one block. */
const MAX_MATCHES = 4;

const IDENT = /^[A-Za-z][\w-]{2,39}$/;

/** A word-like name: no build hashes (css-1x2b3c, Title_heading__a8Xf2, sc-bdfBwQ), no runs of digits. */
export function isStableName(name: string): boolean {
  if (!IDENT.test(name)) return false;
  if (/\d{3,}/.test(name)) return false;
  if (/^(css|sc|jsx|emotion|styled|tw)-/i.test(name)) return false;
  const parts = name.split(/[_-]+/);
  // A hash segment: "promo-3kd9f", "Title_heading__a8Xf2" (CSS modules: letters in mixed case after "__").
  if (parts.slice(1).some((p) => p.length >= 4 && /\d/.test(p) && /[a-z]/i.test(p))) return false;
  const last = parts[parts.length - 1] ?? '';
  if (name.includes('__') && /[a-z]/.test(last) && /[A-Z]/.test(last)) return false;
  // Mixed-case soup with digits ("bXk9Qa") is generated.
  if (/\d/.test(name) && /[a-z]/.test(name) && /[A-Z]/.test(name)) return false;
  return true;
}

const attrValue = (value: string) => (/^[\w .:-]{1,60}$/.test(value) ? `"${value}"` : null);

/**
 * A tag name that is safe to write into a selector as it is. The HTML parser takes anything up to a space, "/"
 * or ">" as a tag name, so `<a,* class="promo">` has the local name "a,*" and would make the rule
 * "a,*.promo": every link and every element. Other names get no class-based candidate.
 */
const PLAIN_TAG = /^[a-z][a-z0-9-]*$/;

/** Candidate selectors for one element, most specific name first. */
function namesOf(el: Element): string[] {
  const tag = PLAIN_TAG.test(el.localName) ? el.localName : null;
  const names: string[] = [];
  for (const attr of NAMING_ATTRIBUTES) {
    const value = el.getAttribute(attr);
    const quoted = value ? attrValue(value) : null;
    if (quoted) names.push(`[${attr}=${quoted}]`);
  }
  if (el.id && isStableName(el.id)) names.push(`#${el.id}`);
  const classes = tag ? Array.from(el.classList).filter(isStableName) : [];
  for (const c of classes) names.push(`${tag}.${c}`);
  if (classes.length > 1) names.push(`${tag}.${classes.join('.')}`);
  return names;
}

/** The live page's element holding exactly this text (the innermost one), or null. */
export function findBlock(doc: Document, text: string): Element | null {
  const target = normalizeBlockText(text);
  if (!target) return null;
  let best: Element | null = null;
  for (const el of safeQueryAll(doc, `${BLOCK_SELECTOR}, span, a, figcaption, dd, dt`)) {
    const raw = textOf(el);
    if (raw.length < target.length) continue;
    if (normalizeBlockText(raw) !== target) continue;
    // Document order: a later match inside the current best is more precise.
    if (!best || best.contains(el)) best = el;
  }
  return best;
}

export function describeBlock(doc: Document, text: string, accept: (rule: BlockRule) => boolean): BlockRule | null {
  const target = normalizeBlockText(text);
  if (!target) return null;
  const block = findBlock(doc, text);
  if (block) {
    const limit = target.length * 1.5 + 40;
    // The block itself, or a container that holds little more than it (a "promo" box around its paragraph).
    for (let el: Element | null = block, depth = 0; el && depth < 3; el = el.parentElement, depth++) {
      if (el.localName === 'body' || el.localName === 'html') break;
      if (normalizeBlockText(textOf(el)).length > limit) break;
      for (const selector of namesOf(el)) {
        const matches = safeQueryAll(doc, selector);
        if (!matches.includes(el) || matches.length > MAX_MATCHES) continue;
        if (matches.some((m) => normalizeBlockText(textOf(m)).length > limit * 2)) continue;
        const rule: BlockRule = { kind: 'selector', selector };
        if (accept(rule)) return rule;
      }
    }
  }
  const rule: BlockRule = { kind: 'text', text: target };
  return accept(rule) ? rule : null;
}

import type { Direction } from '../article';
import { explicitDir, isCodeElement, isPreElement, isSkippedElement } from './element-kinds';
import { inferLang } from './infer-lang';
import { langDirection, normalizeLang } from './lang-direction';
import { countProseStrong } from './count-prose-strong';

export interface DirectionSignals {
  /**
   * Computed CSS `direction` of the content's root element on the live page (read in the content script
   * before cloning); null when unknown (e.g. in Node).
   */
  computedDirection?: Direction | null;
  /** Other language hints: og:locale, Content-Language meta, JSON-LD inLanguage. */
  langHints?: (string | null | undefined)[];
}

export interface BaseDirection {
  dir: Direction;
  source: 'dir-attribute' | 'css' | 'lang' | 'text' | 'default';
  /** Best language tag found, normalised. */
  lang: string | null;
}

/**
 * Share of strong RTL characters above which the text alone makes an article RTL. Below one half on
 * purpose: RTL articles routinely carry Latin names, brands, URLs and citations, and Arabic and Hebrew
 * spell words with fewer letters (short vowels are not written), so an Arabic article with 40% of its
 * letters RTL is still mostly Arabic by words. English articles quoting Arabic stay far below 0.4.
 */
const TEXT_RTL_SHARE = 0.4;

/**
 * When the text contradicts a dir/CSS/lang signal this strongly, the signal is wrong: CMS themes ship
 * `<html dir="ltr" lang="en">` on Arabic sites, and RTL sites publish English articles in RTL templates.
 * Needs both a lopsided share and enough letters, so a short caption cannot overrule the page.
 */
const OVERRIDE_SHARE = 0.8;
const OVERRIDE_MIN_STRONG = 50;

const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/**
 * Text of the content as prose: skips code (pre, code, kbd, samp), which is Latin whatever the
 * language of the article (an Arabic programming tutorial is still RTL), and non-prose (script, style…).
 * Walks with firstChild/nextSibling, no recursion and no TreeWalker globals.
 */
function proseText(root: Element): string {
  const parts: string[] = [];
  let node: Node | null = root.firstChild;
  while (node !== null) {
    if (node.nodeType === 3) parts.push((node as Text).data);
    else if (node.nodeType === 1 && node.firstChild !== null) {
      const el = node as Element;
      if (!isSkippedElement(el) && !isPreElement(el) && !isCodeElement(el)) {
        node = node.firstChild;
        continue;
      }
    }
    while (node !== null && node !== root && node.nextSibling === null) node = node.parentNode;
    if (node === null || node === root) break;
    node = node.nextSibling;
  }
  return parts.join('');
}

/** Closest rtl/ltr `dir` on the element or its ancestors. "auto" defers to the text, so it is skipped like junk values. */
function closestDir(el: Element): Direction | null {
  for (let e: Element | null = el; e !== null; e = e.parentElement) {
    const d = explicitDir(e);
    if (d !== null) return d;
  }
  return null;
}

/**
 * Closest language attribute, with HTML's precedence: xml:lang in the XML namespace, then lang, then a
 * literal "xml:lang" attribute (what the HTML parser makes of it). An empty value means "unknown" and
 * stops the search, as it does for the browser.
 */
function closestLang(el: Element): string | null {
  for (let e: Element | null = el; e !== null; e = e.parentElement) {
    const v = e.getAttributeNS(XML_NS, 'lang') ?? e.getAttribute('lang') ?? e.getAttribute('xml:lang');
    if (v !== null) return v.trim() === '' ? null : v;
  }
  return null;
}

function opposite(d: Direction): Direction {
  return d === 'rtl' ? 'ltr' : 'rtl';
}

/** A tag that names an actual language ("und-Arab" gives a direction but is no language). */
function isLanguage(tag: string): boolean {
  const primary = tag.split('-', 1)[0];
  return primary !== 'und' && primary !== 'mul' && primary !== 'mis' && primary !== 'zxx';
}

/**
 * Base direction of an article, from the most to the least explicit signal: `dir` attributes on the
 * content and its ancestors, then the computed CSS direction, then lang attributes, then other language
 * hints, then the text. The text also checks the higher signals: see OVERRIDE_SHARE.
 */
export function detectBaseDirection(content: Element, signals: DirectionSignals = {}): BaseDirection {
  const text = proseText(content);
  const { rtl, ltr } = countProseStrong(text);
  const strong = rtl + ltr;
  const share = (d: Direction): number => (strong === 0 ? 0 : (d === 'rtl' ? rtl : ltr) / strong);

  const attrLang = normalizeLang(closestLang(content));
  const hintLangs = (signals.langHints ?? []).map(normalizeLang).filter((t): t is string => t !== null);

  let decided: Pick<BaseDirection, 'dir' | 'source'> | null = null;
  const attrDir = closestDir(content);
  if (attrDir !== null) decided = { dir: attrDir, source: 'dir-attribute' };
  // Only 'rtl' is evidence: 'ltr' is the initial value of `direction`, so a computed 'ltr' is what every
  // page without dir/CSS reports, including Arabic pages that only set lang="ar".
  else if (signals.computedDirection === 'rtl') decided = { dir: 'rtl', source: 'css' };
  else {
    const fromLang = [attrLang, ...hintLangs].map(langDirection).find((d) => d !== null);
    if (fromLang) decided = { dir: fromLang, source: 'lang' };
  }

  if (decided !== null) {
    // A page with a wrong dir="ltr" on <html> (or a theme's lang="en") around an Arabic article must come
    // out rtl, and an English article in an RTL site template must come out ltr: trust the text when it
    // overwhelmingly contradicts the signal.
    const other = opposite(decided.dir);
    if (strong >= OVERRIDE_MIN_STRONG && share(other) > OVERRIDE_SHARE) decided = { dir: other, source: 'text' };
  } else if (strong > 0) {
    decided = { dir: share('rtl') > TEXT_RTL_SHARE ? 'rtl' : 'ltr', source: 'text' };
  } else {
    decided = { dir: 'ltr', source: 'default' };
  }

  // The language: the closest declared one that agrees with the direction we settled on (a theme's
  // lang="en" around Arabic text is as wrong as its dir), else one guessed from the script. The guess is
  // made whenever nothing usable is declared, not only when the text decided the direction: an Arabic
  // page with dir="rtl" and no lang is still better served by "ar" than by null.
  const declared = [attrLang, ...hintLangs].find(
    (t) => t !== null && isLanguage(t) && langDirection(t) === decided.dir,
  );
  let lang = declared ?? null;
  if (lang === null && decided.dir === 'rtl' && rtl > 0) lang = inferLang(text, 'rtl');
  return { dir: decided.dir, source: decided.source, lang };
}

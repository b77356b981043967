import type { Direction } from '../article';

/** Number of strong right-to-left and left-to-right characters in a string. */
export interface StrongCounts {
  rtl: number;
  ltr: number;
}

export type Script = 'arabic' | 'hebrew' | 'latin' | 'other';

// Sticky (`y`) so `test` looks at exactly one position of the original string: no slicing, no match
// arrays, nothing allocated per character. Only used for non-ASCII code points outside the fast paths.
const LETTER = /\p{L}/uy;
const LATIN = /\p{Script=Latin}/uy;

/**
 * Code points in the blocks whose letters have bidi class R or AL: Hebrew, Arabic, Syriac, Arabic
 * Supplement, Thaana, N'Ko, Samaritan, Mandaic, Syriac Supplement, Arabic Extended-B/A (one contiguous
 * span U+0590–08FF), the Hebrew and Arabic presentation forms, and the RTL parts of the supplementary
 * planes (U+10800–10FFF: Cypriot to Old Uyghur, Hanifi Rohingya, Yezidi…; U+1E800–1EFFF: Mende Kikakui,
 * Adlam, Arabic mathematical letters). Only meaningful for letters: digits and marks in these blocks are
 * filtered out by the caller, because bidi treats them as weak/neutral.
 */
export function isRtlCodePoint(cp: number): boolean {
  return (
    (cp >= 0x0590 && cp <= 0x08ff) ||
    (cp >= 0xfb1d && cp <= 0xfdff) ||
    (cp >= 0xfe70 && cp <= 0xfeff) ||
    (cp >= 0x10800 && cp <= 0x10fff) ||
    (cp >= 0x1e800 && cp <= 0x1efff)
  );
}

function isHighSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}

/**
 * Direction of the character starting at code-unit `index`, or null when it is not strong.
 * "Strong" here means a letter (`\p{L}`): digits (including Arabic-Indic U+0660–0669 and Persian
 * U+06F0–06F9, which bidi classes AN/EN), punctuation, symbols, combining marks (harakat, niqqud) and
 * format characters (ZWNJ) are neutral. The caller must not pass the index of a low surrogate.
 */
export function strongDirectionAt(text: string, index: number): Direction | null {
  const c = text.charCodeAt(index);
  if (c < 0x80) {
    const lower = c | 0x20;
    return lower >= 0x61 && lower <= 0x7a ? 'ltr' : null;
  }
  // Fast paths for the bulk of Arabic and Hebrew text: the base letters, no regex needed.
  if ((c >= 0x0621 && c <= 0x063a) || (c >= 0x0641 && c <= 0x064a) || (c >= 0x05d0 && c <= 0x05ea)) return 'rtl';
  LETTER.lastIndex = index;
  if (!LETTER.test(text)) return null;
  const cp = isHighSurrogate(c) ? (text.codePointAt(index) ?? c) : c;
  return isRtlCodePoint(cp) ? 'rtl' : 'ltr';
}

/**
 * Counts strong RTL and LTR characters in one pass. Runs over whole articles, so it walks code units
 * and only falls back to a (non-allocating) sticky regex test for non-ASCII characters.
 */
export function countStrong(text: string): StrongCounts {
  let rtl = 0;
  let ltr = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      const lower = c | 0x20;
      if (lower >= 0x61 && lower <= 0x7a) ltr++;
      continue;
    }
    if (c >= 0xdc00 && c <= 0xdfff) continue; // stray low surrogate: not a character of its own
    const d = strongDirectionAt(text, i);
    if (d === 'rtl') rtl++;
    else if (d === 'ltr') ltr++;
    if (isHighSurrogate(c)) i++;
  }
  return { rtl, ltr };
}

function isArabicScript(cp: number): boolean {
  return (
    (cp >= 0x0600 && cp <= 0x06ff) ||
    (cp >= 0x0750 && cp <= 0x077f) ||
    (cp >= 0x0870 && cp <= 0x08ff) ||
    (cp >= 0xfb50 && cp <= 0xfdff) ||
    (cp >= 0xfe70 && cp <= 0xfeff) ||
    (cp >= 0x1ee00 && cp <= 0x1eeff)
  );
}

function isHebrewScript(cp: number): boolean {
  return (cp >= 0x0590 && cp <= 0x05ff) || (cp >= 0xfb1d && cp <= 0xfb4f);
}

/** Letters of `text` per script (see scriptOf for what 'arabic' covers). */
export function countScripts(text: string): Record<Script, number> {
  let arabic = 0;
  let hebrew = 0;
  let latin = 0;
  let other = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      const lower = c | 0x20;
      if (lower >= 0x61 && lower <= 0x7a) latin++;
      continue;
    }
    if (c >= 0xdc00 && c <= 0xdfff) continue;
    const wide = isHighSurrogate(c);
    const cp = wide ? (text.codePointAt(i) ?? c) : c;
    LETTER.lastIndex = i;
    if (LETTER.test(text)) {
      if (isArabicScript(cp)) arabic++;
      else if (isHebrewScript(cp)) hebrew++;
      else {
        LATIN.lastIndex = i;
        if (LATIN.test(text)) latin++;
        else other++;
      }
    }
    if (wide) i++;
  }
  return { arabic, hebrew, latin, other };
}

/**
 * Dominant script among the letters of `text` (null when it has none). 'arabic' is the Arabic script,
 * so Persian, Urdu, Kurdish… text is 'arabic' too; telling those apart is inferLang's job. Ties go to
 * the first of arabic, hebrew, latin, other: an even split is rare and RTL is the case we care about.
 */
export function scriptOf(text: string): Script | null {
  const { arabic, hebrew, latin, other } = countScripts(text);
  const max = Math.max(arabic, hebrew, latin, other);
  if (max === 0) return null;
  if (arabic === max) return 'arabic';
  if (hebrew === max) return 'hebrew';
  if (latin === max) return 'latin';
  return 'other';
}

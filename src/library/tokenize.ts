/**
 * Search normalisation, applied the same way to saved text and to queries, so that what a reader types
 * matches however the page spelled it:
 * - NFKD, then combining marks of Latin/Greek/Cyrillic dropped ("café" → "cafe"), then NFC again.
 * - Arabic: tashkeel (U+064B–U+065F, which NFKD also leaves after أ إ آ, so those fold to ا), superscript
 *   alef U+0670, Quranic marks U+06D6–U+06ED and tatweel U+0640 dropped; ٱ → ا, ة → ه, ى → ي, and the
 *   Persian ی/ک to their Arabic forms; Arabic-Indic digits to 0–9. The same folding as Lucene's
 *   ArabicNormalizer, so "اردوغان" finds "أردوغان".
 * - Hebrew: niqqud and cantillation (U+0591–U+05C7) dropped, but not maqaf, paseq, sof pasuq and nun
 *   hafukha (U+05BE, U+05C0, U+05C3, U+05C6), which are punctuation and split words.
 */
const MARKS =
  /[\u0300-\u036f\u0483-\u0489\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7\u0640]/g;
const FOLD: Record<string, string> = { ٱ: 'ا', ة: 'ه', ى: 'ي', ی: 'ي', ک: 'ك' };
const FOLD_CHARS = /[ٱةىیک]/g;
const ARABIC_INDIC_DIGIT = /[\u0660-\u0669\u06f0-\u06f9]/g;
/** Letters, digits and marks make words; everything else (spaces, punctuation, maqaf, ZWNJ) separates. */
const SEPARATORS = /[^\p{L}\p{N}\p{M}]+/u;

export const MIN_TERM_LENGTH = 2;
/** Longer runs are URLs, hashes or unspaced scripts: not worth an index entry each. */
export const MAX_TERM_LENGTH = 64;

export function normalizeForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(MARKS, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(FOLD_CHARS, (ch) => FOLD[ch]!)
    .replace(ARABIC_INDIC_DIGIT, (d) => String((d.charCodeAt(0) & 0xf) % 10));
}

/** Normalised words of `text`, in order, duplicates kept; words shorter than 2 code points dropped. */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const word of normalizeForSearch(text).split(SEPARATORS)) {
    const length = [...word].length;
    if (length >= MIN_TERM_LENGTH && length <= MAX_TERM_LENGTH) tokens.push(word);
  }
  return tokens;
}

/**
 * Arabic writes the definite article, and the particles before it, onto the word ("السوق", "والسوق",
 * "بالسوق", "للسوق"), which would hide it from a search for "سوق". Saved text is also indexed under the
 * word without them (the prefixes Lucene's ArabicStemmer removes); queries are left as typed, so
 * "السوق" still matches only "السوق".
 */
const ARABIC_ARTICLE = /^(?:وال|بال|كال|فال|لل|ال)(?=\p{L}\p{M}*\p{L})/u;

/** The distinct terms an article is found by: its title, byline, site name and text. */
export function articleTerms(fields: {
  title: string;
  byline: string | null;
  siteName: string | null;
  textContent: string;
}): string[] {
  const text = [fields.title, fields.byline ?? '', fields.siteName ?? '', fields.textContent].join('\n');
  const terms = new Set<string>();
  for (const token of tokenize(text)) {
    terms.add(token);
    const bare = token.replace(ARABIC_ARTICLE, '');
    if (bare !== token) terms.add(bare);
  }
  return [...terms];
}

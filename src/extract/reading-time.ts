import { countStrong } from '../direction/strong-chars';

/**
 * Reading speeds from Trauzettel-Klosinski et al., "Standardized Assessment of Reading Performance"
 * (IReST, 2012): silent reading, adults, per language. Arabic-script and Hebrew text are measured in
 * characters per minute, because words there carry clitics that make word counts misleading; Latin,
 * Cyrillic and Greek in words per minute; Chinese and Japanese in characters.
 */
const CHARS_PER_MINUTE: Record<string, number> = { ar: 612, fa: 612, ur: 612, he: 833, zh: 255, ja: 357 };
const WORDS_PER_MINUTE: Record<string, number> = {
  en: 228,
  fr: 195,
  de: 179,
  es: 218,
  it: 188,
  nl: 202,
  pl: 166,
  pt: 181,
  ru: 184,
  sv: 199,
  fi: 161,
  tr: 166,
};
const DEFAULT_WPM = 200;

/** "ar-EG", "AR_eg" → "ar". */
export function primaryLanguage(lang: string | null | undefined): string | null {
  const primary = lang?.trim().split(/[-_]/)[0]?.toLowerCase();
  return primary && primary !== 'und' ? primary : null;
}

/** A word: a letter or digit, then letters, digits, marks, ZWNJ, apostrophes and hyphens. */
const WORD_START = /[\p{L}\p{N}]/uy;
const WORD_PART = /[\p{L}\p{N}\p{M}\u200c'’-]/uy;

/**
 * The number of matches of WORD_START followed by any number of WORD_PART (`/…/gu`) in `text`, counted without making them: the
 * match array held every word of the article as a string, for a count. A word starts at a start character outside a
 * word and runs while the characters may continue it (every start character may), code point by code point as the
 * `u` flag reads; ASCII is decided without the (sticky, non-allocating) regular expressions.
 */
export function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let part: boolean;
    let start: boolean;
    if (c < 0x80) {
      const lower = c | 0x20;
      start = (lower >= 0x61 && lower <= 0x7a) || (c >= 0x30 && c <= 0x39);
      part = start || c === 0x27 || c === 0x2d;
    } else {
      WORD_PART.lastIndex = i;
      part = WORD_PART.test(text);
      WORD_START.lastIndex = i;
      start = part && WORD_START.test(text);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        const next = text.charCodeAt(i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) i++; // a pair is one code point
      }
    }
    if (inWord) inWord = part;
    else if (start) {
      words++;
      inWord = true;
    }
  }
  return words;
}

function isMostlyRtl(text: string): boolean {
  const { rtl, ltr } = countStrong(text);
  return rtl > ltr;
}

/** Minutes to read `text`, at least 1 for any non-empty text. */
/** `words` lets a caller that already counted them (extraction reports the count too) skip a second pass. */
export function readingTimeMinutes(text: string, lang: string | null, words?: number): number {
  const primary = primaryLanguage(lang);
  let minutes: number;
  const cpm = primary ? CHARS_PER_MINUTE[primary] : undefined;
  if (cpm) {
    minutes = text.replace(/\s+/g, '').length / cpm;
  } else if (!primary && isMostlyRtl(text)) {
    // Unknown language but right-to-left text: Arabic-script speed is the cautious choice.
    minutes = text.replace(/\s+/g, '').length / CHARS_PER_MINUTE['ar']!;
  } else {
    minutes = (words ?? countWords(text)) / ((primary && WORDS_PER_MINUTE[primary]) || DEFAULT_WPM);
  }
  return text.trim() ? Math.max(1, Math.round(minutes)) : 0;
}

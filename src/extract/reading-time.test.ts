import { describe, expect, it } from 'vitest';
import { countWords, primaryLanguage, readingTimeMinutes } from './reading-time';

const repeat = (word: string, n: number) => Array.from({ length: n }, () => word).join(' ');

describe('primaryLanguage', () => {
  it.each([
    ['ar-EG', 'ar'],
    ['AR_eg', 'ar'],
    ['he', 'he'],
    [' en-GB ', 'en'],
    ['und', null],
    ['', null],
    [null, null],
    [undefined, null],
  ])('%s → %s', (lang, expected) => {
    expect(primaryLanguage(lang)).toBe(expected);
  });
});

describe('countWords', () => {
  it('counts words with apostrophes, hyphens and Persian ZWNJ as one', () => {
    expect(countWords("Don't stop the long-delayed tram.")).toBe(5);
    expect(countWords('من می‌خواهم بروم')).toBe(3);
    expect(countWords('  ')).toBe(0);
  });

  it('counts as the word pattern matches: marks and hyphens continue a word but never start one', () => {
    const pattern = (t: string) => t.match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}\u200c'’-]*/gu)?.length ?? 0;
    for (const text of [
      "-a- 'b' ’c ‐d \u0301e f\u0301 \u200cg\u200c",
      '𝐀𝐁 𝟏 😀a 中文字 ١٢٣ ۴۵ ــ كتبت',
      'x\ud800 \udc00y \ud800\udc00 z',
      "'''--- ’’ \u200c",
    ])
      expect(countWords(text)).toBe(pattern(text));
  });
});

describe('readingTimeMinutes', () => {
  it('counts Arabic in characters at 612 per minute', () => {
    // 765 × 4 letters = 3060 characters → 5 min (as words, 765 would give 3 or 4).
    const text = repeat('كتاب', 765);
    expect(readingTimeMinutes(text, 'ar')).toBe(5);
    expect(readingTimeMinutes(text, 'ar-EG')).toBe(5);
  });

  it('counts Persian at the Arabic-script speed', () => {
    expect(readingTimeMinutes(repeat('کتاب', 765), 'fa-IR')).toBe(5);
  });

  it('counts Hebrew in characters at 833 per minute', () => {
    // 833 × 3 letters = 2499 characters → 3 min (at Arabic speed it would be 4).
    expect(readingTimeMinutes(repeat('ספר', 833), 'he')).toBe(3);
  });

  it('counts English in words at 228 per minute', () => {
    // 1140 words → 5 min (the 200 wpm default would give 6).
    expect(readingTimeMinutes(repeat('tram', 1140), 'en-GB')).toBe(5);
  });

  it('uses 200 words per minute for a language without a measured speed', () => {
    expect(readingTimeMinutes(repeat('tram', 1140), 'cy')).toBe(6);
  });

  it('uses the Arabic speed for right-to-left text in an unknown language', () => {
    const arabic = repeat('كتاب', 765);
    expect(readingTimeMinutes(arabic, null)).toBe(5);
    expect(readingTimeMinutes(arabic, 'und')).toBe(5);
    // Hebrew without a language is read at the (slower) Arabic speed: 2499 / 612 ≈ 4.
    expect(readingTimeMinutes(repeat('ספר', 833), null)).toBe(4);
  });

  it('counts Latin text in an unknown language in words', () => {
    expect(readingTimeMinutes(repeat('tram', 1140), null)).toBe(6);
  });

  it('gives at least 1 minute for any non-empty text and 0 for empty text', () => {
    expect(readingTimeMinutes('Breaking.', 'en')).toBe(1);
    expect(readingTimeMinutes('عاجل', 'ar')).toBe(1);
    expect(readingTimeMinutes('', 'en')).toBe(0);
    expect(readingTimeMinutes(' \n\t ', null)).toBe(0);
  });
});

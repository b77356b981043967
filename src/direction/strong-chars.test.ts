// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { countScripts, countStrong, isRtlCodePoint, scriptOf, strongDirectionAt } from './strong-chars';

describe('countStrong', () => {
  it.each([
    ['', 0, 0],
    ['Hello, world!', 0, 10],
    ['مرحبا بالعالم', 12, 0],
    ['שלום עולם', 0 + 8, 0],
    // Latin-1, Greek, Cyrillic, CJK letters are all strong LTR.
    ['café Ωμέγα привет 漢字', 0, 4 + 5 + 6 + 2],
    // Digits and punctuation are neutral, Arabic-Indic and Persian digits included (bidi AN/EN).
    ['2024 ٢٠٢٤ ۲۰۲۴ ...,;:!? 12:24 +964', 0, 0],
    // Harakat and niqqud are combining marks, not extra letters.
    ['بِسْمِ', 3, 0],
    ['שָׁלוֹם', 4, 0],
    // ZWNJ (Persian half-space) and emoji are neutral.
    ['می\u200Cشود 😀', 5, 0],
    // Presentation forms and astral RTL letters (Adlam, Arabic mathematical) count as RTL…
    ['ﻻ ﷲ 𞤀𞤁 𞸀', 1 + 1 + 2 + 1, 0],
    // …astral LTR letters as LTR.
    ['𝐀𝐁 𐐀', 0, 3],
    ['Google هي شركة', 6, 6],
  ])('%j → rtl %i, ltr %i', (text, rtl, ltr) => {
    expect(countStrong(text)).toEqual({ rtl, ltr });
  });

  it('counts Syriac, Thaana and N’Ko as RTL', () => {
    expect(countStrong('ܫܠܡܐ').rtl).toBe(4);
    expect(countStrong('ދިވެހި').rtl).toBe(3); // three consonants, the vowel signs are marks
    expect(countStrong('ߒߞߏ').rtl).toBe(3);
  });

  it('ignores a stray low surrogate', () => {
    expect(countStrong('a\uDC00b')).toEqual({ rtl: 0, ltr: 2 });
  });
});

describe('strongDirectionAt', () => {
  it('classifies the character at an index', () => {
    const text = 'a ب 1 ١ 𞤀';
    expect(strongDirectionAt(text, 0)).toBe('ltr');
    expect(strongDirectionAt(text, 1)).toBeNull();
    expect(strongDirectionAt(text, 2)).toBe('rtl');
    expect(strongDirectionAt(text, 4)).toBeNull();
    expect(strongDirectionAt(text, 6)).toBeNull();
    expect(strongDirectionAt(text, 8)).toBe('rtl');
  });
});

describe('isRtlCodePoint', () => {
  it.each(
    [
      [0x05d0, true],
      [0x0627, true],
      [0x0710, true],
      [0x0780, true],
      [0x07ca, true],
      [0x0800, true],
      [0x08a0, true],
      [0xfb1d, true],
      [0xfefc, true],
      [0x10800, true],
      [0x1e900, true],
      [0x41, false],
      [0x0410, false],
      [0x0900, false],
      [0xfb00, false],
      [0x1d400, false],
    ].map(
      ([cp, rtl]) =>
        [(cp as number).toString(16).toUpperCase().padStart(4, '0'), rtl as boolean, cp as number] as const,
    ),
  )('U+%s → %s', (_hex, rtl, cp) => {
    expect(isRtlCodePoint(cp)).toBe(rtl);
  });
});

describe('scriptOf', () => {
  it.each([
    ['', null],
    ['123 !?', null],
    ['مرحبا بالعالم', 'arabic'],
    ['این یک متن فارسی است', 'arabic'],
    ['یہ اردو ہے', 'arabic'],
    ['שלום עולם', 'hebrew'],
    ['Hello world', 'latin'],
    ['Ça été', 'latin'],
    ['Привет мир', 'other'],
    ['ܫܠܡܐ', 'other'],
    ['Google هي شركة تقنية', 'arabic'],
    ['The word שלום means peace', 'latin'],
  ] as const)('%j → %s', (text, script) => {
    expect(scriptOf(text)).toBe(script);
  });
});

describe('countScripts', () => {
  it('counts letters per script', () => {
    expect(countScripts('Google هي شركة שלום Привет 123 ۱۲۳')).toEqual({ arabic: 6, hebrew: 4, latin: 6, other: 6 });
  });
});

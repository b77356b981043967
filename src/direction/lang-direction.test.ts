// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { langDirection, normalizeLang } from './lang-direction';

describe('normalizeLang', () => {
  it.each([
    ['ar_EG', 'ar-EG'],
    ['ar-eg', 'ar-EG'],
    ['AR', 'ar'],
    ['fa_IR', 'fa-IR'],
    ['  he-IL  ', 'he-IL'],
    ['zh-hant-tw', 'zh-Hant-TW'],
    ['KU-ARAB-IQ', 'ku-Arab-IQ'],
    ['es-419', 'es-419'],
    ['iw', 'he'],
    ['ji', 'yi'],
    ['ara', 'ar'],
    ['fa_IR.UTF-8', 'fa-IR'],
    ['ar, en', 'ar'],
    ['en-US;q=0.9', 'en-US'],
    ['de-CH-x-phonebk', 'de-CH-x-phonebk'],
    ['und-Arab', 'und-Arab'],
    ['und', null],
    ['UND', null],
    ['zxx', null],
    ['', null],
    ['   ', null],
    [null, null],
    [undefined, null],
    ['x-private', null],
    ['a', null],
    ['en--US', null],
    ['toolongsubtag-US', null],
    ['ar-ÉG', null],
  ])('%j → %j', (input, expected) => {
    expect(normalizeLang(input)).toBe(expected);
  });
});

describe('langDirection', () => {
  it.each([
    // RTL languages, any case and separator
    ['ar', 'rtl'],
    ['ar-EG', 'rtl'],
    ['ar_EG', 'rtl'],
    ['AR-eg', 'rtl'],
    ['arz', 'rtl'],
    ['fa', 'rtl'],
    ['fa-IR', 'rtl'],
    ['prs', 'rtl'],
    ['he', 'rtl'],
    ['he-IL', 'rtl'],
    ['iw', 'rtl'],
    ['ur', 'rtl'],
    ['ur-PK', 'rtl'],
    ['ps', 'rtl'],
    ['sd', 'rtl'],
    ['ug', 'rtl'],
    ['yi', 'rtl'],
    ['dv', 'rtl'],
    ['ckb', 'rtl'],
    ['syr', 'rtl'],
    ['nqo', 'rtl'],
    // RTL script subtags make any language RTL…
    ['ku-Arab', 'rtl'],
    ['az-Arab', 'rtl'],
    ['pa-Arab', 'rtl'],
    ['ms-Arab', 'rtl'],
    ['ff-Adlm', 'rtl'],
    ['rhg-Rohg', 'rtl'],
    ['dv-Thaa', 'rtl'],
    ['aii-Syrc', 'rtl'],
    ['man-Nkoo', 'rtl'],
    ['yi-Hebr', 'rtl'],
    ['und-Arab', 'rtl'],
    // …and LTR script subtags override an RTL language.
    ['ku-Latn', 'ltr'],
    ['az-Latn', 'ltr'],
    ['sd-Deva', 'ltr'],
    ['uz-Latn-AF', 'ltr'],
    ['tg-Cyrl', 'ltr'],
    // Regional Arabic-script defaults
    ['az-IR', 'rtl'],
    ['pa-PK', 'rtl'],
    ['uz-AF', 'rtl'],
    // LTR languages, including ones that are RTL only in another script or region
    ['en', 'ltr'],
    ['en-US', 'ltr'],
    ['fr_FR', 'ltr'],
    ['tr', 'ltr'],
    ['ku', 'ltr'],
    ['az', 'ltr'],
    ['pa', 'ltr'],
    ['pa-IN', 'ltr'],
    ['ms', 'ltr'],
    ['zh-Hant-TW', 'ltr'],
    // No language, no direction
    ['', null],
    ['und', null],
    ['mul', null],
    [null, null],
    [undefined, null],
    ['x-klingon', null],
  ])('%j → %j', (lang, dir) => {
    expect(langDirection(lang)).toBe(dir);
  });
});

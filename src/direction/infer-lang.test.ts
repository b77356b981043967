// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { inferLang } from './infer-lang';

describe('inferLang', () => {
  it.each([
    ['اللغة العربية هي إحدى أكثر اللغات انتشارا في العالم، ويتحدثها أكثر من 400 مليون نسمة.', 'ar'],
    ['زبان فارسی یکی از زبان‌های هندواروپایی است که در ایران، افغانستان و تاجیکستان به آن سخن می‌گویند.', 'fa'],
    ['اردو برصغیر کی ایک اہم زبان ہے جو پاکستان کی قومی زبان بھی ہے اور بھارت میں بولی جاتی ہے۔', 'ur'],
    ['زمانی کوردی یەکێکە لە زمانە ئێرانییەکان و لە کوردستان قسەی پێدەکرێت.', 'ckb'],
    ['ئۇيغۇر تىلى تۈركىي تىللار ئائىلىسىگە مەنسۇپ بىر تىل.', 'ug'],
    ['עברית היא שפה שמית ממשפחת השפות האפרו-אסיאתיות.', 'he'],
    ['English text only', null],
    ['Русский текст', null],
    ['', null],
    ['123', null],
  ])('%j → %j', (text, lang) => {
    expect(inferLang(text)).toBe(lang);
  });

  it('names an RTL text after its RTL script even when Latin letters dominate', () => {
    const text = 'Most of this sentence is English, with a short Arabic part: مرحبا بكم';
    expect(inferLang(text)).toBeNull();
    expect(inferLang(text, 'rtl')).toBe('ar');
    expect(inferLang('Only English', 'rtl')).toBeNull();
  });

  it('keeps Arabic text with one Persian-looking name Arabic', () => {
    expect(inferLang('زار الرئيس مدينة كرمانشاه والتقى بالمسؤولين في مبنى المحافظة الجديد يوم الخميس الماضي.')).toBe(
      'ar',
    );
  });
});

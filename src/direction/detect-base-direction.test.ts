// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { detectBaseDirection } from './detect-base-direction';
import type { DirectionSignals } from './detect-base-direction';
import { countStrong } from './strong-chars';

const AR =
  'اللغة العربية هي إحدى أكثر اللغات انتشارا في العالم، ويتحدثها أكثر من أربعمئة مليون نسمة في الوطن العربي وخارجه.';
const EN = 'The quick brown fox jumps over the lazy dog while the journalists write their long reports about it.';
const FA = 'زبان فارسی یکی از زبان‌های هندواروپایی است که در ایران، افغانستان و تاجیکستان به آن سخن می‌گویند.';
const HE = 'עברית היא שפה שמית ממשפחת השפות האפרו-אסיאתיות, והיא השפה הרשמית של מדינת ישראל מאז הקמתה.';

/** Parses a page and returns its <article> (or body). */
function content(html: string): Element {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  return doc.querySelector('article') ?? doc.body;
}

function detect(html: string, signals?: DirectionSignals) {
  return detectBaseDirection(content(html), signals);
}

describe('detectBaseDirection', () => {
  it('reads an Arabic page with no dir and no lang from its text', () => {
    expect(detect(`<article><p>${AR}</p></article>`)).toEqual({ dir: 'rtl', source: 'text', lang: 'ar' });
  });

  it('takes the closest dir attribute', () => {
    expect(
      detect(`<html dir="ltr"><body><div dir="rtl"><article><p>نص قصير</p></article></div></body></html>`),
    ).toEqual({
      dir: 'rtl',
      source: 'dir-attribute',
      lang: 'ar',
    });
    expect(detect(`<html dir="rtl"><body><article dir="LTR"><p>Short text</p></article></body></html>`).dir).toBe(
      'ltr',
    );
  });

  it('ignores dir="auto" and keeps looking up', () => {
    expect(detect(`<html dir="rtl"><body><article dir="auto"><p>abc</p></article></body></html>`)).toMatchObject({
      dir: 'rtl',
      source: 'dir-attribute',
    });
  });

  it('uses the computed CSS direction when there is no dir attribute', () => {
    expect(detect(`<article><p>123</p></article>`, { computedDirection: 'rtl' })).toEqual({
      dir: 'rtl',
      source: 'css',
      lang: null,
    });
  });

  it('does not take a computed "ltr" as evidence: it is the initial value', () => {
    expect(
      detect(`<html lang="ar"><body><article><p>نص</p></article></body></html>`, { computedDirection: 'ltr' }),
    ).toEqual({
      dir: 'rtl',
      source: 'lang',
      lang: 'ar',
    });
  });

  it('uses lang attributes, closest first, xml:lang included', () => {
    expect(detect(`<html lang="ar"><body><article><p>abc</p></article></body></html>`)).toEqual({
      dir: 'rtl',
      source: 'lang',
      lang: 'ar',
    });
    expect(detect(`<html lang="en"><body><article lang="he_IL"><p>abc</p></article></body></html>`)).toEqual({
      dir: 'rtl',
      source: 'lang',
      lang: 'he-IL',
    });
    expect(detect(`<html><body><article xml:lang="fa"><p>abc</p></article></body></html>`)).toMatchObject({
      dir: 'rtl',
      lang: 'fa',
    });
  });

  it('treats lang="" as unknown and falls back to hints', () => {
    expect(detect(`<html lang="ar"><body><article lang=""><p>abc</p></article></body></html>`)).toEqual({
      dir: 'ltr',
      source: 'text',
      lang: null,
    });
    expect(detect(`<article lang=""><p>123</p></article>`, { langHints: [null, 'fa_IR'] })).toEqual({
      dir: 'rtl',
      source: 'lang',
      lang: 'fa-IR',
    });
  });

  it('uses language hints (og:locale, Content-Language, JSON-LD) when the markup has none', () => {
    expect(detect(`<article><p>123</p></article>`, { langHints: [undefined, '', 'ar_AR'] })).toEqual({
      dir: 'rtl',
      source: 'lang',
      lang: 'ar-AR',
    });
    expect(detect(`<article><p>123</p></article>`, { langHints: ['en_US'] })).toEqual({
      dir: 'ltr',
      source: 'lang',
      lang: 'en-US',
    });
  });

  it('trusts overwhelmingly Arabic text over a wrong dir="ltr" and lang="en" on <html>', () => {
    expect(detect(`<html dir="ltr" lang="en"><body><article><p>${AR}</p><p>${AR}</p></article></body></html>`)).toEqual(
      {
        dir: 'rtl',
        source: 'text',
        lang: 'ar',
      },
    );
  });

  it('trusts overwhelmingly Latin text over a wrong dir="rtl" of an RTL site template', () => {
    expect(detect(`<html dir="rtl" lang="ar"><body><article><p>${EN}</p></article></body></html>`)).toEqual({
      dir: 'ltr',
      source: 'text',
      lang: null,
    });
  });

  it('does not let a short text overrule the markup', () => {
    expect(detect(`<html dir="ltr"><body><article><p>مرحبا بكم</p></article></body></html>`)).toMatchObject({
      dir: 'ltr',
      source: 'dir-attribute',
    });
  });

  it('keeps the signal when the text is mixed but not overwhelming', () => {
    const mixed = `${AR} ${EN}`;
    expect(detect(`<html lang="ar"><body><article><p>${mixed}</p></article></body></html>`).dir).toBe('rtl');
    expect(detect(`<html lang="en"><body><article><p>${mixed}</p></article></body></html>`).dir).toBe('ltr');
  });

  it('goes rtl from text above 40% of strong characters', () => {
    // 39 Arabic letters to 42 Latin ones (48%): Latin-heavy but still an Arabic sentence.
    const text = 'مقال عن البرمجة بلغة Python وإطار Django وقاعدة PostgreSQL ومكتبة TensorFlow وأداة Kubernetes';
    expect(countStrong(text)).toEqual({ rtl: 39, ltr: 42 });
    expect(detect(`<article><p>${text}</p></article>`).dir).toBe('rtl');
    expect(detect(`<article><p>${EN} ${'كلمة'}</p></article>`).dir).toBe('ltr');
  });

  it('ignores code when reading the text: an Arabic tutorial with long code is rtl', () => {
    const code = 'const element = document.querySelector(".article"); element.classList.add("reader");'.repeat(5);
    expect(
      detect(
        `<article><p>شرح الكود التالي بالتفصيل</p><pre><code>${code}</code></pre><p>ثم استخدم <code>querySelectorAll</code></p></article>`,
      ),
    ).toMatchObject({
      dir: 'rtl',
      source: 'text',
    });
  });

  it('ignores script and style content', () => {
    expect(
      detect(
        `<article><style>.a{color:red}.b{font-family:serif}</style><p>نص عربي قصير</p><script>var longEnglishVariable = 1</script></article>`,
      ).dir,
    ).toBe('rtl');
  });

  it('defaults to ltr with nothing to go on', () => {
    expect(detect(`<article><p>2020-03-05 | 12:24</p></article>`)).toEqual({
      dir: 'ltr',
      source: 'default',
      lang: null,
    });
  });

  it('infers Persian from its letters, with ZWNJ and Persian digits', () => {
    expect(detect(`<article><p>${FA}</p><p>سال ۱۴۰۲ خورشیدی</p></article>`)).toEqual({
      dir: 'rtl',
      source: 'text',
      lang: 'fa',
    });
  });

  it('infers Hebrew', () => {
    expect(detect(`<article><p>${HE}</p></article>`)).toEqual({ dir: 'rtl', source: 'text', lang: 'he' });
  });

  it('prefers a declared language that agrees with the direction over a guessed one', () => {
    // The first hint ("en") decides the signal, the text overrules it, and the hint that agrees is kept.
    expect(detect(`<article><p>${AR}</p></article>`, { langHints: ['en', 'ar-IQ'] })).toEqual({
      dir: 'rtl',
      source: 'text',
      lang: 'ar-IQ',
    });
    expect(detect(`<html lang="und-Arab"><body><article><p>${AR}</p></article></body></html>`)).toEqual({
      dir: 'rtl',
      source: 'lang',
      lang: 'ar',
    });
  });
});

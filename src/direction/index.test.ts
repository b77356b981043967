// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import type { Direction } from '../article';
import { annotateBlocks, detectBaseDirection } from './index';
import type { BaseDirection, DirectionSignals } from './index';

/**
 * End-to-end fixtures through the public API: a page, the content element a reader would pick, the
 * base direction expected, and the direction each block must end up with (its closest `dir`).
 */
interface Fixture {
  name: string;
  html: string;
  /** The content element; default <article>. */
  content?: string;
  signals?: DirectionSignals;
  base: BaseDirection;
  blocks: [selector: string, dir: Direction][];
  /** Text of every <bdi> added, in document order, when the fixture is about isolation. */
  isolated?: string[];
}

const AR_P1 =
  'أعلنت وزارة الصحة اليوم عن خطة جديدة لتطوير المستشفيات في جميع المحافظات، وقال المتحدث باسم الوزارة إن العمل سيبدأ خلال الأسابيع المقبلة.';
const AR_P2 =
  'وأضاف أن الخطة تشمل بناء مراكز صحية حديثة وتدريب الكوادر الطبية، مشيرا إلى أن التمويل سيأتي من الموازنة العامة للدولة.';
const EN_P =
  'The ministry of health announced a new plan today to develop hospitals in all provinces, and a spokesman said work would start in the coming weeks.';

const fixtures: Fixture[] = [
  {
    name: 'Arabic page with no dir and no lang',
    html: `<html><body><article><h1 id="h">خطة جديدة للمستشفيات</h1><p id="p1">${AR_P1}</p><p id="p2">${AR_P2}</p></article></body></html>`,
    base: { dir: 'rtl', source: 'text', lang: 'ar' },
    blocks: [
      ['#h', 'rtl'],
      ['#p1', 'rtl'],
      ['#p2', 'rtl'],
    ],
  },
  {
    name: 'RTL only through the computed CSS direction',
    html: `<html><body><article><p id="p">تحديث: 2024/05/01</p><p id="n">12:24</p></article></body></html>`,
    signals: { computedDirection: 'rtl' },
    base: { dir: 'rtl', source: 'css', lang: 'ar' },
    blocks: [
      ['#p', 'rtl'],
      ['#n', 'rtl'],
    ],
  },
  {
    name: 'only lang="ar"',
    html: `<html lang="ar"><body><article><p id="p">خبر قصير</p></article></body></html>`,
    base: { dir: 'rtl', source: 'lang', lang: 'ar' },
    blocks: [['#p', 'rtl']],
  },
  {
    name: 'Arabic paragraph starting with a Latin name',
    html: `<html><body><article><p id="g">Google هي شركة تقنية أمريكية متعددة الجنسيات تختص في مجال الإعلانات المرتبطة بخدمات البحث على الإنترنت.</p><p>${AR_P1}</p></article></body></html>`,
    base: { dir: 'rtl', source: 'text', lang: 'ar' },
    blocks: [['#g', 'rtl']],
    isolated: [],
  },
  {
    name: 'Arabic paragraph starting with a Latin name, in an English article',
    html: `<html lang="en"><body><article><p>${EN_P}</p><p id="g">Google هي شركة تقنية أمريكية متعددة الجنسيات تختص في مجال الإعلانات.</p></article></body></html>`,
    base: { dir: 'ltr', source: 'lang', lang: 'en' },
    blocks: [['#g', 'rtl']],
  },
  {
    name: 'Arabic paragraph starting with a number',
    html: `<html><body><article><p id="y">2024 كان عاما صعبا على الاقتصاد العالمي بسبب ارتفاع الأسعار.</p><p>${AR_P2}</p></article></body></html>`,
    base: { dir: 'rtl', source: 'text', lang: 'ar' },
    blocks: [['#y', 'rtl']],
    isolated: [],
  },
  {
    name: 'English quote inside an Arabic article',
    html: `<html dir="rtl" lang="ar"><body><article><p id="p">${AR_P1}</p><blockquote id="q"><p id="qp">"We will not stop until every hospital is rebuilt," the minister told reporters.</p></blockquote><p id="p2">${AR_P2}</p></article></body></html>`,
    base: { dir: 'rtl', source: 'dir-attribute', lang: 'ar' },
    blocks: [
      ['#p', 'rtl'],
      ['#q', 'ltr'],
      ['#qp', 'ltr'],
      ['#p2', 'rtl'],
    ],
  },
  {
    name: 'URL and phone number inside Arabic',
    html: `<html lang="ar" dir="rtl"><body><article><p id="p">للمزيد من المعلومات زوروا https://example.com/ar/health أو اتصلوا على الرقم +964 770 123 4567 من الساعة 9 صباحا.</p></article></body></html>`,
    base: { dir: 'rtl', source: 'dir-attribute', lang: 'ar' },
    blocks: [['#p', 'rtl']],
    isolated: ['https://example.com/ar/health', '+964 770 123 4567'],
  },
  {
    name: 'Hebrew',
    html: `<html><body><article><h1 id="h">חדשות היום</h1><p id="p">משרד הבריאות הודיע היום על תוכנית חדשה לפיתוח בתי החולים בכל המחוזות, והעבודה תתחיל בשבועות הקרובים.</p></article></body></html>`,
    base: { dir: 'rtl', source: 'text', lang: 'he' },
    blocks: [
      ['#h', 'rtl'],
      ['#p', 'rtl'],
    ],
  },
  {
    name: 'Persian with ZWNJ and Persian digits',
    html: `<html><body><article><p id="p">وزارت بهداشت امروز از برنامه‌ای تازه برای توسعهٔ بیمارستان‌ها در همهٔ استان‌ها خبر داد و گفت کار از ماه آینده آغاز می‌شود.</p><p id="d">سال ۱۴۰۳ خورشیدی، ساعت ۱۲:۳۰</p></article></body></html>`,
    base: { dir: 'rtl', source: 'text', lang: 'fa' },
    blocks: [
      ['#p', 'rtl'],
      ['#d', 'rtl'],
    ],
    isolated: [],
  },
  {
    name: 'English page with one Arabic quote',
    html: `<html><body><article><p id="p1">${EN_P}</p><blockquote id="q"><p id="qp">${AR_P2}</p></blockquote><p id="p2">${EN_P}</p></article></body></html>`,
    base: { dir: 'ltr', source: 'text', lang: null },
    blocks: [
      ['#p1', 'ltr'],
      ['#q', 'rtl'],
      ['#qp', 'rtl'],
      ['#p2', 'ltr'],
    ],
  },
  {
    name: 'wrong dir="ltr" on <html> around Arabic content',
    html: `<html dir="ltr" lang="en"><body><article><h1 id="h">خطة جديدة</h1><p id="p1">${AR_P1}</p><p id="p2">${AR_P2}</p></article></body></html>`,
    base: { dir: 'rtl', source: 'text', lang: 'ar' },
    blocks: [
      ['#h', 'rtl'],
      ['#p1', 'rtl'],
      ['#p2', 'rtl'],
    ],
  },
  {
    name: 'neutral block following the base',
    html: `<html><body><article><p id="d">2020-03-05 | 12:24</p><p>${AR_P1}</p><blockquote><p>${EN_P}</p><p id="d2">2020-03-05 | 12:24</p></blockquote></article></body></html>`,
    base: { dir: 'rtl', source: 'text', lang: 'ar' },
    blocks: [
      ['#d', 'rtl'],
      ['#d2', 'ltr'],
    ],
    isolated: [],
  },
];

describe('direction fixtures', () => {
  it.each(fixtures.map((f) => [f.name, f] as const))('%s', (_name, fixture) => {
    const doc = new DOMParser().parseFromString(fixture.html, 'text/html');
    const content = doc.querySelector(fixture.content ?? 'article');
    if (content === null) throw new Error('fixture has no content element');

    const base = detectBaseDirection(content, fixture.signals);
    expect(base).toEqual(fixture.base);

    const text = content.textContent;
    annotateBlocks(content, base.dir);
    expect(content.textContent).toBe(text);
    expect(content.getAttribute('dir')).toBe(base.dir);

    for (const [selector, dir] of fixture.blocks) {
      const el = content.querySelector(selector);
      expect(el, selector).not.toBeNull();
      expect(el?.closest('[dir]')?.getAttribute('dir'), selector).toBe(dir);
    }
    if (fixture.isolated) {
      expect([...content.querySelectorAll('bdi')].map((b) => b.textContent)).toEqual(fixture.isolated);
    }
  });
});

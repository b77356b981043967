// @vitest-environment jsdom
import { expect, it } from 'vitest';
import type { Article } from '../src/article';
import { renderArticle } from './render-article';

const base: Article = {
  url: 'https://www.khabaronline.ir/news/1',
  title: 'نرخ تورم در بهمن‌ماه کاهش یافت',
  byline: null,
  siteName: 'خبرآنلاین',
  publishedTime: '2020-02-18T03:25:00+03:30',
  lang: 'fa',
  dir: 'rtl',
  excerpt: null,
  leadImage: null,
  content: '<h2>نرخ تورم در بهمن‌ماه کاهش یافت</h2><p>به گزارش خبرآنلاین، بانک مرکزی امروز اعلام کرد.</p>',
  textContent: '',
  readingTimeMinutes: 6,
  wordCount: 900,
};

function render(article: Partial<Article>, uiLang = 'en-US'): HTMLElement {
  const main = document.createElement('main');
  renderArticle(main, { ...base, ...article }, { easternDigits: false, uiLang });
  return main;
}

it('sets the script once on the root, from the language', () => {
  expect(render({}).dataset.script).toBe('persian');
  expect(render({ lang: 'ur' }).dataset.script).toBe('urdu');
  expect(render({ lang: 'ar' }).dataset.script).toBe('arabic');
});

it('isolates each label in its own language and direction', () => {
  const main = render({});
  const time = main.querySelector('.published')!;
  expect([time.getAttribute('lang'), time.getAttribute('dir')]).toEqual(['fa', 'rtl']);
  expect(time.textContent).toContain('۱۳۹۸');
  const minutes = main.querySelector('bdi.reading-time')!;
  expect([minutes.getAttribute('lang'), minutes.getAttribute('dir'), minutes.textContent]).toEqual([
    'fa',
    'rtl',
    '۶ دقیقه مطالعه',
  ]);
  // A language without words of ours: the interface's, isolated left to right inside the right-to-left line.
  const sorani = render({ lang: 'ckb' }).querySelector('bdi.reading-time')!;
  expect([sorani.getAttribute('lang'), sorani.getAttribute('dir'), sorani.textContent]).toEqual([
    'en-US',
    'ltr',
    '6 min read',
  ]);
});

it('shows the headline once, and no byline that only names the site', () => {
  const main = render({ byline: 'Khabaronline News Agency - سایت خبرگزاری خبرآنلاین' });
  expect(main.querySelector('article h2')).toBeNull();
  expect(main.querySelector('.byline')).toBeNull();
  expect(render({ byline: 'زهرا میرحسینی' }).querySelector('.byline')?.textContent).toBe('زهرا میرحسینی');
});

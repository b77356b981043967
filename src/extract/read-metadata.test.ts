// @vitest-environment jsdom
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { cleanTitle, normalizeDate, readMetadata } from './read-metadata';

const URL_ = 'https://www.harbourherald.example/news/ferry-timetable-cut';

function doc(head: string, body = '<p>Story</p>', htmlAttrs = 'lang="en"'): Document {
  return new JSDOM(`<!doctype html><html ${htmlAttrs}><head>${head}</head><body>${body}</body></html>`, { url: URL_ })
    .window.document;
}

const ld = (value: unknown) => `<script type="application/ld+json">${JSON.stringify(value)}</script>`;

describe('readMetadata: JSON-LD', () => {
  it('reads a NewsArticle', () => {
    const meta = readMetadata(
      doc(
        `<title>Ferry timetable cut | Harbour Herald</title>` +
          ld({
            '@context': 'https://schema.org',
            '@type': 'NewsArticle',
            headline: 'Ferry timetable cut for winter',
            datePublished: '2024-09-18T06:42:00+01:00',
            author: { '@type': 'Person', name: 'Isla Drummond', url: 'https://www.harbourherald.example/by/isla' },
            publisher: { '@type': 'Organization', name: 'Harbour Herald' },
            image: { '@type': 'ImageObject', url: 'https://cdn.harbourherald.example/ferry.jpg' },
            description: 'Winter sailings drop to two a day.',
            inLanguage: 'en-GB',
          }),
      ),
    );
    expect(meta.title).toBe('Ferry timetable cut for winter');
    expect(meta.publishedTime).toBe('2024-09-18T06:42:00+01:00');
    expect(meta.byline).toBe('Isla Drummond');
    expect(meta.siteName).toBe('Harbour Herald');
    expect(meta.leadImage).toBe('https://cdn.harbourherald.example/ferry.jpg');
    expect(meta.excerpt).toBe('Winter sailings drop to two a day.');
    expect(meta.langHints).toEqual(['en-GB']);
  });

  it('finds the article inside @graph, past the WebPage and Organization nodes', () => {
    const meta = readMetadata(
      doc(
        ld({
          '@context': 'https://schema.org',
          '@graph': [
            { '@type': 'Organization', name: 'Harbour Herald' },
            { '@type': 'WebPage', name: 'Ferry page', datePublished: '2020-01-01' },
            {
              '@type': 'NewsArticle',
              headline: 'Ferry timetable cut for winter',
              datePublished: '2024-09-18T06:42',
              author: 'Isla Drummond',
            },
          ],
        }),
      ),
    );
    expect(meta.title).toBe('Ferry timetable cut for winter');
    expect(meta.publishedTime).toBe('2024-09-18T06:42');
    expect(meta.byline).toBe('Isla Drummond');
  });

  it('accepts an array @type', () => {
    const meta = readMetadata(
      doc(ld({ '@type': ['NewsArticle'], headline: 'Array typed headline', datePublished: '2024-09-18' })),
    );
    expect(meta.title).toBe('Array typed headline');
    expect(meta.publishedTime).toBe('2024-09-18');
  });

  it('ignores broken JSON-LD and falls back to meta tags', () => {
    const meta = readMetadata(
      doc(
        `<script type="application/ld+json">{ "@type": "NewsArticle", "headline": "Broken", }</script>` +
          `<meta property="og:title" content="Ferry timetable cut for winter">` +
          `<meta property="article:published_time" content="2024-09-18T06:42:00Z">`,
      ),
    );
    expect(meta.title).toBe('Ferry timetable cut for winter');
    expect(meta.publishedTime).toBe('2024-09-18T06:42:00Z');
  });

  it('joins an array of authors and drops duplicates', () => {
    const meta = readMetadata(
      doc(
        ld({
          '@type': 'NewsArticle',
          headline: 'h',
          author: [
            { '@type': 'Person', name: 'Isla Drummond' },
            { '@type': 'Person', name: 'Rory Bain' },
            { '@type': 'Person', name: 'Isla Drummond' },
          ],
        }),
      ),
    );
    expect(meta.byline).toBe('Isla Drummond, Rory Bain');
  });

  it('does not use an author URL as the byline', () => {
    const meta = readMetadata(doc(`<meta property="article:author" content="https://www.facebook.com/harbourherald">`));
    expect(meta.byline).toBeNull();
  });
});

describe('readMetadata: meta tags and the page', () => {
  it('reads Open Graph title, site name, image and description', () => {
    const meta = readMetadata(
      doc(
        `<title>Ferry timetable cut | Harbour Herald</title>` +
          `<meta property="og:title" content="Ferry timetable cut for winter">` +
          `<meta property="og:site_name" content="Harbour Herald">` +
          `<meta property="og:image" content="https://cdn.harbourherald.example/og.jpg">` +
          `<meta property="og:description" content="Two sailings a day from November.">` +
          `<meta name="author" content="Isla Drummond">`,
      ),
    );
    expect(meta.title).toBe('Ferry timetable cut for winter');
    expect(meta.siteName).toBe('Harbour Herald');
    expect(meta.leadImage).toBe('https://cdn.harbourherald.example/og.jpg');
    expect(meta.excerpt).toBe('Two sailings a day from November.');
    expect(meta.byline).toBe('Isla Drummond');
  });

  it('reads article:published_time', () => {
    const meta = readMetadata(doc(`<meta property="article:published_time" content="2024-09-18T06:42:00+01:00">`));
    expect(meta.publishedTime).toBe('2024-09-18T06:42:00+01:00');
  });

  it('falls back to <time datetime> in the article', () => {
    const meta = readMetadata(
      doc('', `<article><h1>Ferry</h1><p>By Isla <time datetime="2024-09-18T06:42">18 Sept</time></p></article>`),
    );
    expect(meta.publishedTime).toBe('2024-09-18T06:42');
  });

  // A fixed bug: the selector list passed to querySelector read like a priority order ("article time",
  // "time[pubdate]", "time[itemprop=datePublished]", any time), but querySelector returns the first match in
  // document order, so the site header's "today" clock won over the article's datePublished.
  it('prefers the article <time itemprop="datePublished"> over a date in the site header', () => {
    const meta = readMetadata(
      doc(
        '',
        `<header class="masthead"><time datetime="2024-09-20">Friday 20 September 2024</time></header>` +
          `<main><article><h1>Ferry timetable cut</h1>` +
          `<p class="byline">By Isla Drummond, <time itemprop="datePublished" datetime="2024-09-18T06:42">18 September</time></p>` +
          `</article></main>`,
      ),
    );
    expect(meta.publishedTime).toBe('2024-09-18T06:42');
  });

  it('uses the document title when nothing else names the article', () => {
    expect(readMetadata(doc('<title>  Ferry timetable cut  </title>')).title).toBe('Ferry timetable cut');
  });

  it('returns nulls and no hints for a bare page', () => {
    const meta = readMetadata(doc('', '<p>x</p>', ''));
    expect(meta).toEqual({
      title: null,
      byline: null,
      siteName: null,
      publishedTime: null,
      leadImage: null,
      excerpt: null,
      langHints: [],
    });
  });

  it('collects language hints from og:locale, Content-Language and inLanguage', () => {
    const meta = readMetadata(
      doc(
        `<meta property="og:locale" content="ar_AR"><meta http-equiv="Content-Language" content="ar-IQ">` +
          ld({ '@type': 'NewsArticle', headline: 'h', inLanguage: 'ar' }),
      ),
    );
    expect(meta.langHints).toEqual(['ar_AR', 'ar-IQ', 'ar']);
  });

  // A fixed bug: `twitter:site` is a Twitter handle ("@HarbourHerald"), yet it was preferred over JSON-LD
  // publisher.name; the handle became the site name and the " | Harbour Herald" suffix was no longer recognised in
  // the title.
  it('prefers the JSON-LD publisher name over a twitter:site handle', () => {
    const meta = readMetadata(
      doc(
        `<title>Ferry timetable cut | Harbour Herald</title><meta name="twitter:site" content="@HarbourHerald">` +
          ld({
            '@type': 'NewsArticle',
            headline: 'Ferry timetable cut | Harbour Herald',
            publisher: { '@type': 'Organization', name: 'Harbour Herald' },
          }),
      ),
    );
    expect(meta.siteName).toBe('Harbour Herald');
    expect(meta.title).toBe('Ferry timetable cut');
  });
});

describe('readMetadata: title cleaning', () => {
  it('strips " | Site" when the site name is known', () => {
    const meta = readMetadata(
      doc(`<title>Ferry timetable cut | Harbour Herald</title><meta property="og:site_name" content="Harbour Herald">`),
    );
    expect(meta.title).toBe('Ferry timetable cut');
  });

  it('strips the Arabic site name suffix', () => {
    const meta = readMetadata(
      doc(
        `<title>وقف إطلاق النار في إدلب يدخل يومه الثالث - السومرية</title><meta property="og:site_name" content="السومرية">`,
        '<p>نص</p>',
        'lang="ar" dir="rtl"',
      ),
    );
    expect(meta.title).toBe('وقف إطلاق النار في إدلب يدخل يومه الثالث');
  });
});

describe('cleanTitle', () => {
  it.each([
    ['Ferry timetable cut | Harbour Herald', 'Harbour Herald', 'Ferry timetable cut'],
    ['Harbour Herald - Ferry timetable cut', 'Harbour Herald', 'Ferry timetable cut'],
    ['Ferry timetable cut — harbour herald', 'Harbour Herald', 'Ferry timetable cut'],
    ['Brexit: what happens next | Harbour Herald', 'Harbour Herald', 'Brexit: what happens next'],
    ['وقف إطلاق النار في إدلب - السومرية', 'السومرية', 'وقف إطلاق النار في إدلب'],
    ['السومرية - وقف إطلاق النار في إدلب', 'السومرية', 'وقف إطلاق النار في إدلب'],
  ])('%s (site %s) → %s', (title, site, expected) => {
    expect(cleanTitle(title, site)).toBe(expected);
  });

  it('keeps separators that are part of the headline', () => {
    expect(cleanTitle('Brexit: what happens next', 'Harbour Herald')).toBe('Brexit: what happens next');
    expect(cleanTitle('Tram vs bus - which is greener?', 'Harbour Herald')).toBe('Tram vs bus - which is greener?');
  });

  it('keeps the title as is when the site name is unknown', () => {
    expect(cleanTitle('Ferry timetable cut | Harbour Herald', null)).toBe('Ferry timetable cut | Harbour Herald');
  });

  it('does not split on a hyphen inside a word', () => {
    expect(cleanTitle('Anglo-French ferry deal signed - Harbour Herald', 'Harbour Herald')).toBe(
      'Anglo-French ferry deal signed',
    );
    expect(cleanTitle('Anglo-French ferry deal signed', 'French ferry deal signed')).toBe(
      'Anglo-French ferry deal signed',
    );
  });
});

describe('normalizeDate', () => {
  it('keeps ISO dates with the page offset', () => {
    expect(normalizeDate('2024-09-18')).toBe('2024-09-18');
    expect(normalizeDate(' 2024-09-18T06:42 ')).toBe('2024-09-18T06:42');
    expect(normalizeDate('2024-09-18 06:42:10')).toBe('2024-09-18T06:42:10');
    expect(normalizeDate('2024-09-18T06:42:10.123+03:00')).toBe('2024-09-18T06:42:10.123+03:00');
  });

  it('converts other parseable dates to ISO', () => {
    expect(normalizeDate('Wed, 18 Sep 2024 06:42:00 GMT')).toBe('2024-09-18T06:42:00.000Z');
  });

  it('rejects empty and unparseable values', () => {
    expect(normalizeDate(null)).toBeNull();
    expect(normalizeDate('')).toBeNull();
    expect(normalizeDate('yesterday afternoon')).toBeNull();
  });
});

describe('readMetadata: a date printed under the headline', () => {
  const title = '<title>Harbour bridge reopens</title>';
  it('reads "2020-03-05 | 12:24" right under a <div> headline on a page with no date metadata', () => {
    const meta = readMetadata(
      doc(title, '<div>Harbour bridge reopens</div><div>2020-03-05 | 12:24</div><div>The bridge reopened today.</div>'),
    );
    expect(meta.publishedTime).toBe('2020-03-05T12:24');
  });
  it("does not take the top bar's date above the headline", () => {
    const meta = readMetadata(
      doc(title, '<div>2024-12-07</div><div>Harbour bridge reopens</div><p>The bridge reopened.</p>'),
    );
    expect(meta.publishedTime).toBeNull();
  });
});

// @vitest-environment jsdom
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fixtureSlugs, FIXTURES_DIR } from '../../test/fixture-io';
import { bylineNames, isCounterLine, isMetaLine, outerLines, removeEdgeLines } from './edge-lines';

const NONE = { byline: null, siteName: null };
const PROSE = [
  'The council voted on Tuesday to keep the ferry running through the winter, after a petition signed by more than four thousand islanders.',
  'Operators had warned that the late sailing lost money every month from November to March, but residents said it was their only way home.',
  'A review of the timetable will be published in the spring, the council said, and fares for residents are frozen until then.',
];

function root(html: string): Element {
  return new JSDOM(`<body><div id="r">${html}</div></body>`).window.document.getElementById('r')!;
}
const paragraphs = (extra = '') => PROSE.map((p) => `<p>${p}</p>`).join('') + extra;
const lines = (el: Element) =>
  Array.from(el.querySelectorAll('p, div, span, li, h2, h3'), (e) => e.textContent!.trim());

describe('isMetaLine', () => {
  it.each([
    ['Updated 10:41 PM EDT, May 29, 2024'],
    ['Posted on March 3, 2024 · 6 min read'],
    ['نشر في: ٢١ أكتوبر ,٢٠٢٤: ٠١:٤٠ م GST'],
    ['الثلاثاء 12 تشرين الثاني 2024 | 14:30'],
    ['كد خبر ۸۷۶۵۴۳ ۱۲ آبان ۱۴۰۳ - ۰۹:۴۵ زمان مطالعه: ۴ دقیقه'],
    ['פורסם: 30.08.24, 14:22'],
    ['יום שישי, 30 באוגוסט 2024'],
    ['نشر في 17 مارس 2024 10 دقائق قراءة 12,408 مشاهدة'],
    ['By Ellen Marsh'],
  ])('takes %s for a meta line', (line) => {
    expect(isMetaLine(line, NONE)).toBe(true);
  });

  it('takes the byline with its date when the byline is known', () => {
    expect(isMetaLine('רוני שגיא פורסם: 30.08.24, 14:22', { byline: 'רוני שגיא', siteName: null })).toBe(true);
    expect(isMetaLine('العربية.نت - سارة الغامدي', { byline: 'سارة الغامدي', siteName: 'العربية.نت' })).toBe(true);
  });

  it.each([
    ['In 2019 the line carried 4,000 people a day, twice the 2010 figure.'],
    ['Chapter 3'],
    ['Published'],
    ['The council met on 3 March 2024 to vote on the ferry budget for next winter.'],
    ['و في 12 تشرين الثاني 2024 افتتح المعرض الجديد في وسط المدينة القديمة'],
    // A number and a small word ("at", "pm") make no dateline; a full stop after two words of prose makes a sentence.
    ['Polls open at 7am'],
    ['Voting closes at 8pm.'],
    ['Voting closes at 8:00 pm.'],
  ])('leaves %s alone (a sentence, or no date, number or byline)', (line) => {
    expect(isMetaLine(line, NONE)).toBe(false);
  });
});

describe('isCounterLine', () => {
  it('takes lines made only of counts', () => {
    for (const line of ['142 Likes · 9 Restacks', '12,408 مشاهدة', '4.86 from 29 votes', '58 reactions', '۱۲۳ بازدید'])
      expect(isCounterLine(line), line).toBe(true);
  });
  it('leaves sentences with numbers alone', () => {
    expect(isCounterLine('Turnout was 58 percent, up from 51')).toBe(false);
    expect(isCounterLine('58 people died')).toBe(false);
  });
});

describe('bylineNames', () => {
  it('strips the prefix and splits co-authors', () => {
    expect(bylineNames('by Camila Vergara and Tom Ashby')).toEqual([
      'Camila Vergara and Tom Ashby',
      'Camila Vergara',
      'Tom Ashby',
    ]);
    expect(bylineNames('بقلم ريتا عيسى')).toEqual(['ريتا عيسى']);
  });
});

describe('removeEdgeLines', () => {
  it('removes the dateline, byline and reading time above the first paragraph, not a standfirst', () => {
    const r = root(
      `<h2>Islanders win their fight for the late ferry, and the council promises a review of fares in the spring.</h2>` +
        `<div><span>By Ellen Marsh</span></div><div><time>March 3, 2024</time> · <span>6 min read</span></div>${paragraphs()}`,
    );
    const counts = removeEdgeLines(r, NONE);
    expect(counts['datelines']).toBe(2);
    expect(lines(r)[0]).toMatch(/^Islanders win/);
    expect(r.textContent).not.toMatch(/Ellen Marsh|min read/);
    expect(r.querySelectorAll('p')).toHaveLength(3);
  });

  it('looks past a standfirst paragraph to the byline strip under it, avatar included', () => {
    const r = root(
      `<p>${PROSE[2]}</p><div><img src="/a.png" width="40" height="40"><a href="/w">עדי ברק</a><time>16.07.2024 | 08:05</time></div>${paragraphs()}`,
    );
    expect(removeEdgeLines(r, NONE)['datelines']).toBe(1);
    expect(r.querySelector('img')).toBeNull();
    expect(r.querySelectorAll('p')).toHaveLength(4);
  });

  it('removes ad labels and gallery positions anywhere, as label-only lines', () => {
    const r = root(`<p>${PROSE[0]}</p><div>إعلان</div><p>${PROSE[1]}</p><div>3 of 8</div><p>${PROSE[2]}</p>`);
    expect(removeEdgeLines(r, NONE)['counters']).toBe(2);
    expect(r.textContent).not.toMatch(/إعلان|3 of 8/);
  });

  it('reports the name on a byline line it removes', () => {
    const names: string[] = [];
    const r = root(`<div><span>اسم الكاتب،</span>نور الهدى القاضي</div>${paragraphs()}`);
    removeEdgeLines(r, { byline: 'BBC News عربي', siteName: 'BBC News عربي', onByline: (n) => names.push(n) });
    expect(names).toEqual(['نور الهدى القاضي']);
    expect(r.textContent).not.toContain('اسم الكاتب');
  });

  it('does not touch date lines below the first paragraph', () => {
    const r = root(`${paragraphs('<p>March 3, 2024</p>')}${'<p>' + PROSE[0] + '</p>'}`);
    expect(removeEdgeLines(r, NONE)['datelines']).toBe(0);
    expect(r.textContent).toContain('March 3, 2024');
  });

  it('removes the signature, bio, appeal and the label that introduced it at the end', () => {
    const r = root(
      paragraphs(
        '<p>___</p><p>JESSE MORALES</p><p>Morales covers the environment and rural affairs from Sacramento.</p>' +
          '<h3>Before you move on…</h3><p>… we have a small favour to ask. Readers rely on our independent journalism every day.</p>' +
          '<p>Please consider supporting our work with a small monthly donation.</p>',
      ),
    );
    const counts = removeEdgeLines(r, { byline: 'Jesse Morales', siteName: null });
    expect(counts['tail']).toBe(6);
    expect(lines(r)).toEqual(PROSE);
  });

  it('stops at the last real paragraph, and keeps a closing paragraph that merely mentions a subscription', () => {
    const closing =
      'Residents who want to follow the review can subscribe to the council minutes, which are published every month.';
    const r = root(paragraphs(`<p>${closing}</p><p>Tags: ferries, islands</p>`));
    expect(removeEdgeLines(r, NONE)['tail']).toBe(1);
    expect(lines(r).at(-1)).toBe(closing);
  });

  it('removes counter lines anywhere, and honours skip', () => {
    // Below the head (two paragraphs of prose), where only the counter rule applies.
    const r = root(`${paragraphs()}<div>142 Likes · 9 Restacks</div><p>${PROSE[1]}</p>`);
    expect(removeEdgeLines(r, NONE, new Set(['counters']))['counters']).toBe(0);
    expect(removeEdgeLines(r, NONE)['counters']).toBe(1);
    expect(r.textContent).not.toContain('Likes');
  });
});

describe("removeEdgeLines: the story's closing lines stay", () => {
  it.each([
    ['Voting closes at 8pm.'],
    ['Topics such as housing and the ferry timetable will be on the agenda when the council meets again.'],
    ['NOT IN MY BACKYARD'],
    ['Ellen said she would be back on the island next summer, whatever the council decides.'],
    ['وقال أحد المحتجين للصحفيين: «تابعوا ما يحدث في الشارع، فالناس لن يصمتوا بعد اليوم».'],
  ])('keeps %s as the last line', (closing) => {
    const r = root(paragraphs(`<p>${closing}</p>`));
    expect(removeEdgeLines(r, { byline: 'Ellen Marsh', siteName: null })['tail']).toBe(0);
    expect(lines(r).at(-1)).toBe(closing);
  });
});

describe('removeEdgeLines: a heading left at the end', () => {
  it('goes, with the heading before it, once what they introduced is gone', () => {
    const r = root(`${paragraphs()}<div><h2>See also</h2></div><h2>References</h2>`);
    expect(removeEdgeLines(r, NONE).tail).toBe(2);
    expect(lines(r)).toEqual(PROSE);
  });

  it('stays when a paragraph follows it', () => {
    const r = root(`${paragraphs()}<h2>Aftermath</h2><p>${PROSE[0]}</p>`);
    removeEdgeLines(r, NONE);
    expect(lines(r)).toContain('Aftermath');
  });

  it('stays, all of the run, when the article ends in more headings than a page has section ends', () => {
    // A brand list written as <h3>s (real page: WCXB dev 4113 lost 62% of its words to the tail).
    const brands = ['Carve Designs', 'organic cotton', 'Eileen Fisher', 'organic linen', 'Xero Shoes', 'barefoot'];
    const r = root(`${paragraphs()}${brands.map((b) => `<h3>${b}</h3>`).join('')}`);
    expect(removeEdgeLines(r, NONE).tail).toBe(0);
    expect(lines(r)).toEqual([...PROSE, ...brands]);
  });

  it('stays, with the meta lines under the headings, when the run is a list of lessons (WCXB dev 2157)', () => {
    const lessons = [
      'Get to know your smartphone',
      '6 min',
      'Using your smartphone',
      '6 min',
      'Choosing a plan',
      '5 min',
    ];
    const html = lessons.map((l, i) => (i % 2 ? `<p>${l}</p>` : `<h3>${l}</h3>`)).join('');
    const r = root(`${paragraphs()}<h2>Activities</h2>${html}`);
    removeEdgeLines(r, NONE);
    expect(lines(r)).toEqual([...PROSE, 'Activities', ...lessons.slice(0, -1)]);
  });
});

describe('removeEdgeLines: the byline card above the body', () => {
  it('drops a strip of fields (a bio and a date in their own elements) and the avatar beside it', () => {
    const el = root(
      '<div><p><img src="a.jpg" width="64" height="64" alt="سامر الخطيب"></p>' +
        '<p><span>كاتب وصحفي متخصص في شؤون التقنية</span> <span>12 مايو 2024</span></p></div>' +
        paragraphs(),
    );
    removeEdgeLines(el, NONE);
    expect(el.querySelector('img')).toBeNull();
    expect(el.textContent).not.toContain('شؤون التقنية');
    expect(el.querySelectorAll('p')).toHaveLength(3);
  });

  it('keeps a short line of prose with inline elements and words between them, and a picture after the prose', () => {
    const el = root(
      '<p><em>Islanders</em> finally voted against the plan on <strong>12 May 2024</strong></p>' +
        paragraphs('<p><img src="map.png" width="80" height="80" alt="map"></p>'),
    );
    removeEdgeLines(el, NONE);
    expect(el.textContent).toContain('Islanders finally voted against the plan on 12 May 2024');
    expect(el.querySelector('img')).not.toBeNull();
  });
});

describe('outerLines', () => {
  // The definition, as selectors (what the one-walk version replaced): an element of LINE's tags below root with no
  // inner block, only small images for media, not inside a figure, table or listing, whose parent is not a line.
  const LINE = 'p, div, span, li, h2, h3, h4, h5, h6, time, small, address, header, footer, section, ul, ol, dl, dd';
  const INNER = 'p, div, li, ul, ol, h2, h3, h4, h5, h6, section, header, footer, figure, table, pre, blockquote';
  const small = (m: Element) =>
    m.tagName === 'IMG' &&
    +m.getAttribute('width')! > 0 &&
    +m.getAttribute('width')! <= 100 &&
    +m.getAttribute('height')! > 0 &&
    +m.getAttribute('height')! <= 100;
  function byDefinition(root: Element): Element[] {
    const all = Array.from(root.querySelectorAll(LINE)).filter(
      (el) =>
        !el.querySelector(INNER) &&
        Array.from(el.querySelectorAll('img, picture, video, svg, table, pre, math, figure, iframe')).every(small) &&
        !el.closest('figure, figcaption, table, pre'),
    );
    const set = new Set(all);
    return all.filter((el) => !(el.parentElement && set.has(el.parentElement)));
  }

  it('finds the lines the selector definition finds, on every fixture page and inside its tables and figures', () => {
    let compared = 0;
    for (const slug of fixtureSlugs()) {
      const doc = new JSDOM(readFileSync(join(FIXTURES_DIR, slug, 'source.html'), 'utf8')).window.document;
      for (const root of [
        doc.body,
        ...Array.from(doc.querySelectorAll('article, main, table, figure, section, blockquote')),
      ]) {
        expect(outerLines(root), slug).toEqual(byDefinition(root));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(100);
  }, 60_000);

  it('keeps small images in a line and lets other media end it', () => {
    const r = root(
      '<div><span>By Ellen Marsh</span><img src="a.png" width="40" height="40"></div><div><span>Photo</span><img src="b.jpg"></div><figure><p>Caption</p></figure>',
    );
    expect(outerLines(r).map((el) => el.textContent)).toEqual(['By Ellen Marsh', 'Photo']);
    expect(outerLines(r)).toEqual(byDefinition(r));
  });
});

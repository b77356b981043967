// @vitest-environment jsdom
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { cleanArticle, type KnownMetadata } from './clean-article';
import { extractArticle } from './extract-article';

const PAGE = 'https://www.harbourherald.example/news/ferry-timetable-cut';
const HOSTS = ['harbourherald.example'];
const META: KnownMetadata = {
  title: 'Ferry timetable cut for winter',
  byline: 'Isla Drummond',
  siteName: 'Harbour Herald',
};

const PARAS = [
  'Winter sailings between the mainland and the north isles will drop from four a day to two from 1 November, the operator confirmed on Tuesday.',
  'Islanders had asked for the late Friday ferry to be kept for hospital patients and staff, and the operator said that crossing would stay.',
  'The council said it would press the government for funding to restore the full timetable before the summer season begins next year.',
  'A review of the timetable, covering fares and the age of the fleet, will be published in March after a second round of consultation.',
];
const body = PARAS.map((p) => `<p>${p}</p>`).join('');

/** An extracted article root (what Readability hands over), cleaned. */
function clean(html: string, meta: KnownMetadata = META) {
  const doc = new JSDOM(`<body><div id="root">${html}</div></body>`, { url: PAGE }).window.document;
  const root = doc.getElementById('root')!;
  const counts = cleanArticle(root, meta, HOSTS);
  const text = (root.textContent ?? '').replace(/\s+/g, ' ').trim();
  return { root, counts, text };
}

function expectStoryKept(text: string): void {
  for (const p of PARAS) expect(text).toContain(p);
}

describe('cleanArticle', () => {
  it('removes a share-tool label box left inside the body', () => {
    const { counts, text } = clean(`<div class="share">
        <span>Facebook</span>
        <span>Twitter</span>
        <span>WhatsApp</span>
        <span>Copy link</span>
      </div>${body}<div class="font-tools"><span>A+</span>  <span>A-</span>  <span>Print</span></div>`);
    expect(counts['tools']).toBe(2);
    for (const label of ['Facebook', 'Twitter', 'WhatsApp', 'Copy link', 'A+', 'Print'])
      expect(text).not.toContain(label);
    expectStoryKept(text);
  });

  it('keeps a paragraph that merely mentions Facebook', () => {
    const p = 'Facebook';
    const { text } = clean(`${body}<p>The operator will post timetable changes on ${p} and its website.</p>`);
    expect(text).toContain('post timetable changes on Facebook');
  });

  it('removes a "Related stories" heading and its link list', () => {
    const { counts, text } = clean(`${body}<h2>Related stories</h2><ul>
        <li><a href="${PAGE}-fares">Ferry fares frozen for islanders</a></li>
        <li><a href="/news/new-ferries">Two new ferries ordered from Turkish yard</a></li>
      </ul>`);
    expect(counts['rails']).toBe(1);
    expect(text).not.toContain('Related stories');
    expect(text).not.toContain('Ferry fares frozen');
    expect(text).not.toContain('Two new ferries');
    expectStoryKept(text);
  });

  it('keeps an article section titled "Comments from residents" followed by prose', () => {
    const quotes = [
      'Margaret Flett, who runs the shop in Whitehall village, said the cut would mean her deliveries arriving a day later for most of the winter months.',
      'Another resident, a nurse who commutes to the hospital in Kirkwall, said the late Friday sailing was the only one that let her get home after a shift.',
    ];
    const { counts, text } = clean(`${body}<h2>Comments from residents</h2><p>${quotes[0]}</p><p>${quotes[1]}</p>`);
    expect(counts['rails']).toBe(0);
    expect(counts['linkBoxes']).toBe(0);
    expect(text).toContain('Comments from residents');
    for (const q of quotes) expect(text).toContain(q);
  });

  it('removes a teaser list left in the body', () => {
    const cards = ['Puffin numbers recover', 'Council tax to rise', 'Harbour wall repairs begin']
      .map((t, i) => `<div class="card"><a href="/news/${i}"><img src="/t/${i}.jpg" alt="">${t}</a></div>`)
      .join('');
    const { counts, text, root } = clean(`${body}<div class="cards">${cards}</div>`);
    expect(counts['teasers']).toBe(1);
    expect(text).not.toContain('Puffin');
    expect(root.querySelectorAll('img')).toHaveLength(0);
    expectStoryKept(text);
  });

  it('removes the dateline "2020-03-05 | 12:24" before the first paragraph', () => {
    const { counts, text } = clean(`<p class="date">2020-03-05 | 12:24</p>${body}`);
    expect(counts['duplicates']).toBe(1);
    expect(text).not.toContain('2020-03-05');
    expect(text.startsWith(PARAS[0]!)).toBe(true);
  });

  it('removes the title, byline and site name repeated above the body', () => {
    const { counts, text } = clean(
      `<h1>Ferry timetable cut for winter</h1><div class="byline">Isla Drummond</div><span>Harbour Herald</span>${body}`,
    );
    expect(counts['duplicates']).toBe(3);
    expect(text.startsWith(PARAS[0]!)).toBe(true);
  });

  it('only looks above the first real paragraph: a later date line stays', () => {
    const { text } = clean(`${body}<p>2024-09-18</p><p>${PARAS[0]!.replace('Winter', 'Summer')}</p>`);
    expect(text).toContain('2024-09-18');
  });

  // A fixed bug: Readability always wraps its result (root > div#readability-page-1 > …). The first block the
  // duplicate pass saw was that wrapper, whose text is the whole article (≥ 80 chars), so the loop broke at once and
  // nothing was removed, unless the article held an image or table (then isMedia skipped the wrappers). Same
  // article, same dateline: removed when there was a photo, kept when there was none.
  it('removes the dateline inside the Readability page wrapper of an article without images', () => {
    const { text } = clean(
      `<div id="readability-page-1" class="page"><div><p>2020-03-05 | 12:24</p>${body}</div></div>`,
    );
    expect(text).not.toContain('2020-03-05');
  });

  it('removes a figcaption that only repeats the title, keeping the image and real captions', () => {
    const { counts, root } = clean(
      `<figure><img src="https://cdn.harbourherald.example/ferry.jpg" width="1024"><figcaption>Ferry timetable cut for winter</figcaption></figure>${body}` +
        `<figure><img src="https://cdn.harbourherald.example/quay.jpg" width="1024"><figcaption>The quay at Kirkwall in January</figcaption></figure>`,
    );
    expect(counts['duplicates']).toBe(1);
    const captions = Array.from(root.querySelectorAll('figcaption'), (c) => c.textContent);
    expect(captions).toEqual(['The quay at Kirkwall in January']);
    expect(root.querySelectorAll('figure img')).toHaveLength(2);
  });

  it('removes "See also:" and lone-headline link lines but keeps prose with an inline link', () => {
    const { counts, text } = clean(
      `<p>${PARAS[0]}</p><p>See also: <a href="/news/ferry-fares">Ferry fares frozen for islanders</a></p>` +
        `<p>${PARAS[1]}</p><p><a href="/news/new-ferries">Two new ferries ordered from Turkish yard</a></p>` +
        `<p>The operator's <a href="https://www.calmac.co.uk/winter">winter timetable</a> is published online and in ports.</p>` +
        PARAS.slice(2)
          .map((p) => `<p>${p}</p>`)
          .join(''),
    );
    expect(counts['linkBoxes']).toBe(2);
    expect(text).not.toContain('Ferry fares frozen');
    expect(text).not.toContain('Two new ferries');
    expect(text).toContain('winter timetable is published online');
    expectStoryKept(text);
  });

  it("keeps a buying guide's shop links: a run of lone links, and a list whose first item is labelled", () => {
    // Real page shapes: WCXB dev 0069 ("Plan to spend" / "Buying options" lists under each tool) and dev 0215
    // (courses as one linked paragraph each); the pass took 17% and 13% of their words.
    const { counts, text } = clean(
      `<p>${PARAS[0]}</p><ul><li><p><b>Plan to spend:</b> $15–$70</p></li><li><p><b>Buying options:</b></p><ul>` +
        `<li><p><a href="https://shop.example/a">Amazon (Craftsman)</a></p></li>` +
        `<li><p><a href="https://shop.example/b">Home Depot (Milwaukee)</a></p></li></ul></li></ul>` +
        `<p>${PARAS[1]}</p><p><a href="/course/branding">Branding 101</a></p>` +
        `<p><a href="/course/fundraising">Fundraising: Connecting with Donors</a></p>` +
        `<p><a href="/course/budget">Developing an Operating Budget</a></p>` +
        PARAS.slice(2)
          .map((p) => `<p>${p}</p>`)
          .join(''),
    );
    expect(counts['linkBoxes']).toBe(0);
    for (const line of ['Plan to spend', 'Amazon (Craftsman)', 'Home Depot', 'Branding 101', 'Operating Budget'])
      expect(text).toContain(line);
    expectStoryKept(text);
  });

  it("keeps a roundup's items, each a linked picture above a linked name", () => {
    // Real page shape: WCXB dev 4449 (a list of woodworking projects; the pass took 14% of its words).
    const items = ['Industrial Pipe Bookshelf', 'Reclaimed Wood Arrows', 'DIY Lanterns'];
    const { counts, text } = clean(
      `${body}` +
        items
          .map(
            (name, i) =>
              `<p><a href="https://maker${i}.example/p"><img src="https://maker${i}.example/p.jpg" width="700" height="900"></a></p>` +
              `<p><a href="https://maker${i}.example/p">${name}</a></p>`,
          )
          .join(''),
    );
    expect(counts['linkBoxes']).toBe(0);
    for (const name of items) expect(text).toContain(name);
  });

  it("keeps link lines that are the article's structure: a linked section heading, a line introducing a quote", () => {
    // Real page shapes: WCXB dev 4193 (each h2 linked to its own anchor, in a div Readability keeps) and dev 4349
    // ("Posted on <a>…</a>:" above the quoted post: the pass took 10% of the page's words).
    const { counts, text } = clean(
      `<p>${PARAS[0]}</p><div id="what-to-know"><h2><a href="#what-to-know">What to know before you sail</a></h2></div>` +
        `<p>${PARAS[1]}</p><p>Posted on <a href="https://forum.harbourherald.example/t/1">the Harbour Herald islanders' community forum on 2024-10-02</a>:</p>` +
        `<blockquote><p>${PARAS[2]}</p></blockquote><p>${PARAS[3]}</p>`,
    );
    expect(counts['linkBoxes']).toBe(0);
    expect(text).toContain('What to know before you sail');
    expect(text).toContain("Posted on the Harbour Herald islanders' community forum on 2024-10-02:");
    expectStoryKept(text);
  });

  it('keeps a link a sentence above announces, but not one under a short label', () => {
    // Real page shape: WCXB dev 0442 ("…you can find the project here:" over the project's address alone in a
    // paragraph; the pass took the address the truth keeps).
    const { counts, text } = clean(
      `<p>${PARAS[0]}</p><p>The operator's full winter timetable, with every sailing listed, can be found here:</p>` +
        `<p><a href="https://ferries.example/timetables/winter-2024">https://ferries.example/timetables/winter-2024</a></p>` +
        `<p>${PARAS[1]}</p><p>Read more:</p><p><a href="/news/fares-rise">Fares to rise in spring</a></p>` +
        PARAS.slice(2)
          .map((p) => `<p>${p}</p>`)
          .join(''),
    );
    expect(text).toContain('https://ferries.example/timetables/winter-2024');
    expect(text).not.toContain('Fares to rise in spring');
    expect(counts['linkBoxes']).toBeGreaterThan(0);
    expectStoryKept(text);
  });

  it("keeps a roundup's linked item headings, each above the paragraph that names it", () => {
    // Real page shape: WCXB dev 0078 (a month's acquisitions, each deal's linked headline above its paragraph; the
    // pass took all 14 headlines, 5.6% of the words). The related headline in the same body names nothing below it.
    const deals = [
      [
        'Northlink renews Kirkwall contract',
        'Ferry operator Northlink has renewed its contract for the Aberdeen to Kirkwall route for another eight years, keeping both of its ships on the crossing.',
      ],
      [
        'Pentland Ferries orders catamaran',
        'Pentland Ferries has ordered a second catamaran from a yard in Vietnam, to enter service on the Pentland Firth crossing in the spring of 2026.',
      ],
      [
        'Orkney council buys Graemsay ferry',
        'The council has bought the Graemsay ferry from its private operator for £2.1 million and will run the service from its own base in Stromness.',
      ],
    ];
    const { counts, text } = clean(
      `<p>${PARAS[0]}</p><p>These are the contracts and orders announced in October:</p>` +
        deals
          .map(([name, para], i) => `<p><a href="https://news${i}.example/story">${name}</a></p><p>${para}</p>`)
          .join('') +
        `<p><a href="/news/new-ferries">Two new ferries ordered from Turkish yard</a></p><p>${PARAS[1]}</p>`,
    );
    expect(counts['linkBoxes']).toBe(1);
    for (const [name, para] of deals) {
      expect(text).toContain(name!);
      expect(text).toContain(para!);
    }
    expect(text).not.toContain('Two new ferries');
  });

  it('removes a lone headline, a "Read more:" line and a "Source" link even above a paragraph that names them', () => {
    // One linked line above a paragraph that repeats its words is not a roundup: a related headline on the story's
    // own topic, an author's name above the bio (WCXB dev 0325, 4669). A label ("Read more:") makes a line a box
    // whatever follows it.
    const { counts, text } = clean(
      `<p>${PARAS[0]}</p><p><a href="/news/late-ferry">Islanders fight to keep the late Friday ferry</a></p>` +
        `<p>${PARAS[1]}</p><p><strong>Read more:</strong> <a href="/news/council-funding">Council presses for ferry funding</a></p>` +
        `<p>${PARAS[2]}</p><p><a href="https://www.calmac.co.uk/">Source</a></p><p>${PARAS[3]}</p>` +
        `<div><p><a href="/author/isla-drummond">Isla Drummond</a></p>` +
        `<p>Isla Drummond covers transport and the islands for the Harbour Herald.</p></div>`,
    );
    expect(counts['linkBoxes']! + counts['rails']!).toBe(4); // the labelled line may go as a rail first
    for (const line of ['Islanders fight', 'Read more', 'Council presses', 'Source']) expect(text).not.toContain(line);
    expect(text.split('Isla Drummond')).toHaveLength(2); // the bio's, not the linked name above it
    expectStoryKept(text);
  });

  it('removes a "Read more:" line (labelled like a rail)', () => {
    const { text } = clean(
      `<p>${PARAS[0]}</p><p><strong>Read more:</strong> <a href="/news/ferry-fares">Ferry fares frozen for islanders</a></p>` +
        PARAS.slice(1)
          .map((p) => `<p>${p}</p>`)
          .join(''),
    );
    expect(text).not.toContain('Read more');
    expect(text).not.toContain('Ferry fares frozen');
    expectStoryKept(text);
  });

  it('removes a copyright line at the end', () => {
    const { counts, text } = clean(`${body}<p>Copyright © 2024 Harbour Herald. All rights reserved.</p>`);
    expect(counts['boilerplate']).toBe(1);
    expect(text).not.toContain('Copyright');
    expectStoryKept(text);
  });

  it('removes trailing follow-us and Arabic rights lines, but not a credit in the middle', () => {
    const { counts, text } = clean(
      `<p>${PARAS[0]}</p><p>© Orkney Photographic</p>${PARAS.slice(1)
        .map((p) => `<p>${p}</p>`)
        .join('')}<p>Follow us on Facebook and Instagram</p><p>جميع الحقوق محفوظة</p>`,
    );
    expect(counts['boilerplate']).toBe(2);
    expect(text).toContain('© Orkney Photographic');
    expect(text).not.toContain('Follow us');
    expect(text).not.toContain('جميع الحقوق');
  });

  it('removes containers left empty, keeping image-only figures and line breaks', () => {
    const { root } = clean(
      `<div class="ad"><div></div></div><figure><img src="https://cdn.harbourherald.example/x.jpg" width="800"></figure>${body}<p><br></p>`,
    );
    expect(root.querySelector('.ad')).toBeNull();
    expect(root.querySelector('figure img')).not.toBeNull();
    expect(root.querySelector('p > br')).not.toBeNull();
  });

  it('leaves a space where an emptied container held one: the words around it stay apart (WCXB dev 0344)', () => {
    const { root, text } = clean(
      `${body}<p>Only Apple makes<span>&nbsp;</span><a href="https://support.apple.example/iphone">iPhones</a>. <strong>Touchscreen</strong><span> </span>– no keypad.</p>`,
    );
    expect(root.querySelector('span')).toBeNull();
    expect(text).toContain('Only Apple makes iPhones. Touchscreen – no keypad.');
    expectStoryKept(text);
  });

  it('returns zero counts for an already clean article', () => {
    const { counts, root } = clean(body);
    expect(Object.values(counts).every((n) => n === 0)).toBe(true);
    expect(Array.from(root.querySelectorAll('p'), (p) => p.textContent)).toEqual(PARAS);
  });
});

describe('cleanArticle inside extractArticle (Readability-shaped root)', () => {
  const page = (media: string) =>
    `<!doctype html><html lang="en"><head><title>Ferry timetable cut for winter | Harbour Herald</title>` +
    `<meta property="og:site_name" content="Harbour Herald"></head><body><article><h1>Ferry timetable cut for winter</h1>` +
    `<div class="story-body"><p class="date">2020-03-05 | 12:24</p>${media}${body}</div></article></body></html>`;
  const textOf = (html: string) => {
    const result = extractArticle(new JSDOM(html, { url: PAGE }).window.document, { url: PAGE });
    if (!result.ok) throw new Error(result.message);
    return result.article.textContent;
  };

  it('removes the dateline of an article with a photo', () => {
    const text = textOf(
      page('<figure><img src="/m/ferry.jpg" width="1024" height="576"><figcaption>The ferry</figcaption></figure>'),
    );
    expect(text).not.toContain('2020-03-05');
    expect(text).toContain(PARAS[0]);
  });

  // The fixed bug above, end to end: the same page without its photo kept the dateline.
  it('removes the dateline of an article without images', () => {
    const text = textOf(page(''));
    expect(text).not.toContain('2020-03-05');
  });
});

// @vitest-environment jsdom
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { linkDensity, removeClutter, removeLabelledRails, removeTeaserLists } from './remove-clutter';
import { measureTextWeight } from './text-weight';

const PAGE = 'https://www.harbourherald.example/news/ferry-timetable-cut';
const HOSTS = ['harbourherald.example'];

const PARAS = [
  'Winter sailings between the mainland and the north isles will drop from four a day to two from 1 November, the operator confirmed on Tuesday.',
  'Islanders had asked for the late Friday ferry to be kept for hospital patients and staff, and the operator said that crossing would stay.',
  'The council said it would press the government for funding to restore the full timetable before the summer season begins next year.',
  'A review of the timetable, covering fares and the age of the fleet, will be published in March after a second round of consultation.',
];
const body = (n = 4) =>
  PARAS.slice(0, n)
    .map((p) => `<p>${p}</p>`)
    .join('');

function page(html: string): Document {
  return new JSDOM(`<!doctype html><html lang="en"><head><title>Ferry</title></head><body>${html}</body></html>`, {
    url: PAGE,
  }).window.document;
}

/** Runs the pass and returns the page text, collapsed. */
function run(html: string) {
  const doc = page(html);
  const counts = removeClutter(doc, HOSTS);
  const text = (doc.body.textContent ?? '').replace(/\s+/g, ' ');
  return { doc, counts, text };
}

describe('removeClutter', () => {
  it('removes a share bar of facebook/twitter/whatsapp share links, keeping the story', () => {
    const { counts, text, doc } = run(`<main><article><h1>Ferry timetable cut</h1>
      <div class="article-tools"><ul>
        <li><a href="https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(PAGE)}">Facebook</a></li>
        <li><a href="https://twitter.com/intent/tweet?url=${encodeURIComponent(PAGE)}">Twitter</a></li>
        <li><a href="https://wa.me/?text=${encodeURIComponent(PAGE)}">WhatsApp</a></li>
      </ul></div>
      <div class="story-body">${body()}</div></article></main>`);
    expect(counts['share']).toBeGreaterThanOrEqual(1);
    expect(doc.querySelector('a[href*="sharer"], a[href*="intent/tweet"], a[href*="wa.me"]')).toBeNull();
    expect(text).not.toContain('WhatsApp');
    for (const p of PARAS) expect(text).toContain(p);
    expect(doc.querySelector('h1')?.textContent).toBe('Ferry timetable cut');
  });

  it('removes navigation, hidden blocks, screen-reader labels and buttons', () => {
    const { counts, text } = run(`<nav><a href="/">Home</a><a href="/news">News</a></nav>
      <main><article><h1>Ferry timetable cut</h1>
      <div hidden>Subscribe to read more</div><div aria-hidden="true">Advertisement placeholder</div>
      <figure><img src="/a.jpg" width="800"><figcaption><span class="visually-hidden">Image caption, </span>The north isles ferry</figcaption></figure>
      <button>Listen to this article</button>
      <div class="story-body">${body()}</div></article></main>`);
    expect(counts['never']).toBeGreaterThanOrEqual(5);
    for (const gone of [
      'Home',
      'Subscribe to read more',
      'Advertisement placeholder',
      'Image caption',
      'Listen to this',
    ])
      expect(text).not.toContain(gone);
    expect(text).toContain('The north isles ferry');
    expect(text).toContain(PARAS[0]);
  });

  it('removes the page header, footer and asides outside the article, not those inside it', () => {
    const { text, counts } = run(`<header class="site-header"><a href="/">Harbour Herald</a></header>
      <aside class="rail"><p>Weather: Kirkwall 11°C, showers</p></aside>
      <main><article>
        <header><h1>Ferry timetable cut</h1><p class="standfirst">Two sailings a day from November</p></header>
        <div class="story-body">${body()}</div>
        <aside class="factbox"><p>The north isles route carried 180,000 passengers last year.</p></aside>
      </article></main>
      <footer><p>Harbour Herald, 12 Quay Street</p></footer>`);
    expect(counts['outsideArticle']).toBe(3);
    expect(text).not.toContain('Weather: Kirkwall');
    expect(text).not.toContain('12 Quay Street');
    expect(text).toContain('Two sailings a day from November');
    expect(text).toContain('180,000 passengers');
  });

  it('removes blocks whose class names say newsletter, cookie, comments', () => {
    const { text, counts } = run(`<main><article><h1>Ferry timetable cut</h1>
      <div class="story-body">${body()}</div>
      <div class="newsletter-signup"><h3>Morning briefing</h3><p>Delivered to your inbox before 7am.</p></div>
      <div id="comments"><p>I'll believe it when I see it. – Sandy, Stromness</p></div>
      </article></main><div class="cookie-banner"><p>We use cookies to give you the best experience.</p></div>`);
    expect(counts['classes']).toBe(3);
    expect(text).not.toContain('Delivered to your inbox');
    expect(text).not.toContain("I'll believe it");
    expect(text).not.toContain('We use cookies');
    expect(text).toContain(PARAS[3]);
  });

  it('never removes the protected main text, even when its container has a class like "social-wrapper"', () => {
    // The h1 sits outside the wrapper, so only the prose protection (not the h1 guard) can keep it.
    const { text, counts } = run(`<main><h1>Ferry timetable cut</h1><div class="social-wrapper">
      <div class="story-body share-enabled">${body()}</div></div>
      <div class="social-links"><a href="/follow">Follow us</a></div></main>`);
    for (const p of PARAS) expect(text).toContain(p);
    // The small social box next to it still goes: the protection is about the prose, not the class name.
    expect(text).not.toContain('Follow us');
    expect(counts['classes']).toBe(1);
  });

  it('never removes a block holding the h1', () => {
    const { doc } = run(
      `<div class="promo-hero"><h1>Ferry timetable cut</h1></div><div class="story-body">${body()}</div>`,
    );
    expect(doc.querySelector('h1')?.textContent).toBe('Ferry timetable cut');
  });

  it('removes a "Related stories" heading together with its link list', () => {
    const { text, counts } = run(`<main><article><h1>Ferry timetable cut</h1>
      <div class="story-body">${body()}</div>
      <div class="box"><h2>Related stories</h2><ul>
        <li><a href="/news/ferry-fares">Ferry fares frozen for islanders</a></li>
        <li><a href="/news/new-ferries">Two new ferries ordered</a></li>
      </ul></div></article></main>`);
    expect(counts['rails']).toBe(1);
    expect(text).not.toContain('Related stories');
    expect(text).not.toContain('Ferry fares frozen');
    expect(text).toContain(PARAS[2]);
  });

  it('keeps an article section titled "Comments from residents" followed by prose', () => {
    const quotes = [
      'Margaret Flett, who runs the shop in Whitehall village, said the cut would mean her deliveries arriving a day later for most of the winter months.',
      'Another resident, a nurse who commutes to the hospital in Kirkwall, said the late Friday sailing was the only one that let her get home after a shift.',
    ];
    const { text, counts } = run(`<main><article><h1>Ferry timetable cut</h1>
      <div class="story-body">${body()}
        <section><h2>Comments from residents</h2><p>${quotes[0]}</p><p>${quotes[1]}</p></section>
      </div></article></main>`);
    expect(counts['rails']).toBe(0);
    expect(text).toContain('Comments from residents');
    for (const q of quotes) expect(text).toContain(q);
  });

  it('removes a "most viewed" rail of teasers without a recognisable heading', () => {
    const items = ['Puffin numbers recover', 'Council tax to rise', 'Harbour wall repairs begin', 'School wins award']
      .map((t, i) => `<li class="item"><a href="/news/${i}">${t}</a><span>${i + 1} hours ago</span></li>`)
      .join('');
    const { text, counts } = run(
      `<main><article><h1>Ferry timetable cut</h1><div class="story-body">${body()}</div></article>` +
        `<div class="rail-box"><ol>${items}</ol></div></main>`,
    );
    expect(counts['teasers']).toBe(1);
    expect(text).not.toContain('Puffin numbers recover');
    expect(text).toContain(PARAS[1]);
  });
});

describe('removeShareBoxes', () => {
  it('takes a "Pin it" link on a picture, not the list in the column beside it', () => {
    const topics = ['Reading a tide table', 'Tying the six knots', 'Plotting a course', 'Radio calls'];
    const { text, counts } = run(
      `<article><h1>Sailing courses</h1>${body()}<div class="cols"><div class="col"><p><strong>What you learn:</strong></p>` +
        `<ul>${topics.map((t) => `<li>${t}</li>`).join('')}</ul></div><div class="col"><div class="block-image">` +
        `<a href="https://pinterest.com/pin/create/button/?url=x"><img src="/pin.png"></a><img src="/course.png"></div></div></div></article>`,
    );
    expect(counts['share']).toBe(1);
    for (const t of topics) expect(text).toContain(t);
  });
});

describe('removeLabelledRails / removeTeaserLists', () => {
  it('keep a list of cards that is most of its page: a course index is the page, not a rail', () => {
    const courses = ['Tides', 'Knots', 'Charts', 'Engines', 'Weather', 'Radio'];
    const cards = courses
      .map(
        (c) =>
          `<li class="card"><a href="/learn/${c.toLowerCase()}"><img src="/i/${c}.svg"><h3>Learn ${c}</h3>` +
          `<p>A course on ${c.toLowerCase()} for new crew, from the first lesson to the harbour exam.</p></a></li>`,
      )
      .join('');
    const { text, counts } = run(`<main><h1>Learn seamanship</h1><p>${PARAS[0]}</p><ul>${cards}</ul></main>`);
    expect(counts['teasers']).toBe(0);
    for (const c of courses) expect(text).toContain(`Learn ${c}`);
  });

  it("keep a list of the site's pages that a sentence introduces; take the same list under a rail's label", () => {
    // Real page shape: WCXB dev 0057, "Other local movers" (its list of other movers' pages, 15% of its words).
    const movers = ['Harbour Removals', 'Quayside Vans', 'Pier Movers', 'Island Storage', 'Ferry Freight'];
    const list = `<ul>${movers.map((m, i) => `<li><a href="/movers/${i}">${m}</a></li>`).join('')}</ul>`;
    const intro = 'While these movers did not make our top list, they are still worth looking into:';
    const kept = run(`<article>${body()}<h3>Other local movers</h3><p>${intro}</p>${list}</article>`);
    expect(kept.counts['teasers']).toBe(0);
    for (const m of movers) expect(kept.text).toContain(m);
    const taken = run(`<article>${body()}<p>More from the harbour:</p>${list}</article>`);
    expect(taken.counts['teasers']).toBe(1);
    expect(taken.text).not.toContain('Quayside Vans');
  });

  it('take the rail that follows an Arabic heading', () => {
    const doc = page(`<div id="root"><div class="body">${body()}</div><h3>اقرأ أيضا</h3>
      <div><a href="/a">خبر أول عن الطقس</a> <a href="/b">خبر ثان عن الميناء</a></div><p>${PARAS[3]}</p></div>`);
    const root = doc.getElementById('root')!;
    expect(removeLabelledRails(root, measureTextWeight(root))).toBe(1);
    expect(root.textContent).not.toContain('اقرأ أيضا');
    expect(root.textContent).not.toContain('خبر أول');
    expect(root.textContent).toContain(PARAS[3]);
  });

  it('does not remove the root itself, nor a list of plain sentences', () => {
    const doc = page(
      `<ul id="root"><li><a href="/a">One</a> 10:00</li><li><a href="/b">Two</a> 11:00</li><li><a href="/c">Three</a> 12:00</li></ul>` +
        `<ul id="facts"><li>Four sailings a day until October.</li><li>Two a day from November.</li><li>Fares frozen.</li></ul>`,
    );
    const root = doc.getElementById('root')!;
    expect(removeTeaserLists(root, HOSTS, measureTextWeight(root))).toBe(0);
    expect(root.isConnected).toBe(true);
    const facts = doc.body;
    expect(removeTeaserLists(facts, HOSTS, measureTextWeight(facts))).toBe(1);
    expect(doc.getElementById('facts')).not.toBeNull();
    expect(doc.getElementById('root')).toBeNull();
  });
});

describe('linkDensity', () => {
  it('is the share of text inside links', () => {
    const doc = page(`<p id="a">Read <a href="/x">the full report</a> here</p><p id="b"></p>`);
    expect(linkDensity(doc.getElementById('a')!)).toBeCloseTo(
      'the full report'.length / 'Read the full report here'.length,
    );
    expect(linkDensity(doc.getElementById('b')!)).toBe(0);
  });
});

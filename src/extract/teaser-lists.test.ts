// @vitest-environment jsdom
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { isMostlyTeasers, isTeaserList, siteHosts } from './teaser-lists';

const PAGE = 'https://www.harbourherald.example/news/ferry-timetable-cut';
const HOSTS = ['harbourherald.example'];

function el(html: string): Element {
  const doc = new JSDOM(`<body>${html}</body>`, { url: PAGE }).window.document;
  return doc.body.firstElementChild!;
}

const mostViewed = (n: number) =>
  `<ol class="most-read">${[
    ['Ferry timetable cut for winter', '/news/ferry-timetable-cut', '2 hours ago'],
    ['Puffin numbers recover on cliffs', '/news/puffins', '14:05'],
    ['Council tax to rise 5%', 'https://www.harbourherald.example/news/council-tax', '3 hours ago'],
    ['Harbour wall repairs begin', '/news/harbour-wall', '09:30'],
    ['Island school wins award', '/news/school-award', '1 day ago'],
  ]
    .slice(0, n)
    .map(
      ([title, href, time]) =>
        `<li class="most-read__item"><a href="${href}">${title}</a> <span class="time">${time}</span></li>`,
    )
    .join('')}</ol>`;

describe('isTeaserList', () => {
  it('recognises a "most viewed" list of same-site links with timestamps', () => {
    expect(isTeaserList(el(mostViewed(5)), HOSTS)).toBe(true);
  });

  it('recognises an episode card grid with thumbnails and "Play"', () => {
    const cards = [1, 2, 3, 4]
      .map(
        (n) =>
          `<div class="card episode-card"><a href="https://www.harbourherald.example/podcasts/climate-hour/ep-${n}">` +
          `<img src="/thumbs/ep-${n}.jpg" alt=""><h3>The Climate Hour, episode ${n}</h3></a><span class="cta">Play</span></div>`,
      )
      .join('');
    expect(isTeaserList(el(`<div class="episodes-grid">${cards}</div>`), HOSTS)).toBe(true);
  });

  it('counts links to a subdomain of the site as same-site', () => {
    const list = el(
      `<ul>${[1, 2, 3]
        .map((n) => `<li><a href="https://sport.harbourherald.example/football/${n}">Match report ${n}</a></li>`)
        .join('')}</ul>`,
    );
    expect(isTeaserList(list, HOSTS)).toBe(true);
  });

  it("rejects an article's bulleted list of plain sentences", () => {
    const list = el(`<ul>
      <li>Winter sailings will drop from four a day to two from 1 November.</li>
      <li>The late ferry on Fridays will be kept for hospital patients and staff.</li>
      <li>Fares for island residents are frozen until the end of next year.</li>
      <li>A review of the timetable will be published in March.</li>
    </ul>`);
    expect(isTeaserList(list, HOSTS)).toBe(false);
  });

  it('rejects a list of external source links', () => {
    const list = el(`<ul class="sources">
      <li><a href="https://www.gov.uk/government/publications/ferry-review">Ferry services review</a> (Department for Transport)</li>
      <li><a href="https://www.transport.gov.scot/publication/islands-connectivity-plan/">Islands connectivity plan</a></li>
      <li><a href="https://www.calmac.co.uk/winter-timetable">CalMac winter timetable</a></li>
    </ul>`);
    expect(isTeaserList(list, HOSTS)).toBe(false);
  });

  it("rejects a table of contents: links to places in this page, not to the site's other pages (WCXB dev 0215)", () => {
    const names = ['Harvard', 'FutureLearn', 'Kaggle', 'University of Helsinki', 'Saylor Academy', 'Hugging Face'];
    const isTeasers = (href: (i: number) => string) =>
      isTeaserList(el(`<ul>${names.map((n, i) => `<li><a href="${href(i)}">${n}</a></li>`).join('')}</ul>`), HOSTS);
    expect(isTeasers((i) => `#user-content-provider-${i}`)).toBe(false);
    // The same outline written with the page's own address, as CMSs write it (dev 0189, 4083, 4669: 40–55 such links).
    expect(isTeasers((i) => `${PAGE}#provider-${i}`)).toBe(false);
    // The same list linking to the providers' pages on the site is a rail of teasers.
    expect(isTeasers((i) => `/providers/${i}`)).toBe(true);
  });

  it('rejects fewer than 3 items', () => {
    expect(isTeaserList(el(mostViewed(2)), HOSTS)).toBe(false);
    expect(isTeaserList(el(mostViewed(3)), HOSTS)).toBe(true);
  });

  it('rejects items holding a long paragraph', () => {
    const long =
      'Winter sailings will drop from four a day to two from November, the operator said, after a consultation in which islanders asked for the late Friday ferry to be kept.';
    const cards = [1, 2, 3]
      .map(
        (n) =>
          `<div class="card"><a href="/news/${n}"><img src="/t/${n}.jpg" alt=""></a><p>${long}</p><span>2 hours ago</span></div>`,
      )
      .join('');
    expect(long.length).toBeGreaterThan(150);
    expect(isTeaserList(el(`<div>${cards}</div>`), HOSTS)).toBe(false);
  });

  it('rejects a paragraph of running text with several same-site inline links', () => {
    const p = el(
      `<p>Islanders blame <a href="/tag/ferries">the winter timetable</a> on <a href="/tag/calmac">the operator</a>, ` +
        `whose <a href="/where/oban">Oban</a> and <a href="/where/mull">Mull</a> routes lost a sailing a day.</p>`,
    );
    expect(p.childElementCount).toBe(4);
    expect(isTeaserList(p, HOSTS)).toBe(false);
  });

  it('rejects a bare run of inline same-site links (a sentence of tags, not cards)', () => {
    const line = el(`<div><a href="/tag/a">Ferries</a><a href="/tag/b">Islands</a><a href="/tag/c">Winter</a></div>`);
    expect(isTeaserList(line, HOSTS)).toBe(false);
  });

  it('still takes links that wrap card content (image and headline) as list items', () => {
    const cards = [1, 2, 3]
      .map((n) => `<a class="card" href="/news/${n}"><img src="/t/${n}.jpg" alt=""><h3>Story ${n}</h3></a>`)
      .join('');
    expect(isTeaserList(el(`<div class="grid">${cards}</div>`), HOSTS)).toBe(true);
  });

  it('rejects a group whose children do not share a shape', () => {
    const mixed = el(
      `<div><h2>Ferries</h2><p>Intro <a href="/a">a</a></p><div class="x"><a href="/b">b</a> 10:00</div>` +
        `<section><a href="/c">c</a> 11:00</section><span><a href="/d">d</a> 12:00</span></div>`,
    );
    expect(isTeaserList(mixed, HOSTS)).toBe(false);
  });
});

describe('siteHosts', () => {
  it('collects the page host, canonical and og:url hosts without www, once each', () => {
    const doc = new JSDOM(
      `<html><head><link rel="canonical" href="https://harbourherald.example/news/ferry">` +
        `<meta property="og:url" content="https://www.herald-archive.example/ferry"></head><body></body></html>`,
      { url: PAGE },
    ).window.document;
    expect(siteHosts(doc, PAGE)).toEqual(['harbourherald.example', 'herald-archive.example']);
  });

  it('resolves a relative canonical against the page and skips values that are not URLs', () => {
    const doc = new JSDOM(
      `<html><head><link rel="canonical" href="/news/ferry"><meta property="og:url" content="http://[bad"></head></html>`,
      { url: PAGE },
    ).window.document;
    expect(siteHosts(doc, PAGE)).toEqual(['harbourherald.example']);
  });
});

describe('isMostlyTeasers', () => {
  it('is true for a section front made of teaser grids', () => {
    const card = (n: number) =>
      `<div class="card"><a href="/news/story-${n}"><img src="/t/${n}.jpg" alt=""><h3>Story headline number ${n}</h3></a><span>${n} hours ago</span></div>`;
    const root = el(
      `<div><h2>Top stories</h2><div class="grid">${[1, 2, 3, 4, 5, 6].map(card).join('')}</div>` +
        `<div class="grid">${[7, 8, 9, 10].map(card).join('')}</div></div>`,
    );
    expect(isMostlyTeasers(root, HOSTS)).toBe(true);
  });

  it('is false for an article with a small related list', () => {
    const para =
      '<p>Winter sailings will drop from four a day to two from 1 November, the operator said on Tuesday, after a consultation in which islanders asked for the late Friday ferry to be kept for hospital patients and staff.</p>';
    const root = el(`<div>${para.repeat(4)}${mostViewed(3)}</div>`);
    expect(isMostlyTeasers(root, HOSTS)).toBe(false);
  });

  it('is false for an empty root', () => {
    expect(isMostlyTeasers(el('<div></div>'), HOSTS)).toBe(false);
  });
});

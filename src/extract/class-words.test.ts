// @vitest-environment jsdom
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { classWords, closestWithClassWord, hasClutterClass } from './class-words';
import { rememberLead } from './keep-lead';

function body(html: string): HTMLElement {
  return new JSDOM(`<body>${html}</body>`, { url: 'https://www.example.org/a' }).window.document.body;
}

describe('classWords', () => {
  it('splits at spaces, hyphens, underscores and camelCase humps', () => {
    expect(classWords('node node--promoted relatedArticles most_read')).toEqual([
      'node',
      'node',
      'promoted',
      'related',
      'articles',
      'most',
      'read',
    ]);
  });
});

describe('closestWithClassWord', () => {
  const RAIL = new Set(['promo', 'rail']);
  it('matches whole words only: Drupal "node--promoted" and "trailer" are not a promo or a rail', () => {
    const root = body(
      '<article class="node node--promoted"><div class="video-trailer"><img src="/a.jpg"></div></article>',
    );
    expect(closestWithClassWord(root.querySelector('img')!, RAIL)).toBeNull();
  });
  it('finds a promo box among the ancestors, but never looks at <body>', () => {
    const root = body('<div class="promo-box"><p><img src="/a.jpg"></p></div>');
    expect(closestWithClassWord(root.querySelector('img')!, RAIL)).toBe(root.firstElementChild);
    root.className = 'has-rail';
    root.firstElementChild!.className = 'x';
    expect(closestWithClassWord(root.querySelector('img')!, RAIL)).toBeNull();
  });
});

describe('hasClutterClass', () => {
  const first = (html: string) => body(html).firstElementChild!;
  it('takes share bars, newsletters and promos by class word', () => {
    expect(hasClutterClass(first('<div class="share-bar"></div>'))).toBe(true);
    expect(hasClutterClass(first('<div class="podcast-promo"></div>'))).toBe(true);
    expect(hasClutterClass(first('<div id="newsletter"></div>'))).toBe(true);
    expect(hasClutterClass(first('<div class="market-ticker__container__1MtYp"></div>'))).toBe(true);
  });
  it("reads an id made of a heading's words as text, not a name: a section about how popular something is stays", () => {
    // A health page's sections carry ids slugged from their headings (real page: WCXB dev 0348 lost 89% of its words).
    expect(hasClutterClass(first('<div id="1-heading-how-popular-are-meditation-and-mindfulness"></div>'))).toBe(false);
    expect(hasClutterClass(first('<section id="why-trending-topics-matter-for-small-shops"></section>'))).toBe(false);
    // A component's name stays a name, and a class is read whatever the id.
    expect(hasClutterClass(first('<div id="most-popular-stories"></div>'))).toBe(true);
    expect(hasClutterClass(first('<div id="how-popular-are-cats-and-dogs-now" class="share-bar"></div>'))).toBe(true);
  });
  it('reads utility and state classes as looks, not names: a WordPress paragraph set in a medium font stays', () => {
    // Gutenberg's font-size classes (real page: WCXB dev 4253 lost its comparison table and score boxes).
    expect(hasClutterClass(first('<p class="has-medium-font-size"></p>'))).toBe(false);
    expect(hasClutterClass(first('<div class="is-style-share-card wp-block-group"></div>'))).toBe(false);
    // A font-size control is still a tool, and a utility class does not hide a real name beside it.
    expect(hasClutterClass(first('<div class="font-size"></div>'))).toBe(true);
    expect(hasClutterClass(first('<div class="has-text-color newsletter"></div>'))).toBe(true);
  });
  it('does not match a word inside another word', () => {
    expect(hasClutterClass(first('<article class="node node--promoted"></article>'))).toBe(false);
    expect(hasClutterClass(first('<div class="shareholders"></div>'))).toBe(false);
  });
  it("keeps a CSS-module part of the article body named with a weak word (Reuters' summary promo-box)", () => {
    expect(hasClutterClass(first('<div class="article-body__promo-box__3Kkbp"></div>'))).toBe(false);
    expect(hasClutterClass(first('<div class="story-body__banner"></div>'))).toBe(false);
  });
  it('still takes a newsletter or share part of the article body', () => {
    expect(hasClutterClass(first('<div class="article-body__newsletter__2rEbp"></div>'))).toBe(true);
    expect(hasClutterClass(first('<div class="article-body__share-bar__x1Y2z"></div>'))).toBe(true);
  });
});

describe('rememberLead and Drupal "node--promoted"', () => {
  it('remembers the lead figure of a promoted node (the article itself)', () => {
    const doc = new JSDOM(
      `<body><article class="node node--promoted"><h1>Title</h1>
        <figure><img src="https://www.example.org/hall.jpg" width="800" height="500"><figcaption>The hall</figcaption></figure>
        <div class="body"><p>${'The market hall reopens in September after eighteen months of work. '.repeat(3)}</p></div>
      </article></body>`,
      { url: 'https://www.example.org/a' },
    ).window.document;
    const lead = rememberLead(doc);
    const root = doc.querySelector('.body')!;
    root.remove();
    expect(lead.restore(root)).toBe(1);
    expect(root.querySelector('figure img')?.getAttribute('src')).toBe('https://www.example.org/hall.jpg');
  });
});

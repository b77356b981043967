// @vitest-environment jsdom
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractArticle, type SkipName } from './extract-article';
import { rememberLead } from './keep-lead';

const URL_ = 'https://www.citytimes.example/news/tram-extension-approved';

const STANDFIRST =
  'Six new stops will link the hospital and the university to the city centre by 2027, the council has confirmed after a marathon session.';
const BODY = [
  'The council voted by 41 to 12 on Tuesday evening to approve the long-delayed tram extension, after three years of consultation with residents and traders.',
  'Work on the first section, between Eastgate and the hospital, is due to start in the spring, with the road closed to general traffic for eleven months.',
  'Traders on Eastgate said they welcomed the decision but asked the council for help with business rates while the street is dug up for the track.',
  'The £410m scheme is funded mainly by a government grant, with the rest coming from the council and a levy on workplace parking in the city centre.',
  'Opponents said the money would be better spent on buses, which carry five times as many passengers across the city as the existing tram line does.',
];
const paras = BODY.map((p) => `<p>${p}</p>`).join('');
const leadFigure =
  '<figure class="lead-media"><img src="/images/tram-depot-1024.jpg" width="1024" height="576" alt="A tram at the depot">' +
  '<figcaption>A tram leaves the Eastgate depot on a test run</figcaption></figure>';
const promoFigure =
  '<figure><img src="/images/podcast-promo.jpg" width="600" height="400" alt="">' +
  '<figcaption>Listen to our city podcast</figcaption></figure>';

function html(body: string): string {
  return (
    `<!doctype html><html lang="en"><head><title>Tram extension approved | City Times</title>` +
    `<meta property="og:site_name" content="City Times"></head><body>${body}</body></html>`
  );
}

/** Headline block, standfirst and lead figure outside the body container; a sidebar after the body. */
const PAGE = html(
  `<div class="page"><div class="headline-block"><h1>Tram extension approved</h1><div class="intro"><p class="standfirst">${STANDFIRST}</p></div></div>` +
    `<div class="media">${leadFigure}</div>` +
    `<div class="col"><div class="article-body">${paras}</div>` +
    `<div class="sidebar"><div class="widget"><div class="inner">${promoFigure}<a href="/podcast">Listen now</a></div></div></div></div></div>`,
);

function extract(page: string, skip: SkipName[] = []) {
  const doc = new JSDOM(page, { url: URL_ }).window.document;
  const result = extractArticle(doc, { url: URL_, skip });
  if (!result.ok) throw new Error(`not an article: ${result.message}`);
  const content = new JSDOM(result.article.content).window.document;
  return { result, content };
}

/** The article's blocks in reading order: paragraphs and figure captions, shortened. */
function blocks(content: Document): string[] {
  return Array.from(content.querySelectorAll('p, figcaption'), (el) => (el.textContent ?? '').trim().slice(0, 30));
}

describe('rememberLead + restore (after Readability kept only the body container)', () => {
  it('puts the standfirst and lead figure back before the first kept paragraph, in reading order', () => {
    const doc = new JSDOM(PAGE, { url: URL_ }).window.document;
    const lead = rememberLead(doc);
    const root = doc.querySelector('.article-body')!; // what Readability would pick
    expect(lead.restore(root)).toBe(2);
    const children = Array.from(root.children);
    expect(children[0]?.tagName).toBe('P');
    expect(children[0]?.textContent).toBe(STANDFIRST);
    expect(children[1]?.tagName).toBe('FIGURE');
    expect(children[1]?.querySelector('img')?.getAttribute('src')).toBe('/images/tram-depot-1024.jpg');
    expect(children[1]?.querySelector('figcaption')?.textContent).toBe(
      'A tram leaves the Eastgate depot on a test run',
    );
    expect(children[2]?.textContent).toBe(BODY[0]);
    // The bookkeeping attribute does not leak into the article.
    expect(root.querySelector('[data-qari-order]')).toBeNull();
  });

  it('wraps a bare image with a caption sibling into a figure', () => {
    const doc = new JSDOM(
      html(
        `<h1>Tram extension approved</h1><div class="hero"><img src="/images/hero.jpg" width="1200" height="675">` +
          `<div class="hero__caption">Councillors at Tuesday's vote</div></div><div class="article-body">${paras}</div>`,
      ),
      { url: URL_ },
    ).window.document;
    const lead = rememberLead(doc);
    const root = doc.querySelector('.article-body')!;
    expect(lead.restore(root)).toBe(1);
    const figure = root.firstElementChild!;
    expect(figure.tagName).toBe('FIGURE');
    expect(figure.querySelector('img')?.getAttribute('src')).toBe('/images/hero.jpg');
    expect(figure.querySelector('figcaption')?.textContent).toBe("Councillors at Tuesday's vote");
  });

  it('does not bring back avatars, logos or small images', () => {
    const doc = new JSDOM(
      html(
        `<h1>Tram extension approved</h1><div class="byline"><img class="author-avatar" src="/a/isla.jpg" width="400">` +
          `<img src="/icons/clock.png" width="24" height="24"><span class="logo"><img src="/logo.png"></span></div>` +
          `<div class="article-body">${paras}</div>`,
      ),
      { url: URL_ },
    ).window.document;
    const lead = rememberLead(doc);
    const root = doc.querySelector('.article-body')!;
    expect(lead.restore(root)).toBe(0);
    expect(root.querySelector('img')).toBeNull();
  });

  it('brings back a dropped opening paragraph, but not one from further in, nor a link line', () => {
    const doc = new JSDOM(
      html(
        `<h1>Tram extension approved</h1><p class="read-more">Read more: <a href="/news/tram-history">A short history of the city's trams, from horses to hydrogen</a></p>` +
          `<div class="article-body">${paras}</div>`,
      ),
      { url: URL_ },
    ).window.document;
    const lead = rememberLead(doc);
    const root = doc.querySelector('.article-body')!;
    // Readability dropped the first body paragraph (the opening) and the fourth (further in).
    root.children[3]!.remove();
    root.children[0]!.remove();
    expect(lead.restore(root)).toBe(1);
    expect(Array.from(root.children, (p) => p.textContent)).toEqual([BODY[0], BODY[1], BODY[2], BODY[4]]);
    expect(root.textContent).not.toContain('history of the city');
  });

  it('does not duplicate an image Readability kept', () => {
    const doc = new JSDOM(
      html(`<h1>Tram extension approved</h1><div class="article-body">${leadFigure}${paras}</div>`),
      { url: URL_ },
    ).window.document;
    const lead = rememberLead(doc);
    const root = doc.querySelector('.article-body')!;
    expect(lead.restore(root)).toBe(0);
    expect(root.querySelectorAll('img')).toHaveLength(1);
  });
});

describe('extractArticle keeps the lead', () => {
  it('is skipped by the same name it reports its count under ("lead")', () => {
    const { result, content } = extract(PAGE, ['lead']);
    expect(result.stats['lead']).toBeUndefined();
    expect(blocks(content)).not.toContain(STANDFIRST.slice(0, 30));
  });

  it('brings back the standfirst first, then the lead figure with its caption, then the body', () => {
    const { result, content } = extract(PAGE);
    expect(result.stats['lead']).toBe(2);
    const order = blocks(content);
    expect(order[0]).toBe(STANDFIRST.slice(0, 30));
    expect(order[1]).toBe('A tram leaves the Eastgate dep');
    expect(order[2]).toBe(BODY[0]!.slice(0, 30));
    const figure = content.querySelector('figure')!;
    expect(figure.querySelector('img')?.getAttribute('src')).toBe(
      'https://www.citytimes.example/images/tram-depot-1024.jpg',
    );
    expect(figure.querySelector('figcaption')?.textContent).toBe('A tram leaves the Eastgate depot on a test run');
    expect(result.ok && result.article.textContent.startsWith(STANDFIRST)).toBe(true);
  });

  it('does not bring back a figure deep in a dropped sidebar after the body', () => {
    const { result, content } = extract(PAGE);
    expect(result.ok && result.article.textContent).not.toContain('Listen to our city podcast');
    expect(content.querySelector('img[src*="podcast-promo"]')).toBeNull();
    expect(content.querySelectorAll('img')).toHaveLength(1);
  });

  // A fixed bug: any large image after the h1 and before the 2nd paragraph was a lead candidate, whatever its
  // container. A rail that comes before the body in source order (here an <aside> inside <article>, which
  // removeClutter keeps and Readability drops) had its promo figure put back into the article.
  it('does not bring back a figure from a dropped rail placed before the body', () => {
    const { content } = extract(
      html(
        `<main><article><header class="article-header"><h1>Tram extension approved</h1><p class="standfirst">${STANDFIRST}</p></header>` +
          `${leadFigure}<aside class="story-rail"><div class="widget"><div class="box">${promoFigure}<a href="/podcast">Listen now</a></div></div></aside>` +
          `<div class="article-body">${paras}</div></article></main>`,
      ),
    );
    expect(content.querySelector('img[src*="tram-depot"]')).not.toBeNull();
    expect(content.querySelector('img[src*="podcast-promo"]')).toBeNull();
  });
});

describe('rememberLead: a hero image above the headline', () => {
  const story = (header: string) =>
    new JSDOM(
      `<body>${header}<div class="body">${[1, 2, 3]
        .map(
          (n) => `<p>Paragraph ${n} of the story, long enough to count as prose in the body of the article here.</p>`,
        )
        .join('')}</div></body>`,
      { url: URL_ },
    ).window.document;

  it("restores a hero figure that sits in the story's header before the h1", () => {
    const doc = story(
      `<article><header><figure><img src="https://www.example.org/hero.jpg" width="1200" height="700">` +
        `<figcaption>The chart room at midnight.</figcaption></figure><h1>The night shift</h1></header></article>`,
    );
    doc.querySelector('article')!.append(doc.querySelector('.body')!);
    const lead = rememberLead(doc);
    const root = doc.querySelector('.body')!;
    root.remove();
    expect(lead.restore(root)).toBe(1);
    expect(root.firstElementChild?.tagName).toBe('FIGURE');
    expect(root.querySelector('figcaption')?.textContent).toBe('The chart room at midnight.');
  });

  it('ignores images of a page masthead (a header with navigation) before the h1', () => {
    const doc = story(
      `<header><img src="https://www.example.org/masthead.jpg" width="1200" height="300"><nav><a href="/">Home</a></nav>` +
        `<h1>The night shift</h1></header>`,
    );
    const lead = rememberLead(doc);
    const root = doc.querySelector('.body')!;
    root.remove();
    expect(lead.restore(root)).toBe(0);
    expect(root.querySelector('img')).toBeNull();
  });
});

describe('rememberLead: a standfirst set as an h2 under the headline', () => {
  const SUB = 'Harney Flats facility can supply about 90,000 homes for four hours and will store midday solar power';
  const page = (sub: string) =>
    new JSDOM(
      `<body><header><h1>Battery site opens</h1><h2 class="subhead"><i>${sub}</i></h2></header><div class="body">${[
        1, 2, 3,
      ]
        .map((n) => `<p>Paragraph ${n} of the release, long enough to count as prose in the body of the article.</p>`)
        .join('')}<h2>A section heading that is long enough to pass sixty characters, after the body</h2></div></body>`,
      { url: URL_ },
    ).window.document;

  it('puts it back first, as a paragraph', () => {
    const doc = page(SUB);
    const lead = rememberLead(doc);
    const root = doc.querySelector('.body')!;
    root.remove();
    expect(lead.restore(root)).toBe(1);
    expect(root.firstElementChild?.tagName).toBe('P');
    expect(root.firstElementChild?.textContent).toBe(SUB);
  });

  it('leaves a short h2 (a kicker or section label) alone', () => {
    const doc = page('Energy');
    const lead = rememberLead(doc);
    const root = doc.querySelector('.body')!;
    root.remove();
    expect(lead.restore(root)).toBe(0);
  });
});

/** What Readability returns: its page div holding the blocks it chose, moved out of the document. */
function readabilityPage(doc: Document, ...blocks: Element[]): Element {
  const root = doc.createElement('div');
  const page = doc.createElement('div');
  page.id = 'readability-page-1';
  root.append(page);
  page.append(...blocks);
  return root;
}

describe('rememberLead: a box beside the body, lost between two blocks Readability kept', () => {
  const VERDICT =
    'The Slate 7 is the most comfortable e-reader we have held, with proper buttons and a lovely screen, but it costs.';
  const review = (between: string) =>
    new JSDOM(
      html(
        `<article><header class="head"><h1>Slate 7 review</h1><p class="strap">${STANDFIRST}</p></header>` +
          `<figure class="hero"><img src="/img/hero.jpg" width="640" height="360"><figcaption>The buttons</figcaption></figure>` +
          `${between}<div class="article-body">${paras}</div></article>`,
      ),
      { url: URL_ },
    ).window.document;
  const verdict = `<div class="verdict"><h2>Our verdict</h2><p>${VERDICT}</p><h3>For</h3><ul><li>Excellent buttons</li></ul></div>`;

  it('puts the verdict box back between the kept header and body, after the hero figure, in reading order', () => {
    const doc = review(verdict);
    const lead = rememberLead(doc);
    const root = readabilityPage(doc, doc.querySelector('.head')!, doc.querySelector('.article-body')!);
    expect(lead.restore(root)).toBe(2);
    const page = root.firstElementChild!;
    expect(Array.from(page.children, (c) => c.tagName)).toEqual(['HEADER', 'FIGURE', 'DIV', 'DIV']);
    expect(page.children[2]!.textContent).toContain(VERDICT);
    expect(page.children[2]!.textContent).toContain('Excellent buttons');
    expect(page.children[3]!.className).toBe('article-body');
  });

  it('leaves out a box of links, a box with a clutter name, and a box Readability cleaned out of a kept block', () => {
    const links = `<div class="deals"><p><a href="/a">${VERDICT}</a></p></div>`;
    const named = `<div class="newsletter"><p>${VERDICT}</p></div>`;
    for (const box of [links, named]) {
      const doc = review(box);
      const lead = rememberLead(doc);
      const root = readabilityPage(doc, doc.querySelector('.head')!, doc.querySelector('.article-body')!);
      lead.restore(root);
      expect(root.textContent).not.toContain(VERDICT);
    }
    // Readability kept the whole <article> as one block and removed the box from inside it: its call.
    const doc = review(verdict);
    const lead = rememberLead(doc);
    doc.querySelector('.verdict')!.remove();
    const root = readabilityPage(doc, doc.querySelector('article')!);
    lead.restore(root);
    expect(root.textContent).not.toContain(VERDICT);
  });
});

describe('rememberLead: the caption beside a kept image wrapper', () => {
  const page = (media: string) =>
    new JSDOM(
      html(
        `<h1>Tram extension approved</h1><div class="body"><p>${BODY[0]}</p>${media}<div class="more">${paras}</div></div>`,
      ),
      { url: URL_ },
    ).window.document;

  it('gives a kept image its caption back as a figure', () => {
    const doc = page(
      `<div class="embed"><div class="media"><img src="/img/roofs.jpg" width="640" height="360"></div>` +
        `<div class="media__caption"><span>White roofs in the port district.</span><span> Jo Bloggs/City Times</span></div></div>`,
    );
    const lead = rememberLead(doc);
    doc.querySelector('.media__caption')!.remove(); // Readability dropped the caption, kept the image
    const root = readabilityPage(doc, doc.querySelector('.body')!);
    lead.restore(root);
    const figure = root.querySelector('figure')!;
    expect(figure.querySelector('img')?.getAttribute('src')).toBe('/img/roofs.jpg');
    expect(figure.querySelector('figcaption')?.textContent).toBe(
      'White roofs in the port district. Jo Bloggs/City Times',
    );
    expect(root.querySelectorAll('img')).toHaveLength(1);
  });

  it('does not caption a video thumbnail whose wrapper has its own text (a duration)', () => {
    const doc = page(
      `<div class="video"><div class="thumb"><img src="/img/thumb.jpg" width="320" height="180"><span>02:14</span></div>` +
        `<div class="media__caption">Video: How white roofs cool a city</div></div>`,
    );
    const lead = rememberLead(doc);
    doc.querySelector('.media__caption')!.remove();
    const root = readabilityPage(doc, doc.querySelector('.body')!);
    lead.restore(root);
    expect(root.textContent).not.toContain('Video: How white roofs');
  });
});

describe('rememberLead: what comes after the body is not a box beside it', () => {
  it('leaves a dropped author bio between the body and a kept block after it', () => {
    const BIO =
      'Priya Raman is a columnist and the author of Borrowed Time, a history of the public library in Britain.';
    const doc = new JSDOM(
      html(
        `<article><h1>Libraries</h1><div class="article-body">${paras}</div>` +
          `<div class="card"><h3>Priya Raman</h3><p>${BIO}</p></div><div class="end"><p>${STANDFIRST}</p><p>${BODY[0]}</p></div></article>`,
      ),
      { url: URL_ },
    ).window.document;
    const lead = rememberLead(doc);
    const root = readabilityPage(doc, doc.querySelector('.article-body')!, doc.querySelector('.end')!);
    lead.restore(root);
    expect(root.textContent).not.toContain(BIO);
  });
});

describe('a lead photo above a <div> of <br>-separated text (no <h1>, no <p>)', () => {
  it('keeps the photo', () => {
    const text = BODY.join('<br><br>');
    const page =
      '<div class="newstitle">Tram extension approved</div><div class="newsdate">2020-03-05 | 12:24</div>' +
      `<div class="newsphoto"><img src="/images/tram-1024.jpg" width="640" height="400" alt=""></div><div class="newstext">${text}</div>`;
    const d = new JSDOM(html(page), { url: URL_ }).window.document;
    const result = extractArticle(d, { url: URL_ });
    expect(result.ok && result.article.content).toContain('tram-1024.jpg');
  });
});

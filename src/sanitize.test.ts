// @vitest-environment jsdom
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { sanitizeArticleHtmlToString } from './sanitize';

const dom = new JSDOM('<!doctype html><html><body></body></html>', { url: 'https://reader.example/' });
const win = dom.window as unknown as Window & typeof globalThis;

/** Sanitizes and parses the result back, so assertions look at the DOM the reader would insert. */
function clean(html: string): { out: string; doc: Document } {
  const out = sanitizeArticleHtmlToString(html, win);
  const doc = new win.DOMParser().parseFromString(`<body>${out}</body>`, 'text/html');
  return { out, doc };
}

describe('sanitizeArticleHtmlToString: active content', () => {
  it('drops scripts (and their text) but keeps the surrounding paragraphs', () => {
    const { out, doc } = clean(
      `<p>The council met on Tuesday.</p><script>window.ga && ga('send', 'pageview')</script>` +
        `<p>It approved the plan.<script src="https://ads.example/tag.js"></script></p>`,
    );
    expect(out).not.toMatch(/<script/i);
    expect(out).not.toContain('pageview');
    expect(Array.from(doc.querySelectorAll('p'), (p) => p.textContent)).toEqual([
      'The council met on Tuesday.',
      'It approved the plan.',
    ]);
  });

  it('removes inline event handlers from every element', () => {
    const { out, doc } = clean(
      `<p onclick="steal()">Lead paragraph</p><img src="https://cdn.example/a.jpg" onerror="steal()" onload="x()">` +
        `<a href="https://example.org/" onmouseover="steal()">link</a>`,
    );
    expect(out).not.toMatch(/\son\w+=/i);
    expect(doc.querySelector('p')?.textContent).toBe('Lead paragraph');
    expect(doc.querySelector('img')?.getAttribute('src')).toBe('https://cdn.example/a.jpg');
  });

  it.each([
    ['javascript:', 'javascript:alert(document.cookie)'],
    ['mixed-case javascript:', 'JaVaScRiPt:alert(1)'],
    ['javascript: with leading whitespace', '  javascript:alert(1)'],
    ['javascript: with an embedded tab', 'java\tscript:alert(1)'],
    ['vbscript:', 'vbscript:msgbox("x")'],
    ['data:text/html', 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=='],
  ])('removes %s link targets but keeps the link text', (_label, href) => {
    const { doc } = clean(`<p>See <a href="${href}">the report</a>.</p>`);
    const a = doc.querySelector('a');
    expect(a?.textContent).toBe('the report');
    expect(a?.hasAttribute('href')).toBe(false);
  });

  it.each([
    ['iframe', '<iframe src="https://www.youtube.com/embed/xyz" srcdoc="<p>frame</p>"></iframe>'],
    ['object', '<object data="https://example.org/movie.swf"><param name="x" value="y"></object>'],
    ['embed', '<embed src="https://example.org/movie.swf">'],
    ['form', '<form action="https://evil.example/collect"><input name="email"><button>Subscribe</button></form>'],
    ['svg', '<svg><a href="javascript:alert(1)"><text>click</text></a></svg>'],
    ['math', '<math><mi>x</mi><mo>=</mo><mn>1</mn></math>'],
    ['style', '<style>body { display: none }</style>'],
    ['meta', '<meta http-equiv="refresh" content="0;url=https://evil.example/">'],
    ['base', '<base href="https://evil.example/">'],
    ['link', '<link rel="stylesheet" href="https://evil.example/x.css">'],
  ])('removes <%s> elements', (tag, html) => {
    const { out, doc } = clean(`<p>Before.</p>${html}<p>After.</p>`);
    expect(out.toLowerCase()).not.toContain(`<${tag}`);
    expect(doc.querySelectorAll('p')).toHaveLength(2);
  });

  it('drops the contents of forms, svg and styles, not only the tags', () => {
    const { doc } = clean(
      `<p>Body text.</p><form><label>Your email for our newsletter</label><input name="e"></form>` +
        `<svg><text>Icon label</text></svg><style>.x{color:red}</style>`,
    );
    expect(doc.body.textContent).toBe('Body text.');
  });

  it('strips style and srcdoc attributes', () => {
    const { out } = clean(
      `<p style="position:fixed;top:0;left:0;width:100%;height:100%">Overlay</p><div srcdoc="<script>x()</script>">d</div>`,
    );
    expect(out).not.toContain('style=');
    expect(out).not.toContain('srcdoc');
    expect(out).toContain('Overlay');
  });
});

describe('sanitizeArticleHtmlToString: article structure', () => {
  it('keeps paragraphs, headings, figures, lists and blockquotes', () => {
    const { doc } = clean(`
      <h2>What the plan means</h2>
      <p>The scheme covers <strong>six</strong> stops and <em>two</em> depots.</p>
      <figure><img src="https://cdn.example/tram.jpg" alt="A tram"><figcaption>A tram on a test run</figcaption></figure>
      <ul><li>Hospital</li><li>University</li></ul>
      <ol start="3"><li>Third stop</li></ol>
      <blockquote><p>"We have waited long enough," said one trader.</p></blockquote>
      <h3>Timeline</h3>`);
    expect(doc.querySelector('h2')?.textContent).toBe('What the plan means');
    expect(doc.querySelector('h3')?.textContent).toBe('Timeline');
    expect(doc.querySelector('p strong')?.textContent).toBe('six');
    expect(doc.querySelector('p em')?.textContent).toBe('two');
    expect(doc.querySelector('figure > img')?.getAttribute('alt')).toBe('A tram');
    expect(doc.querySelector('figure > figcaption')?.textContent).toBe('A tram on a test run');
    expect(Array.from(doc.querySelectorAll('ul > li'), (li) => li.textContent)).toEqual(['Hospital', 'University']);
    expect(doc.querySelector('ol')?.getAttribute('start')).toBe('3');
    expect(doc.querySelector('blockquote > p')?.textContent).toContain('waited long enough');
  });

  it('keeps pre/code with its whitespace', () => {
    const code = 'def area(r):\n    return 3.14 * r * r\n\nprint(area(2))';
    const { doc } = clean(`<pre><code class="language-python">${code}</code></pre>`);
    expect(doc.querySelector('pre > code')?.textContent).toBe(code);
  });

  it('keeps tables with colspan/rowspan and header scope', () => {
    const { doc } = clean(`
      <table><caption>Results</caption>
        <thead><tr><th scope="col">Party</th><th scope="col" colspan="2">Seats</th></tr></thead>
        <tbody><tr><td rowspan="2">Green</td><td>12</td><td>+3</td></tr></tbody>
      </table>`);
    expect(doc.querySelector('caption')?.textContent).toBe('Results');
    expect(doc.querySelector('th[colspan]')?.getAttribute('colspan')).toBe('2');
    expect(doc.querySelector('th')?.getAttribute('scope')).toBe('col');
    expect(doc.querySelector('td')?.getAttribute('rowspan')).toBe('2');
  });

  it('keeps dir and lang attributes and <bdi>', () => {
    const { doc } = clean(
      `<p dir="rtl" lang="ar">قال الوزير إن <bdi dir="ltr">Google Maps</bdi> سيعمل في المدينة.</p>` +
        `<blockquote lang="ar-EG" dir="auto">نص</blockquote>`,
    );
    const p = doc.querySelector('p');
    expect(p?.getAttribute('dir')).toBe('rtl');
    expect(p?.getAttribute('lang')).toBe('ar');
    expect(doc.querySelector('p > bdi')?.textContent).toBe('Google Maps');
    expect(doc.querySelector('bdi')?.getAttribute('dir')).toBe('ltr');
    expect(doc.querySelector('blockquote')?.getAttribute('lang')).toBe('ar-EG');
    expect(doc.querySelector('blockquote')?.getAttribute('dir')).toBe('auto');
  });

  it('keeps <time datetime>', () => {
    const { doc } = clean(`<p>Updated <time datetime="2024-09-18T06:42">18 September</time></p>`);
    expect(doc.querySelector('time')?.getAttribute('datetime')).toBe('2024-09-18T06:42');
  });

  it('drops data-* and class attributes', () => {
    const { out } = clean(`<p class="article__para" data-track="para-1" data-component="text">Text</p>`);
    expect(out).toBe('<p>Text</p>');
  });
});

describe('sanitizeArticleHtmlToString: images', () => {
  it('keeps http(s) images and marks them lazy, async and without referrer', () => {
    const { doc } = clean(`<img src="https://cdn.example/a.jpg" alt="A" width="800" height="450">`);
    const img = doc.querySelector('img');
    expect(img?.getAttribute('src')).toBe('https://cdn.example/a.jpg');
    expect(img?.getAttribute('width')).toBe('800');
    expect(img?.getAttribute('loading')).toBe('lazy');
    expect(img?.getAttribute('decoding')).toBe('async');
    expect(img?.getAttribute('referrerpolicy')).toBe('no-referrer');
  });

  it('keeps a data:image/png image', () => {
    const png =
      'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';
    const { doc } = clean(`<img src="${png}" alt="dot">`);
    expect(doc.querySelector('img')?.getAttribute('src')).toBe(png);
  });

  it('drops a data:image/svg+xml image source (SVG can carry script)', () => {
    const { doc } = clean(
      `<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9ImFsZXJ0KDEpIi8+" alt="chart"><img src="data:text/html,x" alt="h">`,
    );
    const imgs = doc.querySelectorAll('img');
    expect(imgs).toHaveLength(2);
    for (const img of Array.from(imgs)) expect(img.hasAttribute('src')).toBe(false);
  });

  it('keeps a srcset whose candidates are all http(s)', () => {
    const srcset = 'https://cdn.example/a-320.jpg 320w, https://cdn.example/a-640.jpg 640w';
    const { doc } = clean(`<img src="https://cdn.example/a-640.jpg" srcset="${srcset}" sizes="100vw">`);
    expect(doc.querySelector('img')?.getAttribute('srcset')).toBe(srcset);
    expect(doc.querySelector('img')?.getAttribute('sizes')).toBe('100vw');
  });

  it('drops a srcset with one unsafe candidate, keeping src', () => {
    const { doc } = clean(
      `<img src="https://cdn.example/a.jpg" srcset="https://cdn.example/a.jpg 1x, data:image/svg+xml,%3Csvg%3E 2x">`,
    );
    expect(doc.querySelector('img')?.hasAttribute('srcset')).toBe(false);
    expect(doc.querySelector('img')?.getAttribute('src')).toBe('https://cdn.example/a.jpg');
  });

  it('checks <picture><source srcset> the same way', () => {
    const { doc } = clean(
      `<picture><source type="image/webp" srcset="https://cdn.example/a.webp 1x, https://cdn.example/a@2x.webp 2x">` +
        `<source type="image/avif" srcset="data:image/svg+xml,%3Csvg%3E 1x"><img src="https://cdn.example/a.jpg"></picture>`,
    );
    const sources = doc.querySelectorAll('picture > source');
    expect(sources).toHaveLength(2);
    expect(sources[0]?.getAttribute('srcset')).toBe('https://cdn.example/a.webp 1x, https://cdn.example/a@2x.webp 2x');
    expect(sources[0]?.getAttribute('type')).toBe('image/webp');
    expect(sources[1]?.hasAttribute('srcset')).toBe(false);
  });

  // A fixed bug: the srcset check split on every comma, so a safe candidate whose URL contains a comma
  // (Cloudinary/imgix transformations: ".../upload/w_400,c_fill/...") was cut in two, the second half failed
  // SAFE_IMAGE_URL, and the whole (safe) srcset was dropped.
  it('keeps a safe srcset whose URLs contain commas (image CDN transformations)', () => {
    const srcset =
      'https://res.cloudinary.com/demo/image/upload/w_400,c_fill/tram.jpg 400w, ' +
      'https://res.cloudinary.com/demo/image/upload/w_800,c_fill/tram.jpg 800w';
    const { doc } = clean(`<img src="https://res.cloudinary.com/demo/image/upload/tram.jpg" srcset="${srcset}">`);
    expect(doc.querySelector('img')?.getAttribute('srcset')).toBe(srcset);
  });
});

describe('sanitizeArticleHtmlToString: links and ids', () => {
  it('makes external links open in the top frame without opener or referrer', () => {
    const { doc } = clean(`<p>Read <a href="https://gov.example/report.pdf" target="_blank">the report</a>.</p>`);
    const a = doc.querySelector('a');
    expect(a?.getAttribute('href')).toBe('https://gov.example/report.pdf');
    expect(a?.getAttribute('target')).toBe('_top');
    expect(a?.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('keeps mailto: links', () => {
    const { doc } = clean(`<p>Write to <a href="mailto:letters@example.org">letters@example.org</a></p>`);
    expect(doc.querySelector('a')?.getAttribute('href')).toBe('mailto:letters@example.org');
  });

  it('prefixes ids with user-content- and rewrites in-article anchors to match', () => {
    const { doc } = clean(
      `<p><a href="#method">Jump to method</a></p><h2 id="method">Method</h2><p id="fn1">Footnote</p><a href="#fn1">1</a>`,
    );
    expect(doc.querySelector('h2')?.id).toBe('user-content-method');
    const anchors = Array.from(doc.querySelectorAll('a'));
    expect(anchors.map((a) => a.getAttribute('href'))).toEqual(['#user-content-method', '#user-content-fn1']);
    for (const a of anchors) {
      expect(doc.getElementById(a.getAttribute('href')!.slice(1))).not.toBeNull();
      // In-page anchors scroll the reader itself: no target.
      expect(a.hasAttribute('target')).toBe(false);
    }
  });

  it('keeps anchors working when already-sanitized content is sanitized again (saved articles)', () => {
    const once = sanitizeArticleHtmlToString(`<a href="#notes">Notes</a><h2 id="notes">Notes</h2>`, win);
    const { doc } = clean(once);
    const target = doc.querySelector('a')!.getAttribute('href')!.slice(1);
    expect(doc.getElementById(target)?.tagName).toBe('H2');
  });

  it('keeps an id from clobbering document globals', () => {
    const { doc } = clean(`<img id="cookie" name="getElementById" src="https://cdn.example/a.jpg">`);
    const img = doc.querySelector('img');
    expect(img?.id).toBe('user-content-cookie');
    expect(img?.hasAttribute('name')).toBe(false);
  });

  // `headers` names header cells by id, and SANITIZE_NAMED_PROPS prefixes ids with "user-content-": the hook in
  // sanitize.ts prefixes the references too, or the cell-to-header link would break.
  it('keeps <td headers> pointing at its (prefixed) header cell', () => {
    const { doc } = clean(`<table><tr><th id="seats">Seats</th></tr><tr><td headers="seats">12</td></tr></table>`);
    const headers = doc.querySelector('td')!.getAttribute('headers')!;
    expect(doc.getElementById(headers)?.textContent).toBe('Seats');
  });
});

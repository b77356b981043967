// @vitest-environment jsdom
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { absolutizeUrls, isCanonicalUrl, resolveLazyImages } from './resolve-lazy-images';

const PAGE = 'https://www.harbourherald.example/news/2024/09/ferry-timetable.html';
const GIF = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';

function page(body: string): Document {
  return new JSDOM(`<!doctype html><html><head></head><body>${body}</body></html>`, { url: PAGE }).window.document;
}

function lazy(body: string): Document {
  const doc = page(body);
  resolveLazyImages(doc);
  return doc;
}

describe('resolveLazyImages', () => {
  it('swaps a placeholder src for data-src', () => {
    const doc = lazy(`<img id="i" class="lazyload" src="${GIF}" data-src="/media/ferry-at-dock.jpg" alt="Ferry">`);
    expect(doc.getElementById('i')?.getAttribute('src')).toBe('/media/ferry-at-dock.jpg');
  });

  it('fills a missing src from data-lazy-src and data-original', () => {
    const doc = lazy(
      `<img id="a" data-lazy-src="/media/a.jpg" alt="A"><img id="b" src="/wp-content/themes/x/img/blank.gif" data-original="/media/b.jpg">`,
    );
    expect(doc.getElementById('a')?.getAttribute('src')).toBe('/media/a.jpg');
    expect(doc.getElementById('b')?.getAttribute('src')).toBe('/media/b.jpg');
  });

  it('leaves a real src alone even when a data-src is present', () => {
    const doc = lazy(`<img id="i" src="/media/small-ferry.jpg" data-src="/media/big-ferry.jpg">`);
    expect(doc.getElementById('i')?.getAttribute('src')).toBe('/media/small-ferry.jpg');
  });

  it('copies data-srcset to srcset and takes its widest candidate as src', () => {
    const doc = lazy(
      `<img id="i" src="${GIF}" data-srcset="/m/f-320.jpg 320w, /m/f-1024.jpg 1024w, /m/f-640.jpg 640w" sizes="100vw">`,
    );
    const img = doc.getElementById('i')!;
    expect(img.getAttribute('srcset')).toBe('/m/f-320.jpg 320w, /m/f-1024.jpg 1024w, /m/f-640.jpg 640w');
    expect(img.getAttribute('src')).toBe('/m/f-1024.jpg');
  });

  it('gives a srcset-only image the largest density candidate as src', () => {
    const doc = lazy(`<img id="i" srcset="/m/f.jpg 1x, /m/f@3x.jpg 3x, /m/f@2x.jpg 2x" alt="">`);
    expect(doc.getElementById('i')?.getAttribute('src')).toBe('/m/f@3x.jpg');
  });

  // A fixed bug: candidates were split on ", " only; a srcset written without a space after the comma (valid
  // HTML) was read as one candidate, so src got the first URL, not the widest.
  it('reads a srcset written without spaces after the commas', () => {
    const doc = lazy(`<img id="i" srcset="/m/f-480.jpg 480w,/m/f-960.jpg 960w">`);
    expect(doc.getElementById('i')?.getAttribute('src')).toBe('/m/f-960.jpg');
  });

  it('removes the loading attribute', () => {
    const doc = lazy(`<img id="i" src="/m/a.jpg" loading="lazy">`);
    expect(doc.getElementById('i')?.hasAttribute('loading')).toBe(false);
  });

  it('copies <picture><source data-srcset> to srcset', () => {
    const doc = lazy(
      `<picture><source id="s" type="image/webp" data-srcset="/m/a.webp 1x, /m/a@2x.webp 2x"><img src="/m/a.jpg"></picture>`,
    );
    expect(doc.getElementById('s')?.getAttribute('srcset')).toBe('/m/a.webp 1x, /m/a@2x.webp 2x');
  });

  it('replaces a placeholder image with its parsed <noscript> fallback', () => {
    const doc = lazy(
      `<figure><img class="lazy" src="/static/placeholder.png" alt=""><noscript><img src="/m/real.jpg" alt="Real"></noscript>` +
        `<figcaption>The quay</figcaption></figure>`,
    );
    const imgs = doc.querySelectorAll('figure img');
    expect(imgs).toHaveLength(1);
    expect(imgs[0]?.getAttribute('src')).toBe('/m/real.jpg');
    expect(imgs[0]?.getAttribute('alt')).toBe('Real');
    expect(doc.querySelector('noscript')).toBeNull();
    expect(doc.querySelector('figcaption')?.textContent).toBe('The quay');
  });

  it('reads a <noscript> whose content is raw text (as on a live page with scripting on)', () => {
    const doc = page(`<figure id="f"><img src="${GIF}" alt=""></figure>`);
    const noscript = doc.createElement('noscript');
    noscript.textContent = '<img src="/m/from-text.jpg" alt="From text" width="800">';
    doc.getElementById('f')!.append(noscript);
    resolveLazyImages(doc);
    const imgs = doc.querySelectorAll('#f img');
    expect(imgs).toHaveLength(1);
    expect(imgs[0]?.getAttribute('src')).toBe('/m/from-text.jpg');
    expect(imgs[0]?.getAttribute('width')).toBe('800');
    expect(doc.querySelector('noscript')).toBeNull();
  });

  it('does not duplicate an image already resolved from data-src', () => {
    const doc = lazy(
      `<div id="d"><img src="${GIF}" data-src="/m/a.jpg"><noscript><img src="/m/a.jpg"></noscript></div>`,
    );
    const imgs = doc.querySelectorAll('#d img');
    expect(imgs).toHaveLength(1);
    expect(imgs[0]?.getAttribute('src')).toBe('/m/a.jpg');
    expect(doc.querySelector('noscript')).toBeNull();
  });

  it('leaves a <noscript> that is not a single-image fallback alone', () => {
    const doc = lazy(
      `<img id="i" src="/m/a.jpg"><noscript><p>Please enable JavaScript to view comments.</p></noscript>` +
        `<noscript><img src="/m/1.jpg"><img src="/m/2.jpg"></noscript>`,
    );
    expect(doc.querySelectorAll('noscript')).toHaveLength(2);
    expect(doc.getElementById('i')?.getAttribute('src')).toBe('/m/a.jpg');
  });

  it('leaves a <noscript> with one image among its text: a forum thread’s no-script view is not an image fallback', () => {
    const doc = lazy(
      `<noscript><div role="main"><div class="post"><p>The late ferry runs again from Monday.</p>` +
        `<img src="/uploads/pier.jpg"></div><div class="post"><p>Tickets at the pier.</p></div></div></noscript>`,
    );
    expect(doc.querySelector('noscript p')?.textContent).toBe('The late ferry runs again from Monday.');
  });
});

describe('absolutizeUrls', () => {
  it('resolves links and images against the page URL', () => {
    const doc = page(`<a id="a" href="../08/older-story.html">Older</a><img id="i" src="/media/a.jpg">`);
    absolutizeUrls(doc, PAGE);
    expect(doc.getElementById('a')?.getAttribute('href')).toBe(
      'https://www.harbourherald.example/news/2024/08/older-story.html',
    );
    expect(doc.getElementById('i')?.getAttribute('src')).toBe('https://www.harbourherald.example/media/a.jpg');
  });

  it('honours <base href>', () => {
    const doc = new JSDOM(
      `<html><head><base href="https://static.harbourherald.example/assets/"></head>` +
        `<body><img id="i" src="img/ferry.jpg"><a id="a" href="story.html">s</a></body></html>`,
      { url: PAGE },
    ).window.document;
    absolutizeUrls(doc, PAGE);
    expect(doc.getElementById('i')?.getAttribute('src')).toBe(
      'https://static.harbourherald.example/assets/img/ferry.jpg',
    );
    expect(doc.getElementById('a')?.getAttribute('href')).toBe(
      'https://static.harbourherald.example/assets/story.html',
    );
  });

  it('keeps in-page anchors relative and leaves mailto:, tel: and data: untouched', () => {
    const doc = page(
      `<a id="h" href="#comments">Comments</a><a id="m" href="mailto:desk@harbourherald.example">Mail</a>` +
        `<a id="t" href="tel:+441234567890">Call</a><img id="d" src="${GIF}">`,
    );
    absolutizeUrls(doc, PAGE);
    expect(doc.getElementById('h')?.getAttribute('href')).toBe('#comments');
    expect(doc.getElementById('m')?.getAttribute('href')).toBe('mailto:desk@harbourherald.example');
    expect(doc.getElementById('t')?.getAttribute('href')).toBe('tel:+441234567890');
    expect(doc.getElementById('d')?.getAttribute('src')).toBe(GIF);
  });

  it('absolutises every srcset candidate and keeps the descriptors', () => {
    const doc = page(
      `<picture><source id="s" srcset="/m/a.webp 1x, /m/a@2x.webp 2x"><img id="i" src="/m/a.jpg" srcset="a-320.jpg 320w, a-640.jpg 640w"></picture>`,
    );
    absolutizeUrls(doc, PAGE);
    expect(doc.getElementById('s')?.getAttribute('srcset')).toBe(
      'https://www.harbourherald.example/m/a.webp 1x, https://www.harbourherald.example/m/a@2x.webp 2x',
    );
    expect(doc.getElementById('i')?.getAttribute('srcset')).toBe(
      'https://www.harbourherald.example/news/2024/09/a-320.jpg 320w, https://www.harbourherald.example/news/2024/09/a-640.jpg 640w',
    );
  });

  // A fixed bug (the same split as largestCandidate's): with no space after the comma the second candidate stayed
  // relative, and broke once the article left the page.
  it('absolutises srcset candidates separated by a bare comma', () => {
    const doc = page(`<img id="i" src="/m/a.jpg" srcset="/m/a-480.jpg 480w,/m/a-960.jpg 960w">`);
    absolutizeUrls(doc, PAGE);
    expect(doc.getElementById('i')?.getAttribute('srcset')).toBe(
      'https://www.harbourherald.example/m/a-480.jpg 480w, https://www.harbourherald.example/m/a-960.jpg 960w',
    );
  });

  it('works with lazy resolution: the resolved src ends up absolute', () => {
    const doc = page(`<img id="i" src="${GIF}" data-src="media/lazy.jpg">`);
    resolveLazyImages(doc);
    absolutizeUrls(doc, PAGE);
    expect(doc.getElementById('i')?.getAttribute('src')).toBe(
      'https://www.harbourherald.example/news/2024/09/media/lazy.jpg',
    );
  });
});

describe('isCanonicalUrl', () => {
  // absolutizeUrls takes such a URL as its own resolution: the parser must give each back unchanged, whatever the base.
  it('accepts only URLs the parser leaves as they are', () => {
    const canonical = [
      'https://www.harbourherald.example/news/2024/ferry.html',
      'http://cdn.example.com/i/a_b-c~d.jpg?w=640&h=480#top',
      "https://example.com/o'brien/(1)*,;=:@!$+",
    ];
    const not = [
      'https://example.com',
      'HTTPS://example.com/',
      'https://Example.com/',
      'https://example.com:443/',
      'https://user@example.com/',
      'https://1.2.3.4/',
      'https://example.0x1/',
      'https://xn--nxasmq6b.example/',
      'https://example.com/a/../b',
      'https://example.com/./b',
      'https://example.com/%41',
      'https://example.com/a b',
      'https://example.com/a?',
      'https://example.com/a#',
      "https://example.com/a?it's",
      'https://example.com/{a}',
      '/relative/path',
    ];
    for (const url of canonical) {
      expect(isCanonicalUrl(url)).toBe(true);
      expect(new URL(url, PAGE).href).toBe(url);
    }
    for (const url of not) expect(isCanonicalUrl(url)).toBe(false);
  });
});

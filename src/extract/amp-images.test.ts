// @vitest-environment jsdom
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { replaceAmpImages } from './amp-images';

function doc(html: string): Document {
  return new JSDOM(`<body>${html}</body>`, { url: 'https://www.example.ma/amp/derby' }).window.document;
}

describe('replaceAmpImages', () => {
  it('turns an <amp-img> inside a figure into an <img> with its source, size and alt', () => {
    const d = doc(
      '<figure><amp-img src="/img/derby.jpg" width="640" height="360" layout="responsive" alt="المدرجات"></amp-img>' +
        '<figcaption>جماهير الفريقين</figcaption></figure>',
    );
    expect(replaceAmpImages(d)).toBe(1);
    const img = d.querySelector('figure > img')!;
    expect(img.getAttribute('src')).toBe('/img/derby.jpg');
    expect(img.getAttribute('width')).toBe('640');
    expect(img.getAttribute('alt')).toBe('المدرجات');
    expect(img.hasAttribute('layout')).toBe(false);
    expect(d.querySelector('amp-img')).toBeNull();
    expect(d.querySelector('figcaption')?.textContent).toBe('جماهير الفريقين');
  });

  it('takes the source from the fallback <img> when the amp-img has none, and keeps srcset', () => {
    const d = doc(
      '<amp-img srcset="/a-320.jpg 320w, /a-640.jpg 640w" width="640" height="360"><noscript><img src="/a-640.jpg"></noscript></amp-img>' +
        '<amp-anim width="100" height="100"></amp-anim>',
    );
    expect(replaceAmpImages(d)).toBe(1);
    const img = d.querySelector('img')!;
    expect(img.getAttribute('src')).toBe('/a-640.jpg');
    expect(img.getAttribute('srcset')).toBe('/a-320.jpg 320w, /a-640.jpg 640w');
    // Nothing to show: left alone.
    expect(d.querySelector('amp-anim')).not.toBeNull();
  });

  it('replaces a nested fallback amp-img together with its parent, once', () => {
    const d = doc('<amp-img src="/a.webp" width="10" height="10"><amp-img fallback src="/a.jpg"></amp-img></amp-img>');
    expect(replaceAmpImages(d)).toBe(1);
    expect(Array.from(d.querySelectorAll('img'), (i) => i.getAttribute('src'))).toEqual(['/a.webp']);
  });
});

import { Readability } from '@mozilla/readability';
import { expect, test } from 'vitest';
import { BoundedReadability } from './bounded-readability';

interface Densities {
  _getLinkDensity(el: Element): number;
  _getTextDensity(el: Element, tags: string[]): number;
}

/** The tags Readability's cleaning step measures text density with (`_cleanConditionally`'s textish tags). */
const TEXTISH = ['SPAN', 'LI', 'TD', 'A', 'BLOCKQUOTE', 'DL', 'DIV', 'IMG', 'OL', 'P', 'PRE', 'TABLE', 'UL'];

const page = `<!doctype html><html><head><title>t</title></head><body>
  <div id="a">  Lead text with\u00a0a <a href="/x">link  to   a page</a>, and
     <a href="#notes">an in-page   link</a>.
    <ul><li> one </li><li><a href="https://e.example/">two\u2003words</a></li><li>\n\t</li></ul>
  </div>
  <div id="b"><p>\u202fArabic، نص  مع\u200cفاصلة <a href="#">#</a></p><span> </span><table><tr><td> a </td><td><a>b</a></td></tr></table></div>
  <div id="c"><a href="/only">   </a><!-- a comment --></div>
  <div id="d"></div>
</body></html>`;

test('link and text densities are the numbers stock Readability computes, for every element', () => {
  const doc = new DOMParser().parseFromString(page, 'text/html');
  const stock = new Readability(doc) as unknown as Densities;
  const bounded = new BoundedReadability(doc) as unknown as Densities;
  const elements = Array.from(doc.body.querySelectorAll('*'));
  expect(elements.length).toBeGreaterThan(15);
  let nonZero = 0;
  for (const el of [doc.body, ...elements]) {
    const link = stock._getLinkDensity(el);
    if (link > 0) nonZero++;
    expect(bounded._getLinkDensity(el), el.outerHTML).toBe(link);
    expect(bounded._getTextDensity(el, TEXTISH), el.outerHTML).toBe(stock._getTextDensity(el, TEXTISH));
    expect(bounded._getTextDensity(el, ['ul', 'ol'])).toBe(stock._getTextDensity(el, ['ul', 'ol']));
  }
  // The comparison covers in-page links (weighted 0.3), whitespace-only links and elements without text.
  expect(nonZero).toBeGreaterThan(5);
});

test('parses a page to the same article as stock Readability', () => {
  const paragraphs = Array.from(
    { length: 8 },
    (_, i) =>
      `<p>Paragraph ${i} of the story, long enough to count, with a <a href="/p${i}">related link</a>, commas, and   spaces\u00a0here.</p>`,
  ).join('\n');
  const html = `<!doctype html><html><head><title>Story</title></head><body>
    <nav><a href="/">Home</a> <a href="/news">News</a></nav>
    <article><h1>Story</h1>${paragraphs}<div class="related"><a href="/1">One</a> <a href="/2">Two</a></div></article>
    <aside><ul><li><a href="/a">A</a></li><li><a href="/b">B</a></li><li><a href="/c">C</a></li></ul></aside>
  </body></html>`;
  const parse = (R: typeof Readability) => new R(new DOMParser().parseFromString(html, 'text/html')).parse();
  const stock = parse(Readability);
  expect(stock?.content).toContain('Paragraph 7');
  expect(parse(BoundedReadability)).toEqual(stock);
});

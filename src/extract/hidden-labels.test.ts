// @vitest-environment jsdom
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from './extract-article';
import { HIDDEN, markHiddenLabels, opensWithHiddenLabel, removeHiddenLabels } from './hidden-labels';

const doc = (head: string, body: string) =>
  new JSDOM(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`).window.document;
const CLIP =
  '<style>.a1{color:red}.x9f3{clip:rect(1px,1px,1px,1px);height:1px;overflow:hidden;position:absolute;width:1px}</style>';

describe('markHiddenLabels', () => {
  it("marks elements a page's style sheet clips to a pixel (hashed class) and inline clipped ones", () => {
    const d = doc(
      CLIP,
      '<p><span class="x9f3">Role,</span>Reporter</p><p><span class="a1">Visible</span></p>' +
        '<p><span style="position:absolute;clip-path:inset(50%);width:1px;height:1px">Image caption,</span>A tram</p>',
    );
    expect(markHiddenLabels(d)).toBe(2);
    expect(Array.from(d.querySelectorAll(`[${HIDDEN}]`), (el) => el.textContent)).toEqual(['Role,', 'Image caption,']);
  });

  it('leaves long hidden text alone: a page may hide real prose this way', () => {
    const long =
      'A whole paragraph of real text that a page set off-screen, longer than any label would ever be, really.';
    const d = doc(CLIP, `<div class="x9f3">${long}</div>`);
    expect(markHiddenLabels(d)).toBe(0);
  });

  it('reads a line opened by a hidden label as a labelled field; removes the labels left at the end', () => {
    const d = doc(CLIP, '<ul><li><span class="x9f3">Role,</span>BBC News</li><li>Role, in plain sight</li></ul>');
    markHiddenLabels(d);
    const [field, plain] = Array.from(d.querySelectorAll('li'));
    expect(opensWithHiddenLabel(field!)).toBe(true);
    expect(opensWithHiddenLabel(plain!)).toBe(false);
    expect(removeHiddenLabels(d.body)).toBe(1);
    expect(d.body.textContent).toBe('BBC NewsRole, in plain sight');
  });
});

describe('extractArticle with hidden labels', () => {
  const URL_ = 'https://www.example.org/news/birds';
  const prose = [1, 2, 3, 4]
    .map(
      (n) => `<p>Paragraph ${n}: city birds now sing louder and earlier than their cousins in the countryside do.</p>`,
    )
    .join('');
  const page =
    `<!doctype html><html lang="en"><head><title>Birds</title>${CLIP}</head><body><main><h1>Birds</h1>` +
    '<div class="x1"><ul><li><span class="x9f3">Author,</span>Noor Qadi</li><li><span class="x9f3">Role,</span>World Service</li></ul></div>' +
    `${prose}<figure><img src="/b.jpg" width="640" height="360"><figcaption><span class="x9f3">Image caption, </span>A sparrow</figcaption></figure>${prose}</main></body></html>`;

  it('drops the labelled byline-strip field and every label, keeps the caption', () => {
    const result = extractArticle(new JSDOM(page, { url: URL_ }).window.document, { url: URL_ });
    if (!result.ok) throw new Error(result.message);
    expect(result.article.textContent).not.toContain('World Service');
    expect(result.article.textContent).not.toContain('Role,');
    expect(result.article.textContent).not.toContain('Image caption');
    expect(result.article.textContent).toContain('A sparrow');
    expect(result.article.content).not.toContain('data-qari-hidden');
  });
});

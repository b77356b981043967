// @vitest-environment jsdom
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from './extract-article';

const URL_ = 'https://news.example/2024/05/brief';
const extract = (body: string, head = '<title>Ferry brief</title>') =>
  extractArticle(new JSDOM(`<html><head>${head}</head><body>${body}</body></html>`, { url: URL_ }).window.document, {
    url: URL_,
  });
/** A sentence of about `n` characters. */
const sentence = (n: number, seed = 0) =>
  `${'The island council voted again on the late ferry, and residents waited for the timetable to change. '
    .repeat(3)
    .slice(seed, seed + n - 1)
    .trim()}.`;

describe('never refuse when there is text to show', () => {
  it('shows a short news brief of four 100-character paragraphs', () => {
    const result = extract(
      `<article><h1>Ferry brief</h1>${[0, 5, 10, 15].map((s) => `<p>${sentence(100, s)}</p>`).join('')}</article>`,
    );
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.article.textContent.split('\n').length).toBeGreaterThanOrEqual(4);
  });

  it('shows a two-line post, with a notice that Qari is unsure', () => {
    const result = extract(
      '<main><h1>Ferry brief</h1><p>The late ferry runs again from Monday.</p><p>Tickets at the pier.</p></main>',
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.article.textContent).toContain('The late ferry runs again from Monday.');
    expect(result.article.notice).toMatch(/little text/);
  });

  it('shows a page of teaser links with a notice, not a refusal', () => {
    const card = (i: number) =>
      `<li><a href="/2024/05/story-${i}"><img src="/t${i}.jpg"><h3>Story number ${i} about the island</h3></a><time>14:0${i}</time></li>`;
    const result = extract(`<main><ul>${[1, 2, 3, 4, 5, 6].map(card).join('')}</ul></main>`);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.article.notice).toBeTruthy();
  });

  it('has no notice on a real article', () => {
    const result = extract(
      `<article><h1>Ferry brief</h1>${[0, 5, 10, 15, 20].map((s) => `<p>${sentence(180, s)}</p>`).join('')}</article>`,
    );
    expect(result.ok && result.article.notice).toBeUndefined();
  });

  it('refuses a page with no text at all', () => {
    const result = extract('<div><img src="/logo.png"></div>');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toBe('not-article');
  });
});

describe('the fallback when Qari’s passes leave no text', () => {
  // A site rule that removes the whole story: Qari's own run finds nothing, plain Readability on a copy does.
  const story = `<article>${[0, 5, 10].map((s) => `<p>${sentence(150, s)}</p>`).join('')}</article>`;
  const page = () => new JSDOM(`<html><head><title>Ferry</title></head><body>${story}</body></html>`, { url: URL_ });
  const siteRules = { remove: [{ kind: 'selector' as const, selector: 'article' }], keep: [] };

  it('reads a copy taken before the passes when the caller gives none', () => {
    const result = extractArticle(page().window.document, { url: URL_, siteRules });
    expect(result.ok && result.article.notice).toMatch(/as found/);
  });

  it("asks the caller's copy only then, and reads it", () => {
    let copies = 0;
    const copy = () => (copies++, page().window.document);
    const result = extractArticle(page().window.document, { url: URL_, siteRules, copy });
    expect(result.ok && result.article.textContent).toContain(sentence(150, 5));
    expect(copies).toBe(1);
    const long = `<article>${Array.from({ length: 30 }, (_, i) => `<p>${sentence(150, i % 20)}</p>`).join('')}</article>`;
    extractArticle(new JSDOM(`<body>${long}</body>`, { url: URL_ }).window.document, { url: URL_, copy });
    expect(copies).toBe(1); // an article Qari reads itself, of 300+ words, costs no copy
  });

  it('keeps the refusal when the copy cannot be made', () => {
    const copy = () => {
      throw new Error('cannot clone');
    };
    const result = extractArticle(page().window.document, { url: URL_, siteRules, copy });
    expect(result.ok).toBe(false);
  });
});

describe('plain Readability when Qari keeps only a fragment of what it reads', () => {
  // Qari's passes (here a site rule, standing for a teaser pass taking a listing's list) leave one paragraph of a
  // page plain Readability reads whole: recall first, the whole page with the "as found" notice.
  const rest = Array.from({ length: 8 }, (_, i) => `<p>${sentence(200, i * 2)}</p>`).join('');
  const html = `<article><p>${sentence(150)}</p><section class="rest">${rest}</section></article>`;
  const page = () => new JSDOM(`<html><head><title>Ferry</title></head><body>${html}</body></html>`, { url: URL_ });
  const siteRules = { remove: [{ kind: 'selector' as const, selector: 'section.rest' }], keep: [] };

  it("shows plain Readability's find when it is several times longer, with the notice", () => {
    const result = extractArticle(page().window.document, { url: URL_, siteRules });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.article.textContent).toContain(sentence(200, 14));
    expect(result.article.notice).toMatch(/as found/);
  });

  it("keeps Qari's short find when Readability's is not much longer (a brief above a small rail)", () => {
    const brief = `<article>${[0, 5, 10].map((s) => `<p>${sentence(150, s)}</p>`).join('')}<section class="rest"><p>${sentence(80, 3)}</p></section></article>`;
    const doc = new JSDOM(`<body>${brief}</body>`, { url: URL_ }).window.document;
    const result = extractArticle(doc, { url: URL_, siteRules });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.article.textContent).not.toContain(sentence(80, 3));
    expect(result.article.notice ?? '').not.toMatch(/as found/);
  });

  it("shows the page's main text when Readability's find is no fuller in words, however long its words (WCXB dev 4486)", () => {
    // A streamed page saved without its scripts: the guide is in a hidden block. Qari keeps a 30-word lead (the site
    // rule stands for its passes); Readability adds 40 long words: 2.3 times the words, 4 times the characters.
    const lead = `<p>${'The late ferry runs at ten and stops at the old pier. '.repeat(3)}</p>`;
    const extra = `<p>${'Interisland transportation considerations, notwithstanding meteorological uncertainties. '.repeat(8)}</p>`;
    const guide = Array.from({ length: 12 }, (_, i) => `<p>${sentence(250, i)}</p>`).join('');
    const doc = new JSDOM(
      `<html><head><title>Ferry</title></head><body><article>${lead}<section class="rest">${extra}</section></article><div hidden id="S:0">${guide}</div></body></html>`,
      { url: URL_ },
    ).window.document;
    const result = extractArticle(doc, { url: URL_, siteRules });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.article.textContent).toContain(sentence(250, 11));
    expect(result.article.notice).toMatch(/main text/);
  });
});

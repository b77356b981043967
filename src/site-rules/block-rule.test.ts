import { JSDOM } from 'jsdom';
import { readFileSync } from 'node:fs';
import { describe, expect, test, vi } from 'vitest';
import { extractArticle } from '../extract/extract-article';
import { matchRule, normalizeBlockText, removeByRules, withKept } from './block-rule';
import { builtinRulesFor } from './builtin';
import { describeBlock, findBlock, isStableName } from './describe-block';

const doc = (body: string) => new JSDOM(`<!doctype html><html><body>${body}</body></html>`).window.document;
const prose = (n: number, word = 'river') =>
  Array.from(
    { length: n },
    (_, i) =>
      `<p>Paragraph ${i} about the ${word} and the town, long enough to read as prose in an article body, with several clauses.</p>`,
  ).join('');

describe('normalizeBlockText', () => {
  test('folds case, spacing, bidi controls, Arabic marks and Eastern digits', () => {
    expect(normalizeBlockText('  Sign UP\n\tnow  ')).toBe('sign up now');
    expect(normalizeBlockText('اشترك\u200f في النشرة ٢٠٢٤')).toBe(normalizeBlockText('اشترك في النشرة 2024'));
    expect(normalizeBlockText('مُحَمَّد')).toBe('محمد');
    expect(normalizeBlockText('x'.repeat(900))).toHaveLength(500);
  });
});

describe('matching', () => {
  test('a selector rule removes the outermost matches; an invalid selector matches nothing', () => {
    const d = doc('<aside class="promo"><div class="promo">inner</div></aside><p class="promo">p</p><p>keep</p>');
    expect(matchRule(d, { kind: 'selector', selector: '.promo' }).map((e) => e.localName)).toEqual(['aside', 'p']);
    expect(matchRule(d, { kind: 'selector', selector: 'div[' })).toEqual([]);
    expect(removeByRules(d, [{ kind: 'selector', selector: '.promo' }])).toBe(2);
    expect(d.body.textContent).toBe('keep');
  });

  test('a text rule removes the block with exactly that text, not one that merely contains it', () => {
    const d = doc('<div><p>Sign up for our newsletter!</p></div><p>Sign up for our newsletter! And more words.</p>');
    removeByRules(d, [{ kind: 'text', text: normalizeBlockText('sign up for our NEWSLETTER!') }]);
    expect(d.body.innerHTML).toBe('<p>Sign up for our newsletter! And more words.</p>');
  });

  test("text rules fold each block's text once, not once per rule", () => {
    const blocks = Array.from({ length: 300 }, (_, i) => `<p>Paragraph number ${i} of the article body.</p>`).join('');
    const d = doc(`<div>${blocks}<p>Sign up for our newsletter!</p></div>`);
    const rules = Array.from({ length: 50 }, (_, i) => ({ kind: 'text' as const, text: `boilerplate line ${i} x` }));
    rules.push({ kind: 'text', text: normalizeBlockText('Sign up for our newsletter!') });
    const normalize = vi.spyOn(String.prototype, 'normalize');
    try {
      expect(removeByRules(d, rules)).toBe(1);
      // One fold per block long enough (302 blocks: the div, 300 paragraphs, the sign-up line), not 51 times that.
      expect(normalize.mock.calls.length).toBeLessThanOrEqual(302);
    } finally {
      normalize.mockRestore();
    }
    expect(d.body.textContent).not.toContain('Sign up');
  });

  test('a long block is fingerprinted from its start without folding all of it, with the same result', () => {
    const long = `${'كلمة عربية، '.repeat(50)}${'word '.repeat(20_000)}`;
    const d = doc(`<div><p>${long}</p></div><p>short</p>`);
    removeByRules(d, [{ kind: 'text', text: normalizeBlockText(long) }]);
    expect(d.body.innerHTML).toBe('<p>short</p>');
  });

  test('the outermost filter is one pass: 5,000 sibling matches are not compared with each other', () => {
    const d = doc(`<div>${'<p class="x">a</p>'.repeat(5_000)}</div><div class="x"><p class="x">b</p></div>`);
    const contains = vi.spyOn(d.defaultView!.Node.prototype, 'contains');
    try {
      expect(matchRule(d, { kind: 'selector', selector: '.x' })).toHaveLength(5_001);
      // The old filter compared every match with every other: 2.5·10⁷ contains() calls here.
      expect(contains.mock.calls.length).toBeLessThanOrEqual(5_002);
    } finally {
      contains.mockRestore();
    }
  });

  test('kept elements sit out the passes and come back in place', () => {
    const d = doc('<div id="a"><p class="keep">kept</p><p>other</p></div>');
    withKept(d, ['.keep'], () => d.querySelectorAll('p').forEach((p) => p.remove()));
    expect(d.body.innerHTML).toBe('<div id="a"><p class="keep">kept</p></div>');
  });
});

describe('built-in rules', () => {
  test('apply by host, subdomains included, and nowhere else', () => {
    expect(builtinRulesFor('https://ar.wikipedia.org/wiki/X').remove.length).toBeGreaterThan(0);
    expect(builtinRulesFor('https://www.bbc.com/arabic/articles/x').remove).toContainEqual({
      kind: 'selector',
      selector: '[data-component="links-block"]',
    });
    expect(builtinRulesFor('https://notwikipedia.org/').remove).toEqual([]);
    expect(builtinRulesFor('not a url').remove).toEqual([]);
  });

  test('apply by platform on any host: MediaWiki by its generator meta tag', () => {
    const wiki = doc('');
    wiki.head.innerHTML = '<meta name="generator" content="MediaWiki 1.42.0-wmf.14">';
    const other = doc('');
    other.head.innerHTML = '<meta name="generator" content="WordPress 6.5">';
    expect(builtinRulesFor('https://wiki.example.org/wiki/X', wiki).remove).toContainEqual({
      kind: 'selector',
      selector: '.mw-references-wrap',
    });
    expect(builtinRulesFor('https://wiki.example.org/wiki/X', other).remove).toEqual([]);
    expect(builtinRulesFor('https://wiki.example.org/wiki/X').remove).toEqual([]);
  });

  test('in extraction: on Wikipedia the "[edit]" links go, so the section headings stay (fixture wiki-infobox-references)', () => {
    const html = readFileSync('test/fixtures/wiki-infobox-references/source.html', 'utf8');
    const url = 'https://en.wikipedia.org/wiki/Karsby_Point_Lighthouse';
    const result = extractArticle(new JSDOM(html, { url }).window.document, { url });
    if (!result.ok) throw new Error(result.message);
    const content = new JSDOM(result.article.content).window.document;
    const headings = [...content.querySelectorAll('h2, h3')].map((h) => h.textContent!.trim());
    expect(result.stats['site.removed']).toBeGreaterThan(0);
    expect(result.article.textContent).not.toContain('[edit]');
    // Without the rule (2026-11-30) only the last of these survived: the others read as links.
    expect(headings).toEqual(expect.arrayContaining(['History', 'Design', 'Decommissioning and restoration']));
  });

  test('in extraction: a BBC related-links block goes, before Readability', () => {
    const html = `<!doctype html><html lang="en"><head><title>T</title></head><body><main><article>
      <h1>Title</h1>${prose(6)}
      <div data-component="links-block"><p>More on this story: a long list of related reading that would otherwise pass as a paragraph of the article body text.</p></div>
      ${prose(2, 'bridge')}</article></main></body></html>`;
    const run = (url: string) => {
      const result = extractArticle(new JSDOM(html, { url }).window.document, { url });
      if (!result.ok) throw new Error(result.message);
      return result.article.textContent;
    };
    expect(run('https://example.org/a')).toContain('More on this story');
    expect(run('https://www.bbc.com/news/a')).not.toContain('More on this story');
  });
});

describe('describing a removed block', () => {
  test('stable names: words yes, build hashes no', () => {
    for (const name of ['newsletter-promo', 'related_links', 'promo']) expect(isStableName(name), name).toBe(true);
    for (const name of ['css-1x2b3c', 'sc-bdfBwQ', 'Article_promo__3kd9F', 'promo-3kd9f', 'x1', 'a123'])
      expect(isStableName(name), name).toBe(false);
  });

  test('found by its text on the live page, named by its stable class, validated by the caller', () => {
    const d = doc(
      `<article>${prose(3)}<aside class="newsletter-promo css-9x8y7z"><p>Get the morning briefing in your inbox.</p></aside></article>`,
    );
    expect(findBlock(d, 'Get the morning  briefing in your inbox.')?.localName).toBe('p');
    const tried: string[] = [];
    const rule = describeBlock(d, 'Get the morning briefing in your inbox.', (r) => {
      tried.push(r.kind === 'selector' ? r.selector : `text:${r.text}`);
      return true;
    });
    expect(rule).toEqual({ kind: 'selector', selector: 'aside.newsletter-promo' });
    expect(tried).toEqual(['aside.newsletter-promo']);
  });

  test('a class shared by every paragraph is not a name for one block: the text is used instead', () => {
    const d = doc(`<article>${prose(6).replaceAll('<p>', '<p class="body-text">')}</article>`);
    const text = d.querySelectorAll('p')[2]!.textContent!;
    expect(describeBlock(d, text, () => true)).toEqual({ kind: 'text', text: normalizeBlockText(text) });
  });

  test('when the caller refuses every name, the text fingerprint is tried, and may be refused too', () => {
    const d = doc('<div class="promo-box"><p>Subscribe today.</p></div>');
    expect(describeBlock(d, 'Subscribe today.', (r) => r.kind === 'text')).toEqual({
      kind: 'text',
      text: 'subscribe today.',
    });
    expect(describeBlock(d, 'Subscribe today.', () => false)).toBeNull();
    expect(describeBlock(d, '   ', () => true)).toBeNull();
  });

  test("a tag name is never pasted into a selector unchecked: <a,* class=promo> does not become 'a,*.promo'", () => {
    const d = doc(
      `<article>${prose(3)}<a,* class="promo"><p>Get the morning briefing in your inbox.</p></a,*></article>`,
    );
    expect(d.querySelector('.promo')?.localName).toBe('a,*');
    const tried: string[] = [];
    describeBlock(d, 'Get the morning briefing in your inbox.', (r) => {
      if (r.kind === 'selector') tried.push(r.selector);
      return false;
    });
    for (const selector of tried) {
      expect(selector).not.toContain(',');
      expect(selector).not.toContain('*');
    }
  });
});

// @vitest-environment jsdom
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from './extract-article';
import { mainText, preferMainText } from './main-text';

const URL_ = 'https://forum.example/t/late-ferry/42';
const parse = (body: string) =>
  new JSDOM(`<html><head><title>Late ferry</title></head><body>${body}</body></html>`, { url: URL_ }).window.document;
const post = (who: string, text: string) =>
  `<div class="crawler-post"><div class="meta"><span>${who}</span><time>May 5, 2024</time></div>` +
  `<div class="post"><p>${text}</p></div></div>`;
const REPLY = 'The late ferry was cancelled again tonight; does anyone know whether the timetable changes on Monday?';
const ANSWER = 'It does: the council voted for a later crossing, and the pier office has the new times printed out.';

describe('the last resort: the page’s main text when Readability finds nothing', () => {
  it('reads a forum thread that the page keeps in <noscript> for readers without scripts', () => {
    // A forum app: a loading splash, and the thread itself only in the no-script view.
    const body =
      '<section id="splash"><div class="dots"></div><script>draw()</script></section>' +
      '<noscript><header><a href="/">Island forum</a></header>' +
      `<div id="main-outlet" role="main"><h1>Late ferry</h1>${post('ana', REPLY)}${post('ben', ANSWER)}</div>` +
      '<footer><a href="/about">About</a> Powered by a forum app</footer></noscript>';
    const result = extractArticle(parse(body), { url: URL_, copy: () => parse(body) });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.article.textContent).toContain(REPLY);
    expect(result.article.textContent).toContain(ANSWER);
    expect(result.article.textContent).not.toContain('Powered by');
    expect(result.article.notice).toMatch(/as found/);
    // Blocks stay blocks: each post's text on its own line.
    expect(result.article.textContent.split('\n')).toContain(ANSWER);
  });

  it('reads a page streamed inside a hidden block for a script to reveal', () => {
    const html =
      '<div class="shell"><nav><a href="/">Home</a><a href="/blog">Blog</a></nav></div>' +
      `<div hidden id="S:0"><main><h1>Ferry tips</h1><p>${REPLY}</p><p>${ANSWER}</p></main></div>` +
      '<div hidden id="menu"><a href="/login">Log in</a></div>';
    const result = extractArticle(parse(html), { url: URL_ });
    expect(result.ok && result.article.textContent).toContain(ANSWER);
    expect(result.ok && result.article.textContent).not.toContain('Log in');
  });

  it('keeps hidden menus, navigation and scripts out, and the text shown (no hiding attribute left)', () => {
    const doc = parse(
      `<div hidden><nav>Home Blog About</nav><main style="display:none"><p>${REPLY}</p>` +
        `<div aria-hidden="true">Share on social networks</div><p>${ANSWER}</p><script>track()</script></main></div>`,
    );
    const main = mainText(doc.body);
    expect(main.tagName).toBe('MAIN');
    expect(main.textContent).not.toMatch(/Share on|track\(|Home Blog/);
    expect(main.outerHTML).not.toMatch(/hidden|display/);
  });

  it('does not read the markup a live page keeps as text inside <noscript>', () => {
    const doc = parse(`<p>${REPLY}</p>`);
    const noscript = doc.createElement('noscript');
    noscript.textContent = '<img src="/pixel.gif"> Please turn on JavaScript';
    doc.body.append(noscript);
    expect(mainText(doc.body).textContent).not.toContain('JavaScript');
  });

  it('keeps a page that is one big form (its text is the form)', () => {
    const doc = parse(`<form action="/post"><div><p>${REPLY}</p><p>${ANSWER}</p></div></form>`);
    expect(mainText(doc.body).textContent).toContain(ANSWER);
  });

  it('is preferred to nothing, and to a fragment many times shorter, never to a real find', () => {
    expect(preferMainText(null, 500)).toBe(true);
    expect(preferMainText(40, 500)).toBe(true);
    expect(preferMainText(300, 600)).toBe(false);
    expect(preferMainText(2_000, 20_000)).toBe(false);
    expect(preferMainText(null, 0)).toBe(false);
  });

  it("is preferred to a find Qari called short, when it is four times longer than Qari's find", () => {
    // Readability's 2,000 characters are sure on their own; Qari's own find was a 450-character fragment of the page.
    expect(preferMainText(2_000, 20_000, 450)).toBe(true);
    expect(preferMainText(2_000, 1_500, 450)).toBe(false);
    expect(preferMainText(2_000, 20_000)).toBe(false);
  });
});

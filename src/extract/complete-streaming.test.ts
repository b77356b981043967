import { expect, test } from 'vitest';
import { completeStreaming } from './complete-streaming';
import { extractArticle } from './extract-article';

function page(body: string): Document {
  return new DOMParser().parseFromString(
    `<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`,
    'text/html',
  );
}

/** The page's text nodes in order (scripts left out), one space between them. */
function text(doc: Document): string {
  const words: string[] = [];
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode())
    if (node.parentElement?.localName !== 'script' && node.nodeValue!.trim()) words.push(node.nodeValue!.trim());
  return words.join(' ');
}

// The shape React's server renderer streams (react-dom/server, as Next.js sends it): the shell with a pending
// boundary around its fallback, the content hidden at the end of the body, and the call that moves it in.
const STREAMED = `
  <main><h1>Title</h1><p>Intro paragraph.</p>
    <!--$?--><template id="B:0"></template><div>Loading paragraph...</div><!--/$-->
    <p>Middle paragraph.</p>
    <!--$?--><template id="B:1"></template><div>Loading <!--$--><span>nested</span><!--/$--> fallback</div><!--/$-->
    <p>Closing paragraph.</p></main>
  <div hidden id="S:1"><p>Second streamed part.</p></div>
  <script>$RC=function(b,c,e){/* React's runtime */};$RC("B:1","S:1")</script>
  <div hidden id="S:0"><p>First streamed part, <a href="/x">with a link</a>.</p></div>
  <script>$RC("B:0","S:0")</script>`;

test('streamed parts take the place of their fallbacks, in the order the page reads', () => {
  const doc = page(STREAMED);
  expect(completeStreaming(doc)).toBe(2);
  expect(text(doc)).toBe(
    'Title Intro paragraph. First streamed part, with a link . Middle paragraph. Second streamed part. Closing paragraph.',
  );
  expect(doc.querySelector('[hidden], template')).toBeNull();
  expect(doc.querySelector('main')!.querySelectorAll('p')).toHaveLength(5);
});

test('a segment fills its placeholder ($RS), and a boundary inside a segment completes after it', () => {
  const doc = page(`
    <article><p>Lead.</p><template id="P:2"></template><p>End.</p></article>
    <div hidden id="S:2"><p>Segment.</p><!--$?--><template id="B:3"></template><p>Loading…</p><!--/$--></div>
    <script>$RS("S:2","P:2")</script>
    <div hidden id="S:3"><p>Inner content.</p></div>
    <script>$RR("B:3","S:3",[["/style.css","high"]])</script>`);
  expect(completeStreaming(doc)).toBe(2);
  expect(text(doc)).toBe('Lead. Segment. Inner content. End.');
});

test('without the comments around a boundary, the content goes where the placeholder was and the fallback stays', () => {
  const doc = page(`<div><p>A.</p><template id="B:0"></template><div>Loading…</div><p>C.</p></div>
    <div hidden id="S:0"><p>B.</p></div><script>$RC("B:0","S:0")</script>`);
  expect(completeStreaming(doc)).toBe(1);
  expect(text(doc)).toBe('A. B. Loading… C.');
});

test('a page without the calls (scripts stripped), or without placeholders, is left as it is', () => {
  for (const body of [
    `<div><template id="B:0"></template><div>Loading…</div></div><div hidden id="S:0"><p>Hidden part.</p></div>`,
    `<p>Plain page.</p><div hidden id="S:0"><p>Hidden.</p></div><script>$RC("B:0","S:0")</script>`,
  ]) {
    const doc = page(body);
    const before = doc.body.innerHTML;
    expect(completeStreaming(doc)).toBe(0);
    expect(doc.body.innerHTML).toBe(before);
  }
});

test('calls naming elements that are not there, or scripts that only mention $R, change nothing', () => {
  const doc = page(`<div><!--$?--><template id="B:0"></template><p>Loading…</p><!--/$--></div>
    <script>$RC("B:9","S:9"); var price = "$R" + "5";</script><script src="/app.js">$RC("B:0","S:0")</script>`);
  const before = doc.body.innerHTML;
  expect(completeStreaming(doc)).toBe(0);
  expect(doc.body.innerHTML).toBe(before);
});

test('the extraction reads a streamed article read from its bytes whole, without its "Loading…" fallbacks', () => {
  const paragraph = (n: number) =>
    `<p>Paragraph ${n} of the guide explains one step in full sentences, long enough to be read as the article's prose by every pass.</p>`;
  const parts = [1, 2, 3, 4, 5, 6];
  const doc = page(`
    <header><nav><a href="/">Home</a><a href="/guides">Guides</a></nav></header>
    <main><article><h1>How index funds work</h1>${paragraph(0)}
      ${parts.map((n) => `<!--$?--><template id="B:${n}"></template><div>Loading paragraph...</div><!--/$-->`).join('')}
    </article></main>
    ${parts.map((n) => `<div hidden id="S:${n}">${paragraph(n)}</div><script>$RC("B:${n}","S:${n}")</script>`).join('')}`);
  const result = extractArticle(doc, { url: 'https://guides.example/index-funds' });
  expect(result.ok).toBe(true);
  if (!result.ok) return;
  for (const n of [0, ...parts]) expect(result.article.textContent).toContain(`Paragraph ${n} of the guide`);
  expect(result.article.textContent).not.toContain('Loading paragraph');
  expect(result.article.textContent.indexOf('Paragraph 1 ')).toBeLessThan(
    result.article.textContent.indexOf('Paragraph 6 '),
  );
});

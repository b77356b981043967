import { expect, test } from 'vitest';
import { extractArticle } from './extract-article';
import { revealPanels } from './reveal-panels';

function page(body: string): Document {
  return new DOMParser().parseFromString(`<!doctype html><html><body>${body}</body></html>`, 'text/html');
}

// An FAQ as the ARIA disclosure pattern writes it (and as WordPress accordion blocks and Shopify themes ship it).
const FAQ = `
  <main><h1>Solar panel installation: what to expect</h1>
    <div class="accordion">
      <h3><button aria-expanded="false" aria-controls="a1" id="q1">How long does installation take?</button></h3>
      <div id="a1" role="region" aria-labelledby="q1" style="display:none;"><p>Most homes take one to three days.</p></div>
      <h3><button aria-expanded="false" aria-controls="a2">Do I need a permit?</button></h3>
      <div id="a2" hidden><p>Yes: your installer files it with the city.</p></div>
      <h3><button aria-expanded="false" aria-controls="a3">What about tax credits?</button></h3>
      <div id="a3" aria-hidden="true" class="panel"><p>Check your state's incentives early.</p></div>
      <h3><button aria-expanded="true" aria-controls="a4">Open already</button></h3>
      <div id="a4"><p>Shown.</p></div>
    </div></main>`;

test("an FAQ's collapsed answers are shown: hidden, display none and aria-hidden all undone", () => {
  const doc = page(FAQ);
  expect(revealPanels(doc)).toBe(3);
  for (const id of ['a1', 'a2', 'a3']) {
    const panel = doc.getElementById(id)!;
    expect(panel.hasAttribute('hidden')).toBe(false);
    expect(panel.getAttribute('aria-hidden')).toBeNull();
    expect(panel.getAttribute('style') ?? '').not.toMatch(/display/);
  }
  expect(doc.getElementById('a1')!.getAttribute('role')).toBe('region');
  expect(doc.getElementById('a3')!.className).toBe('panel');
});

test('only the display declaration goes from a panel style', () => {
  const doc = page(
    `<button aria-expanded="false" aria-controls="p">More</button><div id="p" style="color: red; display: none !important; margin: 0">Text</div>`,
  );
  expect(revealPanels(doc)).toBe(1);
  expect(doc.getElementById('p')!.getAttribute('style')).toBe('color: red; margin: 0');
});

test("the page's controls stay closed: menus, dialogs, listboxes, search, and anything in the navigation or header", () => {
  const doc = page(`
    <header><button aria-expanded="false" aria-controls="menu">Menu</button></header>
    <div id="menu" hidden><a href="/news">News</a><a href="/sport">Sport</a></div>
    <nav><button aria-expanded="false" aria-controls="sub">Topics</button><ul id="sub" hidden><li>Politics</li></ul></nav>
    <main>
      <button aria-expanded="false" aria-controls="share">Share</button><div id="share" role="dialog" hidden>Copy link</div>
      <button aria-expanded="false" aria-controls="sizes">Size</button><ul id="sizes" role="listbox" hidden><li>M</li></ul>
      <button aria-expanded="false" aria-controls="more">More</button><div id="more" role="menu" hidden>Report</div>
      <button aria-expanded="false" aria-controls="foot">Contact</button>
    </main>
    <footer><div id="foot" hidden>Our offices</div></footer>
    <button aria-expanded="false" aria-controls="missing">Nothing</button>
    <div id="self" hidden><button aria-expanded="false" aria-controls="self">Inside its own panel</button></div>`);
  const before = doc.body.innerHTML;
  expect(revealPanels(doc)).toBe(0);
  expect(doc.body.innerHTML).toBe(before);
});

test("the extraction keeps an FAQ page's collapsed answers", () => {
  const answer = (n: number) =>
    `Answer ${n}: installers in most states finish a home system within a few days, once the permit is approved and the panels are delivered to the site.`;
  const items = [1, 2, 3, 4, 5]
    .map(
      (n) =>
        `<h3><button aria-expanded="false" aria-controls="faq-${n}">Question ${n}?</button></h3><div id="faq-${n}" role="region" style="display:none"><p>${answer(n)}</p></div>`,
    )
    .join('');
  const doc = page(
    `<main><h1>Solar questions</h1><p>${answer(0)}</p><section class="faq">${items}</section></main><footer><a href="/">Home</a></footer>`,
  );
  const result = extractArticle(doc, { url: 'https://solar.example/faq' });
  expect(result.ok).toBe(true);
  if (result.ok) for (const n of [0, 1, 2, 3, 4, 5]) expect(result.article.textContent).toContain(`Answer ${n}:`);
});

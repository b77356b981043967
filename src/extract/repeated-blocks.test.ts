// @vitest-environment jsdom
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { extractArticle } from './extract-article';
import { removeRepeatedBlocks } from './repeated-blocks';
import { measureTextWeight } from './text-weight';

const PARAS = [
  'Winter sailings between the mainland and the north isles will drop from four a day to two from 1 November, the operator confirmed on Tuesday.',
  'Islanders had asked for the late Friday ferry to be kept for hospital patients and staff, and the operator said that crossing would stay.',
  'The council said it would press the government for funding to restore the full timetable before the summer season begins next year.',
  'A review of the timetable, covering fares and the age of the fleet, will be published in March after a second round of consultation.',
  'Hauliers warned that fewer sailings would mean fish and livestock waiting longer at the pier, and asked for freight to be given priority.',
  'The operator said two of its older vessels would be in dry dock over the winter, which left it unable to run the full timetable safely.',
  'A petition against the cut has gathered more than three thousand signatures, about half the population of the islands served by the route.',
  'Councillors will meet the operator again in January, when the first month of the reduced timetable can be judged on its punctuality.',
];
const story = (paras: readonly string[]) => paras.map((p) => `<p>${p}</p>`).join('');

function run(html: string) {
  const doc = new JSDOM(`<body><div id="root">${html}</div></body>`).window.document;
  const root = doc.getElementById('root')!;
  const removed = removeRepeatedBlocks(root, measureTextWeight(root));
  return { removed, text: (root.textContent ?? '').replace(/\s+/g, ' ').trim() };
}

const count = (text: string, needle: string) => text.split(needle).length - 1;

describe('removeRepeatedBlocks', () => {
  it('keeps one copy of an article a page builder ships once per screen size', () => {
    // Real page shape: WCXB dev 0355 (the same 2,700-word article in three wrappers, two hidden by media queries).
    const copy = `<div class="elementor-widget-container"><h2>Winter timetable</h2>${story(PARAS)}</div>`;
    const { removed, text } = run(`<div class="desktop">${copy}</div><div class="tablet">${copy}</div>${copy}`);
    expect(removed).toBe(2);
    for (const p of PARAS) expect(count(text, p)).toBe(1);
  });

  it('keeps a block and its own wrapper, and a short block the page repeats on purpose', () => {
    // Offer terms under each offer, a plan's warm-up in every week (WCXB dev 0148, 4116): the truth keeps them.
    const terms = `<div class="terms"><p>${PARAS[6]}</p></div>`;
    const { removed, text } = run(
      `<section><div><div>${story(PARAS.slice(0, 4))}</div></div></section>` +
        `<div class="offer"><h3>Winter saver</h3>${terms}</div><div class="offer"><h3>Island pass</h3>${terms}</div>` +
        story(PARAS.slice(4, 6)),
    );
    expect(removed).toBe(0);
    expect(count(text, PARAS[6]!)).toBe(2);
    for (const p of PARAS.slice(0, 6)) expect(count(text, p)).toBe(1);
  });

  it('runs in the extraction: the reader shows the article once', () => {
    const copy = `<div class="e-con"><div class="elementor-text-editor">${story(PARAS)}</div></div>`;
    const doc = new JSDOM(
      `<html><head><title>Ferry timetable cut for winter</title></head><body><main>` +
        `<h1>Ferry timetable cut for winter</h1><div class="elementor-hidden-mobile">${copy}</div>` +
        `<div class="elementor-hidden-desktop">${copy}</div></main></body></html>`,
      { url: 'https://www.harbourherald.example/news/ferry-timetable-cut' },
    ).window.document;
    const result = extractArticle(doc, { url: doc.URL });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    for (const p of PARAS) expect(count(result.article.textContent, p)).toBe(1);
  });
});

/**
 * A generated page of enormous clutter with a real article in the middle: header mega-menu, rails of teaser cards,
 * a comment thread and a footer link farm around one <article>. `elements` sets the size: 200,000 elements gives
 * a page of about 20 MB. Deterministic (seeded), so timings are comparable between runs.
 */
import { int, mulberry32, pick, type Rng } from './generators';

export const ARTICLE_OPENING = 'The harbour authority voted on Thursday to rebuild the north breakwater';
export const ARTICLE_CLOSING = 'the first stones are due to be lowered into place next spring';

const ARTICLE = `<article class="story" id="story">
<h1>Harbour authority approves rebuild of the storm-damaged north breakwater</h1>
<p class="byline">By Morgan Ellis · 12 March 2025</p>
<p>${ARTICLE_OPENING} after two winters of storm damage left the old wall cracked along most of its length, ending a debate that has divided fishermen, residents and the town council for almost three years.</p>
<p>The new breakwater will follow the line of the old one but stand a metre and a half higher, with a wider base of rock armour on the seaward side. Engineers say it is designed for the waves the harbour can expect in fifty years, not the waves it saw fifty years ago.</p>
<p>The cost, estimated at 38 million, will be shared between the authority, the regional government and a national coastal resilience fund, which approved its share in January after a second round of modelling.</p>
<h2>Fishermen win a wider entrance</h2>
<p>The fishing cooperative had argued that the first design would narrow the harbour mouth and make it dangerous to enter in a northerly swell. The approved plan keeps the entrance at its current width and adds a second navigation light on the end of the wall.</p>
<p>Residents of the streets behind the harbour, whose cellars flooded twice last winter, asked for the work to start before next autumn. The authority said that was not possible because the rock must be quarried and shipped in calm weather, and ${ARTICLE_CLOSING}.</p>
</article>`;

const WORDS =
  'the of and to in council harbour storm town wall new plan water road school price market team season win said will year week'.split(
    ' ',
  );

function words(rng: Rng, n: number): string {
  return Array.from({ length: n }, () => pick(rng, WORDS)).join(' ');
}

/** One teaser card: 6 elements, about 450 bytes. */
function card(rng: Rng, i: number): string {
  return `<div class="card card--${i % 7}" data-id="${i}"><a class="card__link" href="/news/${2020 + (i % 5)}/${i}/${words(rng, 3).replace(/ /g, '-')}"><img class="card__img" src="/img/thumb-${i % 50}.jpg" alt="" width="160" height="90" loading="lazy"><h3 class="card__title">${words(rng, int(rng, 5, 11))}</h3></a><p class="card__blurb">${words(rng, int(rng, 14, 30))}</p><span class="card__time">${int(rng, 1, 23)} hours ago</span></div>`;
}

/** One comment: 6 elements, about 2 KB (long comments make the page heavy in text, as real threads do). */
function comment(rng: Rng, i: number): string {
  return `<li class="reply" id="r${i}"><div class="reply__head"><b class="reply__who">reader${i}</b><time datetime="2025-03-12T10:${String(i % 60).padStart(2, '0')}">${i % 60} min ago</time></div><p class="reply__text">${words(rng, int(rng, 250, 400))}</p><button class="reply__like">Like</button></li>`;
}

export interface HugePage {
  html: string;
  elements: number;
  bytes: number;
}

export function hugePage(targetElements: number, seed = 42): HugePage {
  const rng = mulberry32(seed);
  const parts: string[] = [
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Harbour authority approves rebuild of the storm-damaged north breakwater - The Coast Gazette</title>',
    '<meta property="og:title" content="Harbour authority approves rebuild of the storm-damaged north breakwater"><meta property="og:site_name" content="The Coast Gazette"></head><body>',
  ];
  let elements = 8;
  // Mega-menu: 1 + 2 per link.
  const menu = Math.max(50, Math.floor(targetElements * 0.02) >> 1);
  parts.push('<header><nav class="mega-menu"><ul>');
  for (let i = 0; i < menu; i++) parts.push(`<li><a href="/section/${i}">${words(rng, 2)}</a></li>`);
  parts.push('</ul></nav></header>');
  elements += 3 + menu * 2;
  // Rails of cards before the article (about 45% of the elements), the article, comments (15%), rails after (rest).
  const cardsBefore = Math.floor((targetElements * 0.45) / 6);
  const comments = Math.floor((targetElements * 0.15) / 6);
  const railDiv = (n: number, offset: number) => {
    const out: string[] = [];
    for (let r = 0; r < n; r += 40) {
      out.push(`<section class="rail"><h2 class="rail__title">${words(rng, 2)}</h2><div class="rail__cards">`);
      for (let i = r; i < Math.min(n, r + 40); i++) out.push(card(rng, offset + i));
      out.push('</div></section>');
      elements += 3;
    }
    elements += n * 6;
    return out.join('');
  };
  parts.push(`<main><div class="rails rails--top">${railDiv(cardsBefore, 0)}</div>`);
  parts.push(ARTICLE);
  elements += 11;
  parts.push('<section class="thread"><h2>Readers reply</h2><ol class="thread__list">');
  for (let i = 0; i < comments; i++) parts.push(comment(rng, i));
  parts.push('</ol></section>');
  elements += 3 + comments * 6;
  const cardsAfter = Math.max(0, Math.floor((targetElements - elements - 200) / 6));
  parts.push(`<div class="rails rails--bottom">${railDiv(cardsAfter, cardsBefore)}</div></main>`);
  parts.push('<footer><ul class="footer-links">');
  for (let i = 0; i < 60; i++) parts.push(`<li><a href="/page/${i}">${words(rng, 2)}</a></li>`);
  parts.push('</ul><p>© 2025 The Coast Gazette</p></footer></body></html>');
  elements += 122;
  const html = parts.join('');
  return { html, elements, bytes: Buffer.byteLength(html) };
}

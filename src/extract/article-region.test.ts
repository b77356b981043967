// @vitest-environment jsdom
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { articleRegion, repeatedProse, withoutUnread } from './article-region';
import { extractArticle } from './extract-article';

// Real page shape: WCXB dev 0389 (an AsciiDoc progress report: sibling `sect1` sections, most of them lists of
// links). Readability scores the sections one by one and picks the sponsors' thanks; Qari's passes keep its prose
// sections but lose the lists, 354 of its 1,439 words.
const sect = (id: string, h: string, body: string) =>
  `<div class="sect1"><h2 id="${id}">${h}</h2><div class="sectionbody">${body}</div></div>`;
const para = (t: string) => `<div class="paragraph"><p>${t}</p></div>`;
const links = (items: string[]) =>
  `<div class="ulist"><ul>${items.map((t, i) => `<li><p><a href="https://forge.example/pulls/${i}">${t}</a></p></li>`).join('')}</ul></div>`;
const page = `<html><head><title>Ferry timetable tool: progress report #12</title></head><body>
<header><a href="/"><h1>Isla's Blog</h1></a><nav><a href="/">Home</a><a href="/about">About</a></nav></header>
<main><article><h2>Ferry timetable tool: progress report #12</h2><time>17 Dec 2025</time><div class="content">
${sect('what', 'What is the timetable tool?', para('The timetable tool reads the operator’s published sailings, checks them against the harbour’s tide tables, and prints a timetable that islanders can trust, with every change since the last one marked in the margin.'))}
${sect('changes', 'Changes this month', para('There has been good progress on the parser these past weeks.') + para('Several changes were sent for review:') + links(['Parse the winter timetable’s footnotes', 'Read sailings that cross midnight', 'Mark sailings cancelled by weather', 'Support the new freight-only crossings', 'Show the tide window beside each sailing', 'Fix the date of the first Sunday sailing', 'Keep the harbour master’s notes with each sailing', 'Print the timetable in large type', 'Warn when a sailing needs booking ahead', 'Read the operator’s holiday timetable']) + para('Also, a few changes were merged:') + links(['Show the last sailing of the day in bold', 'Add the Sunday timetable for the north isles', 'Handle the spring tides that move the morning sailing', 'Read the timetables the operator prints as tables', 'List the ports of call in order', 'Print the fares beside each crossing', 'Fix sailings listed twice in the spring timetable', 'Add the winter freight timetable']) + para('And these are waiting for a second review:') + links(['Read the timetable for the new pier at Kirkwall', 'Mark the sailings that carry livestock', 'Show which sailings the old vessels run', 'Print a timetable for each island on its own page', 'Warn when the last sailing leaves before the last bus arrives', 'Add the timetable for the summer excursions']) + para('The tests now cover:') + links(['The winter timetable of 2023 and its footnotes', 'The spring timetable with its tide windows', 'The freight timetable and its booking rules', 'The holiday timetable and its extra sailings', 'The Sunday timetable for the north isles', 'The timetable of the new pier at Kirkwall']) + para('I sent every change that was ready, in the hope that the tool can follow the operator’s timetable before the winter one starts.'))}
${sect('next', 'What is next', para('Next month I will look at the summer timetable, which has twice the sailings and a different set of footnotes, and at printing the timetable in Gaelic as well as English.'))}
${sect('thanks', 'Thanks', para('I want to thank everyone who sponsors this project: your support, small or large, keeps it going.') + para('A special thanks to the following sponsors:') + `<div class="ulist"><ul>${['Harbour Trust', 'Isle Council', 'North Ferries Users'].map((n) => `<li><p>${n}</p></li>`).join('')}</ul></div>` + para('A big thank you to Morag, for her help, reviews and patience, and to Euan and Kirsty, who tested every timetable, on every island, in every kind of weather.') + para('And a big thank you to the rest of my sponsors:') + `<div class="ulist"><ul>${Array.from({ length: 40 }, (_, i) => `<li><p>sponsor${i}</p></li>`).join('')}</ul></div>`)}
</div></article></main><footer><p>© Isla</p></footer></body></html>`;
const url = 'https://isla.example/timetable-report-12';
const extract = (options = {}) => extractArticle(new JSDOM(page, { url }).window.document, { url, ...options });

describe('the content region (article-region.ts)', () => {
  it('shows the whole <article> when the find is a section of it', () => {
    const plain = extract({ passes: false });
    expect(plain.ok && plain.article.textContent).not.toContain('Read sailings that cross midnight');
    // Qari's passes alone keep the prose sections but not the lists.
    const sections = extract({ skip: ['region'] });
    expect(sections.ok && sections.article.textContent).toContain('Next month I will look at the summer timetable');
    expect(sections.ok && sections.article.textContent).not.toContain('Read sailings that cross midnight');
    const result = extract();
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const text = result.article.textContent;
    for (const line of [
      'What is the timetable tool?',
      'Changes this month',
      'Read sailings that cross midnight',
      'Add the winter freight timetable',
      'The timetable of the new pier at Kirkwall',
      'Next month I will look at the summer timetable',
      'A big thank you to Morag',
    ])
      expect(text).toContain(line);
    expect(text).not.toContain("Isla's Blog"); // the site header is outside the region
  });

  it('leaves out what the page hides from readers, and keeps its collapsed panels', () => {
    // WCXB dev 4258: a "Copy as Markdown" button's source, the whole post again in a `<pre aria-hidden hidden>`
    // inside the region: shown, the post read twice (0.983 -> 0.618); left out as Readability leaves it out, 0.944.
    // A collapsed panel is the article's (4193: accordion answers in `display: none`).
    const hidden =
      '<pre aria-hidden="true" hidden># Ferry timetable tool, as Markdown for the copy button</pre>' +
      '<div aria-hidden="true">An icon font’s ligature text</div>' +
      '<div style="display: none"><p>The answer in a collapsed panel, opened by a click on its question.</p></div>';
    const withHidden = page.replace('</div></article></main>', `</div>${hidden}</article></main>`);
    const result = extractArticle(new JSDOM(withHidden, { url }).window.document, { url });
    expect(result.ok && result.article.textContent).toContain('Read sailings that cross midnight'); // widened
    for (const line of ['as Markdown for the copy button', 'ligature text'])
      expect(result.ok && result.article.textContent).not.toContain(line);
    expect(result.ok && result.article.textContent).toContain('The answer in a collapsed panel');
    const region = new JSDOM(
      `<main><p>Shown</p><p aria-hidden="true">Kept out</p><img aria-hidden="true" class="fallback-image"></main>`,
    ).window.document;
    const copy = withoutUnread(region.querySelector('main')!);
    expect(copy.textContent).toBe('Shown');
    expect(copy.querySelector('img')).not.toBeNull();
  });

  it('reads the region without its scripts, as Readability reads the page', () => {
    // WCXB dev 0153: a "The Latest" rail in the region whose cards each carry a JSON-LD script; their text made every
    // card too long to be a card, and the rail stayed (0.751; without the scripts, 0.843).
    const json = (n: number) =>
      `<script type="application/ld+json">${JSON.stringify({ '@type': 'Article', headline: `Harbour news ${n}`, description: 'A story from the harbour about ferries, tides, timetables and the people who keep them running every day of the year.' })}</script>`;
    const cards = [1, 2, 3, 4]
      .map(
        (n) => `<div class="card"><a href="/news/${n}"><h3>Harbour news headline number ${n}</h3></a>${json(n)}</div>`,
      )
      .join('');
    const withRail = page.replace(
      '</div></article></main>',
      `</div><div class="rail"><div class="list">${cards}</div></div></article></main>`,
    );
    const result = extractArticle(new JSDOM(withRail, { url }).window.document, { url });
    expect(result.ok && result.article.textContent).toContain('Read sailings that cross midnight'); // widened
    expect(result.ok && result.article.textContent).not.toContain('Harbour news headline');
  });

  it('is the marked block with the most text, not one inside it', () => {
    const doc = new JSDOM(
      `<body><article><p>${'A teaser. '.repeat(5)}</p></article><main><article><p>${'The story. '.repeat(40)}</p></article>` +
        `<aside>${'More. '.repeat(10)}</aside></main></body>`,
    ).window.document;
    const region = articleRegion(doc);
    expect(region?.el.tagName).toBe('MAIN');
    expect(region?.length).toBe((doc.querySelector('main')!.textContent ?? '').replace(/\s+/g, ' ').trim().length);
    expect(articleRegion(new JSDOM('<body><div><p>No marked region.</p></div></body>').window.document)).toBeNull();
  });

  it('measures how much of a text is prose it already said', () => {
    // orRegion keeps Readability's find when the region holds the article twice, in copies that differ somewhere
    // (a caption, a "Printed copy" line) so that the repeats pass cannot tell them: WCXB dev 4379, every paragraph
    // twice, 1.000 -> 0.662 shown whole; 0285, 0552 (replayed on the 153 dev pages the region rule changes: those
    // three change, all up).
    const line = (c: string) => c.repeat(90);
    expect(repeatedProse([line('a'), 'Printed copy', line('b'), line('a'), line('b')].join('\n'))).toBeCloseTo(1 / 2);
    expect(repeatedProse([line('a'), 'short', 'short', line('b')].join('\n'))).toBe(0); // labels are not prose
    expect(repeatedProse('')).toBe(0);
  });
});

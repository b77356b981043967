// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { blockText, isBlockTag } from './text-content';

function root(html: string): HTMLElement {
  const doc = new DOMParser().parseFromString(`<div id="root">${html}</div>`, 'text/html');
  return doc.getElementById('root')!;
}

describe('blockText', () => {
  it('puts each paragraph on its own line: no word glued to the next paragraph', () => {
    const el = root(
      `<h2>Tram extension approved</h2><p>The council voted on Tuesday.</p><p>Work starts in spring.</p>` +
        `<blockquote><p>"About time," said a trader.</p></blockquote>`,
    );
    // What textContent gives, and what this function exists to avoid.
    expect(el.textContent).toContain('Tuesday.Work');
    expect(blockText(el)).toBe(
      'Tram extension approved\nThe council voted on Tuesday.\nWork starts in spring.\n"About time," said a trader.',
    );
  });

  it('keeps inline elements on the same line and collapses source whitespace', () => {
    const el = root(`<p>The   council <strong>voted</strong>
      on <a href="/x">Tuesday</a>,  <em>again</em>.</p>`);
    expect(blockText(el)).toBe('The council voted on Tuesday, again.');
  });

  it('breaks lines at <br>', () => {
    const el = root(`<address>Harbour Herald<br>12 Quay Street<br>Kirkwall</address>`);
    expect(blockText(el)).toBe('Harbour Herald\n12 Quay Street\nKirkwall');
  });

  it('puts list items on separate lines', () => {
    const el = root(
      `<p>The new stops:</p><ul><li>Hospital</li><li>University <b>campus</b></li><li>Eastgate</li></ul>`,
    );
    expect(blockText(el)).toBe('The new stops:\nHospital\nUniversity campus\nEastgate');
  });

  it('separates text before and after a nested block', () => {
    const el = root(`<div>Intro line<div>Inner block</div>tail line</div>`);
    expect(blockText(el)).toBe('Intro line\nInner block\ntail line');
  });

  it('puts each table row on its own line', () => {
    const el = root(
      `<table><tr><th>Party</th><th>Seats</th></tr><tr><td>Green</td><td>12</td></tr><tr><td>Labour</td><td>9</td></tr></table>`,
    );
    expect(blockText(el).split('\n')).toHaveLength(3);
    expect(blockText(el).split('\n')[1]).toMatch(/^Green\s+12$/);
  });

  // A fixed bug: cells end with "\t", and flush() collapsed [ \t\r\n\f]+ to one space, so the tab was lost:
  // "Green 12" instead of "Green\t12".
  it('separates table cells within a row with a tab', () => {
    const el = root(
      `<table><tr><th>Party</th><th>Seats</th></tr><tr><td>Green</td><td>12</td></tr><tr><td>Labour</td><td>9</td></tr></table>`,
    );
    expect(blockText(el)).toBe('Party\tSeats\nGreen\t12\nLabour\t9');
  });

  it('keeps the line breaks of <pre>', () => {
    const el = root(`<p>Run:</p><pre><code>npm install\nnpm run build\nnpm test</code></pre><p>Done.</p>`);
    expect(blockText(el)).toBe('Run:\nnpm install\nnpm run build\nnpm test\nDone.');
  });

  // A fixed bug: flush() collapsed runs of spaces inside <pre> too (only newlines were protected, as U+2028), so
  // code lost its indentation: "def area(r):\n return …".
  it('keeps the indentation of <pre>', () => {
    const el = root(`<pre><code>def area(r):\n    return 3.14 * r * r</code></pre>`);
    expect(blockText(el)).toBe('def area(r):\n    return 3.14 * r * r');
  });

  it('skips script, style and noscript', () => {
    const el = root(
      `<p>Visible text.</p><script>var tracking = "pageview";</script><style>.x{color:red}</style>` +
        `<noscript><p>Enable JavaScript</p></noscript><p>More text.</p>`,
    );
    expect(blockText(el)).toBe('Visible text.\nMore text.');
  });

  it('accepts a document and gives empty text for an empty tree', () => {
    const doc = new DOMParser().parseFromString('<title>T</title><p>One</p><p>Two</p>', 'text/html');
    expect(blockText(doc.body)).toBe('One\nTwo');
    expect(blockText(root('<div><p> </p></div>'))).toBe('');
  });
});

describe('isBlockTag', () => {
  it('knows block and inline tags, in any case', () => {
    expect(isBlockTag('p')).toBe(true);
    expect(isBlockTag('LI')).toBe(true);
    expect(isBlockTag('span')).toBe(false);
    expect(isBlockTag('A')).toBe(false);
  });
});

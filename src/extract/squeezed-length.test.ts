import { expect, test } from 'vitest';
import { squeezedLength } from './squeezed-length';

const squeezed = (n: Node) => (n.textContent ?? '').replace(/\s+/g, ' ').trim().length;

function fragment(html: string): HTMLElement {
  return new DOMParser().parseFromString(`<div>${html}</div>`, 'text/html').body.firstElementChild as HTMLElement;
}

test('equals the length of the whitespace-collapsed, trimmed textContent', () => {
  const samples = [
    '',
    '   \n\t ',
    'one',
    '  one  two\n\nthree ',
    '<p> a </p><p>b</p>',
    '<p>a</p>\n<p>\n</p><span> b<b>c </b> d</span>',
    '<!-- a comment -->x<!--y-->',
    '<div><div><div>deep</div></div></div> <i> </i>',
    'no\u00a0break\u2003em\u3000ideographic\ufeffbom\u2028line\u200bzero-width',
    '\u00a0 lead and trail \u202f',
    '<script>var a = 1;</script><style>p{}</style>x',
    '<table><tr><td> a </td><td>b</td></tr></table>',
    'عربي ، نص  مع\u200cفاصلة',
  ];
  for (const html of samples) {
    const el = fragment(html);
    expect(squeezedLength(el), JSON.stringify(html)).toBe(squeezed(el));
    for (const child of Array.from(el.childNodes)) expect(squeezedLength(child)).toBe(squeezed(child));
  }
});

test('stops counting once past the cap, and is exact below it', () => {
  const el = fragment(`<p>${'word '.repeat(1000)}</p>`);
  expect(squeezedLength(el, 120)).toBeGreaterThan(120);
  expect(squeezedLength(el, 120)).toBeLessThan(125);
  expect(squeezedLength(fragment('<b> short </b> text'), 120)).toBe(10);
  expect(squeezedLength(fragment('  \n '), 0)).toBe(0);
  expect(squeezedLength(fragment(' \n x'), 0)).toBe(1);
});

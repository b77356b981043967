/**
 * Deterministic generators of malformed and hostile HTML for the robustness tests. Everything is driven by a
 * seeded PRNG (mulberry32): a failing case is reproduced from its generator name, seed and index alone.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export type Rng = () => number;

/** mulberry32: small, fast, good enough for test data; never Math.random. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const int = (rng: Rng, min: number, max: number) => min + Math.floor(rng() * (max - min + 1));
export const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)]!;
const chance = (rng: Rng, p: number) => rng() < p;

const TAGS = [
  'div',
  'p',
  'span',
  'a',
  'b',
  'i',
  'em',
  'strong',
  'section',
  'article',
  'main',
  'aside',
  'nav',
  'header',
  'footer',
  'h1',
  'h2',
  'h3',
  'h6',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'table',
  'thead',
  'tbody',
  'tr',
  'td',
  'th',
  'caption',
  'figure',
  'figcaption',
  'img',
  'picture',
  'source',
  'br',
  'hr',
  'pre',
  'code',
  'blockquote',
  'form',
  'input',
  'button',
  'select',
  'option',
  'textarea',
  'label',
  'iframe',
  'object',
  'embed',
  'video',
  'audio',
  'svg',
  'math',
  'template',
  'noscript',
  'script',
  'style',
  'title',
  'head',
  'body',
  'html',
  'frameset',
  'xmp',
  'plaintext',
  'listing',
  'marquee',
  'font',
  'center',
  'details',
  'summary',
  'dialog',
  'slot',
  'time',
  'amp-img',
  'x-foo',
  'my-element',
  'bdi',
  'bdo',
  'ruby',
  'rt',
  'wbr',
  'meta',
  'link',
  'base',
  'frame',
  'image',
] as const;

const CLASS_WORDS = [
  'share',
  'related',
  'comments',
  'content',
  'article',
  'body',
  'post',
  'entry',
  'sidebar',
  'promo',
  'ad',
  'newsletter',
  'most-read',
  'hidden',
  'sr-only',
  'visually-hidden',
  'caption',
  'byline',
  'author',
  'teaser',
  'card',
  'x',
  'css-1q8xk2r',
  'wp-block-group',
  'story',
  'text',
  'meta',
  'ticker',
  'cookie',
  'banner',
];

/** Names that shadow Document / HTMLFormElement properties when used as name or id (DOM clobbering). */
const CLOBBER = [
  'body',
  'documentElement',
  'querySelectorAll',
  'querySelector',
  'removeAttribute',
  'getAttribute',
  'cloneNode',
  'parentNode',
  'children',
  'childNodes',
  'firstChild',
  'tagName',
  'nodeType',
  'textContent',
  'title',
  'cookie',
  'forms',
  'images',
  'links',
  'head',
  'attributes',
  'className',
  'id',
  'length',
  'defaultView',
  'createElement',
];

const WORDS = [
  'the',
  'river',
  'council',
  'said',
  'on',
  'Tuesday',
  'that',
  'water',
  'levels',
  'had',
  'fallen',
  'again',
  'and',
  'قال',
  'المجلس',
  'إن',
  'مستوى',
  'المياه',
  'انخفض',
  'مجددا',
  'می‌شود',
  'کتاب‌ها',
  'است',
  'הוא',
  'אמר',
  'כי',
  'המים',
  'ירדו',
  'شہر',
  'میں',
  'ہے',
  'لە',
  'هەولێر',
  '٢٠٢٤',
  '١٢٪',
  '2024',
  '3.5%',
  'Readability',
  'Qari',
];

/** Code points that upset text handling: bidi controls, joiners, marks, noncharacters, NUL, BOM, astral. */
const NASTY = [
  '\u200e',
  '\u200f',
  '\u202a',
  '\u202b',
  '\u202c',
  '\u202d',
  '\u202e',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u061c',
  '\u200c',
  '\u200d',
  '\u200b',
  '\ufeff',
  '\u0000',
  '\ufffe',
  '\uffff',
  '\ufffd',
  '\u0301',
  '\u064b',
  '\u0651',
  '\u05b0',
  '\u0640',
  '\u2028',
  '\u2029',
  '\u00a0',
  '\u3000',
  '\r',
  '\t',
  '\f',
  '\v',
  '\u0085',
  '\ud800',
  '\udbff',
  '\udc00',
  '\udfff',
  '\ud83d\ude00',
  '\ud835\udc00',
  '\u{1f1f8}\u{1f1e6}',
  '&#0;',
  '&#xD800;',
  '&#1114112;',
  '&#x110000;',
  '&nbsp',
  '&amp',
  '&;',
  '&#;',
  '&#x;',
  '<',
  '>',
  '&',
  '"',
  "'",
  '`',
  '</',
  '<!',
  '<?',
  ']]>',
  '<![CDATA[',
  '-->',
  '<!--',
  '\\',
  '%00',
  '\u0085',
];

function randomText(rng: Rng, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) {
    out.push(chance(rng, 0.12) ? pick(rng, NASTY) : pick(rng, WORDS));
    if (chance(rng, 0.1)) out.push(pick(rng, [',', '،', '.', '۔', ';', '؛', '!', '?', '؟', ':']));
  }
  return out.join(chance(rng, 0.1) ? '' : ' ');
}

function randomCodePoints(rng: Rng, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) {
    const r = rng();
    if (r < 0.25) s += String.fromCodePoint(int(rng, 0x0600, 0x06ff));
    else if (r < 0.35) s += String.fromCodePoint(int(rng, 0x0590, 0x05ff));
    else if (r < 0.45) s += pick(rng, NASTY);
    else if (r < 0.5)
      s += String.fromCharCode(int(rng, 0xd800, 0xdfff)); // lone surrogate half
    else if (r < 0.55) s += String.fromCodePoint(int(rng, 0x10000, 0x10ffff));
    else if (r < 0.6) s += String.fromCodePoint(int(rng, 0, 0x1f));
    else if (r < 0.85) s += String.fromCodePoint(int(rng, 0x20, 0x7e));
    else s += String.fromCodePoint(int(rng, 0xa0, 0xffff));
  }
  return s;
}

const URLS = [
  '/img/a.jpg',
  'javascript:alert(1)',
  'data:text/html,<script>1</script>',
  '//evil.example/x',
  'http://[::1',
  'https://example.com/%E0%A4%A',
  'mailto:',
  '#',
  '?q=1',
  '../../../../etc/passwd',
  'http://',
  'https://ex ample.com',
  '\u202ehttps://example.com',
  'vbscript:x',
  'https://example.com/' + 'a'.repeat(3000),
  '',
  ' ',
  'about:blank',
];

function randomAttrs(rng: Rng): string {
  let s = '';
  const n = int(rng, 0, 4);
  for (let i = 0; i < n; i++) {
    const r = rng();
    if (r < 0.25) s += ` class="${Array.from({ length: int(rng, 1, 4) }, () => pick(rng, CLASS_WORDS)).join(' ')}"`;
    else if (r < 0.35) s += ` ${pick(rng, ['id', 'name'])}="${pick(rng, CLOBBER)}"`;
    else if (r < 0.45)
      s += ` ${pick(rng, ['href', 'src', 'data-src', 'srcset', 'data-srcset', 'poster', 'action'])}="${pick(rng, URLS)}"`;
    else if (r < 0.5)
      s += ` ${pick(rng, ['hidden', 'aria-hidden="true"', 'role="navigation"', 'role="main"', 'dir="rtl"', 'dir="ltr"', 'dir="auto"', 'lang="ar"', 'lang="x-\u202e"'])}`;
    else if (r < 0.55)
      s += ` style="${pick(rng, ['display:none', 'direction:rtl', 'visibility:hidden', 'x'.repeat(50)])}"`;
    else if (r < 0.6) s += ` ${pick(rng, ['onclick', 'onerror', 'onload'])}="throw 1"`;
    else if (r < 0.65) s += ` width="${pick(rng, ['-1', '1e309', 'NaN', '999999999999', '0', 'abc', '50%'])}"`;
    else if (r < 0.7)
      s += ` ${randomCodePoints(rng, 3).replace(/[\s"'>/=<]/g, 'x') || 'x'}="${randomCodePoints(rng, 5).replace(/"/g, '')}"`;
    else if (r < 0.75)
      s += ` class`; // attribute without value
    else if (r < 0.8)
      s += ` "broken`; // stray quote
    else s += ` data-x${i}='${randomText(rng, 2).replace(/'/g, '')}'`;
  }
  return s;
}

/** Random tag soup: unbalanced, mis-nested, unclosed, with comments, entities and raw-text elements. */
export function tagSoup(rng: Rng): string {
  const parts: string[] = [];
  if (chance(rng, 0.7))
    parts.push(pick(rng, ['<!DOCTYPE html>', '<!doctype html>', '<!DOCTYPE', '<!DOCTYPE html PUBLIC "x">']));
  if (chance(rng, 0.5)) parts.push(`<html${randomAttrs(rng)}>`);
  if (chance(rng, 0.4)) parts.push(`<title>${randomText(rng, int(rng, 0, 8))}</title>`);
  const tokenCount = int(rng, 10, 100);
  const open: string[] = [];
  for (let i = 0; i < tokenCount; i++) {
    const r = rng();
    if (r < 0.35) {
      const tag = pick(rng, TAGS);
      parts.push(`<${tag}${randomAttrs(rng)}${chance(rng, 0.05) ? '/' : ''}>`);
      open.push(tag);
    } else if (r < 0.5) {
      // close: usually the last open, sometimes a random one, sometimes nothing open at all
      const tag = open.length && chance(rng, 0.6) ? open.pop()! : pick(rng, TAGS);
      parts.push(`</${tag}${chance(rng, 0.05) ? ' x="y"' : ''}>`);
    } else if (r < 0.85) {
      // paragraphs long enough to be an article sometimes
      parts.push(randomText(rng, chance(rng, 0.3) ? int(rng, 30, 120) : int(rng, 1, 12)));
    } else if (r < 0.9) {
      parts.push(
        pick(rng, [
          '<!-- c -->',
          '<!--',
          '-->',
          '<!-->',
          '<![CDATA[x]]>',
          '<?php echo 1 ?>',
          '<!x>',
          '</>',
          '<>',
          '< p>',
          '<p <div>',
        ]),
      );
    } else if (r < 0.95) {
      parts.push(
        pick(rng, [
          '&amp;',
          '&lt;',
          '&#x202e;',
          '&#0;',
          '&#xD800;',
          '&#1114112;',
          '&nbsp',
          '&notin',
          '&unknown;',
          '&#99999999999;',
        ]),
      );
    } else {
      parts.push(`<p>${randomText(rng, int(rng, 40, 90))}`);
    }
  }
  return parts.join(chance(rng, 0.5) ? '' : '\n');
}

/** An article-shaped page whose text is random code points: bidi controls, surrogate halves, marks, RTL scripts. */
export function unicodeChaos(rng: Rng): string {
  const paragraphs = int(rng, 1, 12);
  const body: string[] = [];
  for (let i = 0; i < paragraphs; i++) {
    const tag = pick(rng, ['p', 'div', 'li', 'blockquote', 'h2', 'td', 'pre', 'figcaption']);
    body.push(
      `<${tag}${chance(rng, 0.3) ? ` dir="${pick(rng, ['rtl', 'ltr', 'auto', '\u202e'])}"` : ''}>${randomCodePoints(rng, int(rng, 10, 400))}</${tag}>`,
    );
  }
  const title = randomCodePoints(rng, int(rng, 0, 40)).replace(/[<&]/g, '');
  return `<!doctype html><html lang="${pick(rng, ['ar', 'he', 'fa', 'ur', 'ckb', 'en', '', 'xx-\u202e', 'ar-u-nu-arab', 'zz-Zzzz'])}"><head><meta charset="utf-8"><title>${title}</title><meta property="og:title" content="${title.replace(/"/g, '')}"></head><body><article>${body.join('\n')}</article></body></html>`;
}

const ARTICLE_PARAS = Array.from(
  { length: 6 },
  (_, i) =>
    `<p>Paragraph ${i + 1} of a perfectly ordinary article, with enough words in it, and commas, to look like prose to any extractor that counts them.</p>`,
).join('');

/** Ordinary article plus attributes of 100 KB to 1 MB (class lists, srcset, style, href, data-*). */
export function hugeAttributes(rng: Rng): string {
  const size = int(rng, 100_000, 1_000_000);
  const kind = int(rng, 0, 6);
  // At most 3,000 class tokens, each long: jsdom's DOMTokenList dedupes tokens with a linear scan (quadratic in the
  // token count; 62,500 tokens cost 15 s), a jsdom cost that browsers do not share, so the size comes from length.
  const tokens = Math.min(3000, Math.floor(size / 8));
  const filler = 'x'.repeat(Math.max(1, Math.floor(size / tokens) - 12));
  const classList = Array.from({ length: tokens }, (_, i) => `${pick(rng, CLASS_WORDS)}-${i}${filler}`).join(' ');
  const attr = [
    `class="${classList}"`,
    `srcset="${Array.from({ length: Math.floor(size / 20) }, (_, i) => `/img/a${i}.jpg ${i + 1}w`).join(', ')}"`,
    `style="${'color:red;'.repeat(Math.floor(size / 10))}"`,
    `href="https://example.com/${'a'.repeat(size)}"`,
    `data-json='${JSON.stringify({ a: 'x'.repeat(size) })}'`,
    `id="${'\u202e'.repeat(Math.floor(size / 3))}"`,
    `title="${randomCodePoints(rng, Math.floor(size / 4)).replace(/"/g, '')}"`,
  ][kind]!;
  const tag = pick(rng, ['div', 'img', 'a', 'p', 'section', 'source']);
  return `<!doctype html><html><head><title>Huge attributes ${kind}</title></head><body><main><h1>Huge attributes</h1><${tag} ${attr}>x</${tag}>${ARTICLE_PARAS}<div ${attr}>${ARTICLE_PARAS}</div></main></body></html>`;
}

/**
 * Deep nesting. `flat` tags are written 5,000 deep in the source, which the HTML parser closes implicitly (p, li,
 * a, option, h1, table, td…): hostile markup, shallow DOM. `deep` builds a really deep DOM of mixed containers.
 */
export const FLAT_TAGS = [
  'td',
  'form',
  'button',
  'h1',
  'select',
  'p',
  'li',
  'a href="/x"',
  'option',
  'h2',
  'table',
  'dd',
  'dt',
  'nobr',
];

export function deepNesting(rng: Rng, mode: 'flat' | 'deep', depth: number, flatTag?: string): string {
  const text = `${'Deep text, with commas, and words. '.repeat(int(rng, 1, 20))}`;
  if (mode === 'flat') {
    const tag = flatTag ?? pick(rng, FLAT_TAGS);
    const name = tag.split(' ')[0]!;
    const open = `<${tag}>`;
    return `<!doctype html><title>flat ${name}</title><body>${Array.from({ length: depth }, (_, i) => (i % 50 === 0 ? `${open}${text}` : open)).join('')}${text}${`</${name}>`.repeat(chance(rng, 0.5) ? depth : 0)}</body>`;
  }
  const opens: string[] = [];
  const closes: string[] = [];
  for (let i = 0; i < depth; i++) {
    const tag = pick(rng, ['div', 'span', 'section', 'article', 'blockquote', 'b', 'em', 'ul', 'main', 'font']);
    if (tag === 'ul') {
      opens.push('<ul><li>');
      closes.push('</li></ul>');
    } else {
      opens.push(`<${tag}${chance(rng, 0.2) ? randomAttrs(rng) : ''}>`);
      closes.push(`</${tag}>`);
    }
    if (chance(rng, 0.02)) opens.push(`<p>${text}</p>`);
  }
  return `<!doctype html><title>deep ${depth}</title><body>${opens.join('')}<p>${text}</p>${closes.reverse().join('')}</body>`;
}

// ---------------------------------------------------------------------------------------------------------------
// Corpus mutations.

export interface Fixture {
  slug: string;
  url: string;
  html: string;
}

export function loadFixtures(): Fixture[] {
  const root = resolve('test/fixtures');
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(root, d.name, 'source.html')))
    .map((d) => d.name)
    .sort()
    .map((slug) => ({
      slug,
      url: (JSON.parse(readFileSync(join(root, slug, 'checks.json'), 'utf8')) as { url: string }).url,
      html: readFileSync(join(root, slug, 'source.html'), 'utf8'),
    }));
}

/** Cut the page at a random byte offset (possibly inside a UTF-8 sequence, a tag, an attribute or an entity). */
export function truncateAtByte(rng: Rng, html: string): string {
  const bytes = Buffer.from(html, 'utf8');
  return bytes.subarray(0, int(rng, 0, bytes.length)).toString('utf8');
}

/**
 * Delete, duplicate, swap and move random subtrees and inject random tags, in place. Returns the ops applied.
 */
export function mutateDocument(rng: Rng, doc: Document): string[] {
  const ops: string[] = [];
  const all = () => Array.from(doc.body?.querySelectorAll('*') ?? []);
  const count = int(rng, 1, 12);
  for (let i = 0; i < count; i++) {
    const elements = all();
    if (elements.length < 2) break;
    const a = pick(rng, elements);
    const b = pick(rng, elements);
    const op = int(rng, 0, 5);
    try {
      if (op === 0) {
        a.remove();
        ops.push(`delete ${a.tagName}`);
      } else if (op === 1) {
        (chance(rng, 0.5) ? a : b).after(a.cloneNode(true));
        ops.push(`duplicate ${a.tagName}`);
      } else if (op === 2 && !a.contains(b) && !b.contains(a)) {
        const marker = doc.createComment('swap');
        a.replaceWith(marker);
        b.replaceWith(a);
        marker.replaceWith(b);
        ops.push(`swap ${a.tagName} ${b.tagName}`);
      } else if (op === 3 && !a.contains(b)) {
        b.append(a);
        ops.push(`move ${a.tagName} into ${b.tagName}`);
      } else if (op === 4) {
        // eslint-disable-next-line no-unsanitized/method -- test input: injecting random markup is the point
        a.insertAdjacentHTML(
          pick(rng, ['beforebegin', 'afterbegin', 'beforeend', 'afterend'] as const),
          tagSoup(rng).slice(0, 2000),
        );
        ops.push(`inject into ${a.tagName}`);
      } else {
        // unwrap: replace an element by its children
        a.replaceWith(...Array.from(a.childNodes));
        ops.push(`unwrap ${a.tagName}`);
      }
    } catch (error) {
      // Some ops are illegal on some nodes (HierarchyRequestError): that is the DOM refusing, not the extractor.
      ops.push(`refused: ${(error as Error).name}`);
    }
  }
  return ops;
}

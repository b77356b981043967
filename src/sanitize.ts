import DOMPurify, { type Config } from 'dompurify';
import { parseSrcset } from './extract/srcset';

/**
 * Article HTML comes from arbitrary pages: it is sanitized where it is inserted (the reader page), with an
 * allow-list of what an article needs. No scripts, no event handlers, no styles (they carry CSS-based
 * tricks and the page's clutter), no frames, forms or embeds, and URLs limited to safe schemes.
 */

const ALLOWED_TAGS = [
  'a',
  'abbr',
  'address',
  'article',
  'aside',
  'b',
  'bdi',
  'bdo',
  'blockquote',
  'br',
  'caption',
  'cite',
  'code',
  'col',
  'colgroup',
  'dd',
  'del',
  'details',
  'dfn',
  'div',
  'dl',
  'dt',
  'em',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'i',
  'img',
  'ins',
  'kbd',
  'li',
  'mark',
  'ol',
  'p',
  'picture',
  'pre',
  'q',
  'rp',
  'rt',
  'ruby',
  's',
  'samp',
  'section',
  'small',
  'source',
  'span',
  'strong',
  'sub',
  'summary',
  'sup',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'time',
  'tr',
  'u',
  'ul',
  'var',
  'wbr',
];
const ALLOWED_ATTR = [
  'alt',
  'cite',
  'colspan',
  'datetime',
  'dir',
  'height',
  'href',
  'id',
  'lang',
  'open',
  'reversed',
  'rowspan',
  'scope',
  'sizes',
  'span',
  'src',
  'srcset',
  'start',
  'title',
  'type',
  'width',
  'headers',
  'abbr',
];
/** http(s) and mail/phone links; images may also be data: (inline) and blob: (saved articles). */
const SAFE_URL = /^(?:https?:|mailto:|tel:|blob:|#|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;
const SAFE_IMAGE_URL = /^(?:https?:|blob:|data:image\/(?:png|jpe?g|gif|webp|avif|bmp);)/i;

const CONFIG: Config = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  ALLOWED_URI_REGEXP: SAFE_URL,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  // ids are kept for in-article anchors ("#section-2") but prefixed, so they cannot clobber the reader's globals.
  SANITIZE_DOM: true,
  SANITIZE_NAMED_PROPS: true,
  KEEP_CONTENT: true,
  FORBID_CONTENTS: [
    'script',
    'style',
    'template',
    'noscript',
    'iframe',
    'object',
    'embed',
    'svg',
    'math',
    'textarea',
    'select',
    'button',
    'form',
  ],
};

type Purifier = ReturnType<typeof DOMPurify>;
const configured = new WeakSet<Purifier>();

function configure(purify: Purifier): Purifier {
  if (configured.has(purify)) return purify;
  configured.add(purify);
  purify.addHook('afterSanitizeAttributes', (node) => {
    const el = node as Element;
    // URL attributes only where they mean a link or an image: a stray src on a <div> (Readability turns
    // unknown elements into divs) would resolve against the reader's own origin.
    if (el.tagName !== 'A') el.removeAttribute('href');
    if (el.tagName !== 'IMG' && el.tagName !== 'SOURCE')
      for (const attr of ['src', 'srcset', 'sizes']) el.removeAttribute(attr);
    if (el.tagName === 'A') {
      const href = el.getAttribute('href') ?? '';
      // blob: is for saved images only (the reader makes those URLs); a link never needs it.
      if (/^\s*blob:/i.test(href)) el.removeAttribute('href');
      else if (href.startsWith('#')) {
        // Follow the id prefixing done by SANITIZE_NAMED_PROPS so in-article anchors still work.
        if (href.length > 1 && !href.startsWith('#user-content-'))
          el.setAttribute('href', `#user-content-${href.slice(1)}`);
      } else {
        // Links open in the tab the reader lives in (the page's tab), never inside the reader frame.
        el.setAttribute('target', '_top');
        el.setAttribute('rel', 'noopener noreferrer');
      }
    }
    if (el.tagName === 'IMG' || el.tagName === 'SOURCE') {
      const src = el.getAttribute('src');
      if (src && !SAFE_IMAGE_URL.test(src)) el.removeAttribute('src');
      const srcset = el.getAttribute('srcset');
      if (srcset && parseSrcset(srcset).some((c) => !SAFE_IMAGE_URL.test(c.url))) el.removeAttribute('srcset');
      if (el.tagName === 'IMG') {
        el.setAttribute('loading', 'lazy');
        el.setAttribute('decoding', 'async');
        el.setAttribute('referrerpolicy', 'no-referrer');
      }
    }
    if (el.hasAttribute('type') && !/^(OL|SOURCE)$/.test(el.tagName)) el.removeAttribute('type');
    // <td headers="a b"> names header cells by id; ids were prefixed above, so the references follow.
    const headers = el.getAttribute('headers');
    if (headers) {
      el.setAttribute(
        'headers',
        headers
          .split(/\s+/)
          .filter(Boolean)
          .map((id) => (id.startsWith('user-content-') ? id : `user-content-${id}`))
          .join(' '),
      );
    }
  });
  return purify;
}

/** Sanitizes article HTML into a DocumentFragment owned by `window`'s document. */
export function sanitizeArticleHtml(
  html: string,
  window: Window & typeof globalThis = globalThis.window,
): DocumentFragment {
  const purify = configure(DOMPurify(window));
  return purify.sanitize(html, { ...CONFIG, RETURN_DOM_FRAGMENT: true });
}

/** Same, as a string: for the CLI, export and tests. */
export function sanitizeArticleHtmlToString(
  html: string,
  window: Window & typeof globalThis = globalThis.window,
): string {
  const purify = configure(DOMPurify(window));
  return purify.sanitize(html, { ...CONFIG, RETURN_DOM_FRAGMENT: false }) as unknown as string;
}

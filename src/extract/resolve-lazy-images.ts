import { parseSrcset, serializeSrcset } from './srcset';

/**
 * Lazy-loading sites ship a placeholder in `src` and the real image in a data attribute that their own
 * script swaps in; Readability and our reader never run that script, so we do the swap on the clone.
 * Also absolutises URLs so the article reads the same once it is out of the page (reader iframe, library).
 */

const LAZY_SRC_ATTRS = ['data-src', 'data-lazy-src', 'data-original', 'data-url', 'data-hi-res-src', 'data-lazy'];
const LAZY_SRCSET_ATTRS = ['data-srcset', 'data-lazy-srcset'];
const PLACEHOLDER =
  /^data:image\/(gif|png|svg\+xml)|(?:^|\/)(blank|spacer|pixel|placeholder|transparent|lazy)[\w-]*\.(gif|png|svg)/i;

function isPlaceholder(src: string | null): boolean {
  return !src || src.trim() === '' || PLACEHOLDER.test(src.trim());
}

function firstAttr(el: Element, names: string[]): string | null {
  for (const name of names) {
    const value = el.getAttribute(name)?.trim();
    if (value) return value;
  }
  return null;
}

/** The URL of the widest candidate of a srcset ("a.jpg 320w, b.jpg 640w" → b.jpg). */
function largestCandidate(srcset: string): string | null {
  let best: { url: string; size: number } | null = null;
  for (const { url, descriptor } of parseSrcset(srcset)) {
    const size = parseFloat(descriptor) || 1;
    if (!best || size > best.size) best = { url, size };
  }
  return best?.url ?? null;
}

const MAY_HOLD_IMAGE = /<im(?:g|age)/i;

/** Replaces placeholder images with their lazy source; `<noscript>` fallbacks replace the image they stand for. */
export function resolveLazyImages(doc: Document): void {
  for (const img of Array.from(doc.querySelectorAll('img'))) {
    const lazy = firstAttr(img, LAZY_SRC_ATTRS);
    if (lazy && isPlaceholder(img.getAttribute('src'))) img.setAttribute('src', lazy);
    const lazySet = firstAttr(img, LAZY_SRCSET_ATTRS);
    if (lazySet && !img.getAttribute('srcset')) img.setAttribute('srcset', lazySet);
    // Only a srcset: give the image a plain src too (its largest candidate), which every consumer understands.
    const srcset = img.getAttribute('srcset');
    if (srcset && isPlaceholder(img.getAttribute('src'))) {
      const largest = largestCandidate(srcset);
      if (largest) img.setAttribute('src', largest);
    }
    img.removeAttribute('loading');
  }
  for (const source of Array.from(doc.querySelectorAll('picture source'))) {
    const lazySet = firstAttr(source, LAZY_SRCSET_ATTRS);
    if (lazySet && !source.getAttribute('srcset')) source.setAttribute('srcset', lazySet);
  }
  // A <noscript> holding a single image and no text is the page's own no-JS fallback for the lazy image next to it.
  for (const noscript of Array.from(doc.querySelectorAll('noscript'))) {
    // With scripting on (the live page), <noscript> content is raw text; parse it inertly (DOMParser runs no
    // script and loads nothing). Without scripting (jsdom) it is already elements.
    const markup = noscript.textContent?.includes('<') ? noscript.textContent : noscript.innerHTML;
    // Parsing makes a whole document per <noscript> (pages have dozens: tracking pixels, embeds, fonts); markup with
    // no "<img" (nor "<image", which the parser turns into one) holds no image, and is not worth one.
    if (!MAY_HOLD_IMAGE.test(markup)) continue;
    const Parser = doc.defaultView?.DOMParser ?? globalThis.DOMParser;
    const holder = new Parser().parseFromString(markup, 'text/html').body;
    const images = holder.querySelectorAll('img');
    const fallback = images[0];
    // Only an image: a forum's no-script view of a whole thread (Discourse) may hold one image among its posts.
    if (images.length !== 1 || !fallback?.getAttribute('src') || /[\p{L}\p{N}]/u.test(holder.textContent ?? ''))
      continue;
    const previous = noscript.previousElementSibling;
    const previousImg = previous?.tagName === 'IMG' ? previous : previous?.querySelector(':scope > img');
    if (previousImg && isPlaceholder(previousImg.getAttribute('src'))) previousImg.remove();
    else if (previousImg && previousImg.getAttribute('src') === fallback.getAttribute('src')) {
      noscript.remove();
      continue;
    }
    noscript.replaceWith(doc.importNode(fallback, true));
  }
}

/** Attributes that hold a URL, by element (what `a[href]`, `img[src]`, `video[poster]`… select). */
const URL_ATTRS: Record<string, string[]> = {
  a: ['href'],
  img: ['src'],
  source: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
  iframe: ['src'],
};
const WITH_URLS =
  'a[href], img[src], source[src], video[src], video[poster], audio[src], iframe[src], img[srcset], source[srcset]';

function absolute(url: string, base: string): string | null {
  try {
    return new URL(url, base).href;
  } catch {
    return null;
  }
}

/**
 * An absolute http(s) URL that the URL parser gives back unchanged, whatever the base: a lower-case host whose last
 * label starts with a letter (no IPv4 form, no port, no user, no punycode to re-encode), a path (so no "/" to add)
 * with no dot segment, and only characters that no part of it escapes, in the standard or in Chromium's parser (no
 * "%": Chromium unescapes some percent-escapes in paths). Most of a page's links are such URLs; parsing each costs
 * more than this test, and the answer is the same string.
 */
const CANONICAL_URL =
  /^https?:\/\/(?:[a-z0-9-]+\.)*[a-z][a-z0-9-]*\/[\w\-.~!$&'()*+,;=:@/]*(?:\?[\w\-.~!$&()*+,;=:@/?]+)?(?:#[\w\-.~!$&'()*+,;=:@/?#]+)?$/;
const NOT_CANONICAL = /xn--|\/\./i;

export function isCanonicalUrl(url: string): boolean {
  return CANONICAL_URL.test(url) && !NOT_CANONICAL.test(url);
}

/**
 * Makes every link and media URL absolute against the page's base URL (honouring `<base href>`). One query for
 * all of them, and each distinct URL resolved once (a page links to its own sections and thumbnails many times).
 */
export function absolutizeUrls(doc: Document, pageUrl: string): void {
  const baseHref = doc.querySelector('base[href]')?.getAttribute('href');
  const base = (baseHref && absolute(baseHref, pageUrl)) || pageUrl;
  const resolved = new Map<string, string | null>();
  const resolve = (url: string) => {
    let abs = resolved.get(url);
    if (abs === undefined) resolved.set(url, (abs = isCanonicalUrl(url) ? url : absolute(url, base)));
    return abs;
  };
  for (const el of Array.from(doc.querySelectorAll(WITH_URLS))) {
    for (const attr of URL_ATTRS[el.localName] ?? []) {
      const value = el.getAttribute(attr)?.trim();
      // In-page anchors stay relative so they keep working inside the reader.
      if (value === undefined || value.startsWith('#') || /^(data|blob|mailto|tel):/i.test(value)) continue;
      const abs = resolve(value);
      // Most of a page's URLs are absolute already: an attribute set to its own value changes nothing.
      if (abs && abs !== el.getAttribute(attr)) el.setAttribute(attr, abs);
    }
    const srcset = el.localName === 'img' || el.localName === 'source' ? el.getAttribute('srcset') : null;
    if (srcset === null) continue;
    const candidates = parseSrcset(srcset).map(({ url, descriptor }) => ({ url: resolve(url) ?? url, descriptor }));
    const serialized = serializeSrcset(candidates);
    if (serialized !== srcset) el.setAttribute('srcset', serialized);
  }
}

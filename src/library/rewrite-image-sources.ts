import { mapImageSources } from './map-image-sources';

/**
 * Saved content names its images `qari-image:<key>` and never a network URL: a saved article must read
 * offline and must not call home when opened. The reader swaps the keys for blob: URLs (resolveSavedImages).
 */
export const SAVED_IMAGE_SCHEME = 'qari-image:';

export function savedImageUrl(key: string): string {
  return `${SAVED_IMAGE_SCHEME}${key}`;
}

/** The key of a `qari-image:` URL, or null for any other URL. */
export function savedImageKey(url: string): string | null {
  return url.startsWith(SAVED_IMAGE_SCHEME) ? url.slice(SAVED_IMAGE_SCHEME.length) : null;
}

const NETWORK_URL = /^(?:https?:)?\/\//i;

/**
 * Points the article's images at stored copies: each network URL (http(s) or protocol-relative) in an
 * <img>/<source> src or srcset for which `map` returns a key becomes `qari-image:<key>`. A src with no key
 * is left as it is; a srcset candidate with no key is dropped (see mapImageSources). data: URLs are
 * already offline and are left alone.
 */
export function rewriteImageSources(
  html: string,
  map: (originalUrl: string, attribute: 'src' | 'srcset') => string | null,
): string {
  return mapImageSources(html, (url, attribute) => {
    if (!NETWORK_URL.test(url)) return url;
    const key = map(url, attribute);
    return key === null ? null : savedImageUrl(key);
  });
}

/**
 * The reader's half: `qari-image:<key>` → `urlForKey(key)` (a blob: URL), or dropped from srcset / left in
 * src when it returns null (a missing image). Other URLs are untouched. Run it before sanitizing when the
 * sanitizer does not allow the qari-image: scheme.
 */
export function resolveSavedImages(html: string, urlForKey: (key: string) => string | null): string {
  return mapImageSources(html, (url) => {
    const key = savedImageKey(url);
    return key === null ? url : urlForKey(key);
  });
}

/** Image data: URLs of raster types: no script, no references to anything else (an SVG image is not one). */
const RASTER_DATA_URL = /^data:image\/(?:png|jpeg|jpg|gif|webp|avif|bmp)[;,]/i;

/**
 * A saved or imported article reads offline only, and opening it must not tell anyone (issue 11: an imported
 * `<img src="https://tracker…">` or a remote srcset loaded when the article was opened). Every image URL in an
 * <img>/<source> src or srcset that is not a stored image (`qari-image:`), a blob: URL or a raster data: URL is
 * dropped: an empty src, or the srcset candidate removed. Run at import and again at render (the saved page's
 * CSP says the same: img-src blob: data:).
 */
export function offlineImageSources(html: string): string {
  return mapImageSources(html, (url, attribute) => {
    if (url.startsWith(SAVED_IMAGE_SCHEME) || /^blob:/i.test(url) || RASTER_DATA_URL.test(url)) return url;
    return attribute === 'src' ? '' : null;
  });
}

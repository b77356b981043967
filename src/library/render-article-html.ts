import { offlineImageSources, resolveSavedImages } from './rewrite-image-sources';
import type { SavedArticle, SavedImageRef } from './schema';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/*
 * The exported file is opened from disk, outside the extension and its sanitizer, and the export runs in
 * the service worker too, where there is no DOM to sanitize with. So the file protects itself: a CSP that
 * allows no script, plugin, frame, form or base URL (a policy in <head> binds the whole document and
 * content further down cannot loosen it), plus the removal of <meta>, <base> and <link> from the body, the
 * three tags that act from anywhere (a <meta http-equiv=refresh> is not covered by CSP). Images may come
 * from the export's own files and raster data: URLs only: opening an exported article loads nothing from the
 * network (issue 11), and an image that was never stored has no source rather than its original address.
 */
const CSP =
  "default-src 'none'; img-src 'self' file: data:; style-src 'unsafe-inline'; " + "base-uri 'none'; form-action 'none'";
const ACTIVE_TAGS = /<(?:meta|base|link)\b(?:[^>"']|"[^"]*"|'[^']*')*>/gi;

const STYLE = `body{max-width:42em;margin:2em auto;padding:0 1em;font:1.15rem/1.7 system-ui,sans-serif;color:#222;background:#fff}
header{border-bottom:1px solid #ddd;margin-bottom:1.5em}header p{color:#666;font-size:.9em}
img{max-width:100%;height:auto}pre{overflow:auto}blockquote{margin-inline:0;padding-inline-start:1em;border-inline-start:3px solid #ddd}`;

/**
 * A standalone, readable HTML file of a saved article: its direction and language, title, byline, site,
 * date and source link, and its content with images pointing at `imageUrl(ref)` (no source when it gives
 * none: a missing image).
 */
export function renderArticleHtml(article: SavedArticle, imageUrl: (ref: SavedImageRef) => string | null): string {
  const refs = new Map(article.images.map((ref) => [ref.key, ref]));
  // Network URLs go first (the stored images are still qari-image: keys then), then keys become file paths.
  const content = resolveSavedImages(offlineImageSources(article.content.replace(ACTIVE_TAGS, '')), (key) => {
    const ref = refs.get(key);
    return ref ? (imageUrl(ref) ?? '') : '';
  });
  const dir = article.dirOverride ?? article.dir;
  const lang = article.lang ? ` lang="${escapeHtml(article.lang)}"` : '';
  const details = [
    article.byline ? `<span>${escapeHtml(article.byline)}</span>` : '',
    article.siteName ? `<span>${escapeHtml(article.siteName)}</span>` : '',
    article.publishedTime
      ? `<time datetime="${escapeHtml(article.publishedTime)}">${escapeHtml(article.publishedTime.slice(0, 10))}</time>`
      : '',
  ].filter(Boolean);
  return `<!doctype html>
<html${lang} dir="${dir}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(article.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<article>
<header>
<h1>${escapeHtml(article.title)}</h1>
${details.length ? `<p>${details.join(' · ')}</p>\n` : ''}<p><a href="${escapeHtml(article.url)}" dir="ltr">${escapeHtml(article.url)}</a></p>
</header>
${content}
</article>
</body>
</html>
`;
}

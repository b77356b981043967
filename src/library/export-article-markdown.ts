import TurndownService from 'turndown';
import { getArticle } from './get-article';
import { imagePath } from './image-file-name';
import { LibraryError, NOT_FOUND_MESSAGE } from './library-error';
import type { LibraryOptions } from './open-library';
import { resolveSavedImages } from './rewrite-image-sources';
import type { SavedArticle, SavedImageRef } from './schema';

export interface MarkdownOptions extends LibraryOptions {
  /** Where the Markdown refers to a stored image. Default `images/<id>/<key>.<ext>`, the export zip's layout. */
  imagePath?: (ref: SavedImageRef, article: SavedArticle) => string;
}

/**
 * A saved article as Markdown: title, byline, site, date and source, then the body. Stored images are
 * referred to by relative path; missing ones by their original URL. Turndown parses HTML with the page's
 * DOMParser, so in the extension call this from a page (popup, reader), not from the service worker.
 */
export async function exportArticleMarkdown(id: string, opts: MarkdownOptions = {}): Promise<string> {
  const article = await getArticle(id, opts);
  if (!article) throw new LibraryError('not-found', NOT_FOUND_MESSAGE);
  const pathOf = opts.imagePath ?? ((ref: SavedImageRef) => imagePath(article.id, ref));
  const refs = new Map(article.images.map((ref) => [ref.key, ref]));
  const html = resolveSavedImages(article.content, (key) => {
    const ref = refs.get(key);
    if (!ref) return null;
    return ref.missing ? ref.originalUrl : pathOf(ref, article);
  });
  const turndown = new TurndownService({ headingStyle: 'atx', codeBlockStyle: 'fenced', bulletListMarker: '-' });
  turndown.remove(['script', 'style', 'noscript', 'iframe', 'object', 'embed', 'form', 'template']);
  const details = [article.byline, article.siteName, article.publishedTime?.slice(0, 10)].filter(Boolean);
  const header = [
    `# ${turndown.escape(article.title)}`,
    details.length ? `*${turndown.escape(details.join(' · '))}*` : '',
    `<${article.url}>`,
  ].filter(Boolean);
  return `${header.join('\n\n')}\n\n${turndown.turndown(html)}\n`;
}

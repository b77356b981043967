import type { Article } from '../src/article';
import {
  imageKeyFor,
  listImageSources,
  saveArticle,
  type SaveImageInput,
  type SaveOptions,
  type SavedArticleSummary,
} from '../src/library';
import { downloadImage, prepareImage, type FetchedImage } from './fetch-image';

/**
 * Saves an article with its images: every image is fetched first (a few at a time), then the article and
 * all image bytes go into the library in ONE transaction. If the service worker is stopped before that
 * transaction commits, nothing of the article is in the library, never half of it.
 */

const PARALLEL = 4;

/**
 * The page's own images come through the content script (a same-origin request needs no permission beyond
 * activeTab); other hosts through the extension's request (host access the reader granted when saving).
 * Whichever fails first, the other is tried.
 */
async function fetchFor(
  url: string,
  article: Article,
  viaPage: (url: string) => Promise<Blob | { reason: string }>,
): Promise<FetchedImage> {
  const samePage = new URL(url, article.url).origin === new URL(article.url).origin;
  const attempts = samePage ? [viaPage, downloadImage] : [downloadImage, viaPage];
  let reason = 'Could not download.';
  for (const attempt of attempts) {
    const result = await attempt(url);
    if (result instanceof Blob) return prepareImage(result);
    reason = result.reason;
  }
  return { ok: false, reason };
}

export async function saveForLater(
  article: Article,
  viaPage: (url: string) => Promise<Blob | { reason: string }>,
  onProgress: (done: number, total: number) => void,
  options: SaveOptions = {},
): Promise<SavedArticleSummary> {
  const urls = listImageSources(article.content);
  // In the article's order, whichever download finishes first.
  const images: SaveImageInput[] = new Array(urls.length);
  let done = 0;
  onProgress(0, urls.length);
  const queue = urls.map((url, index) => ({ url, index }));
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const { url, index } = next;
      const fetched = await fetchFor(url, article, viaPage);
      images[index] = fetched.ok
        ? {
            key: imageKeyFor(url),
            originalUrl: url,
            blob: fetched.blob,
            width: fetched.width,
            height: fetched.height,
          }
        : { key: imageKeyFor(url), originalUrl: url, blob: null, missing: true, reason: fetched.reason };
      onProgress(++done, urls.length);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, urls.length) }, worker));
  // Ask once to keep the library when the browser is short of space (no prompt in Chrome; Firefox may ask).
  await navigator.storage?.persist?.().catch(() => false);
  const { content: _content, textContent: _text, ...summary } = await saveArticle(article, images, options);
  return summary;
}

import { offscreenPolicy } from '../src/message-policy';
import { handleMessages, type OffscreenMethods } from '../src/messages';
import { extractFromHtml } from '../src/page-fetch/extract-from-html';

/**
 * Chrome's offscreen document (reason DOM_PARSER): the service worker has no DOMParser, so it sends fetched pages
 * here to be parsed and run through the extraction core. Only the background may ask (offscreenPolicy); the
 * document holds nothing between requests and is closed when the save queue is idle (background/offscreen-document.ts).
 */
handleMessages<OffscreenMethods, typeof offscreenPolicy>('offscreen', offscreenPolicy, {
  extractHtml: ({ html, url, removedBlocks }) => extractFromHtml(html, url, removedBlocks),
});

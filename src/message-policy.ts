import type { ImportEntry } from './import/import-entry';
import {
  isArrayOf,
  isBoolean,
  isFiniteNumber,
  isOneOf,
  isString,
  isTabId,
  isToken,
  isWebUrl,
  optional,
  shape,
  type Guard,
} from './message-guards';
import type { BackgroundMethods, ContentMethods, OffscreenMethods, PolicyTable } from './messages';
import type { RemovedBlock } from './site-rules/removed-blocks';

/**
 * The sender policy and argument guards of every method of the protocol (src/messages.ts): which caller may call
 * it, and what its arguments must look like. A module of its own so that only the contexts that answer messages
 * (background, content script, offscreen document) load the guards; the popup, which only calls, does not
 * (it has a 30 KB budget: bench/sizes.ts).
 */

const empty = shape<Record<string, never>>({});
const token = shape({ token: isToken });
/** A block's text as the reader shows it: long enough for any paragraph, short enough to fold cheaply. */
const BLOCK_TEXT_MAX = 100_000;

/** One import: the largest Pocket exports seen hold ~15,000 links. */
export const ENTRIES_MAX = 20_000;
/** HTML an export carries for one article: more than any article page (extract-html.ts: 5.3 MB at most seen). */
export const CONTENT_HTML_MAX = 5_000_000;
/** Decoded HTML of one fetched page (fetch-page.ts caps the bytes at 10 MB; a character is at least a byte). */
const PAGE_HTML_MAX = 10 * 2 ** 20;
const TEXT_FIELD_MAX = 2_000;

const isText = optional(isString(TEXT_FIELD_MAX));
export const isImportEntry: Guard<ImportEntry> = shape<ImportEntry>({
  url: isWebUrl,
  source: isOneOf('pocket', 'instapaper', 'omnivore', 'wallabag', 'bookmarks', 'link', 'tab'),
  title: isText,
  tags: isArrayOf(isString(200), 500),
  addedAt: optional(isFiniteNumber),
  state: isOneOf('unread', 'read', 'archived'),
  content: optional(
    shape({
      html: isString(CONTENT_HTML_MAX),
      title: isText,
      byline: isText,
      siteName: isText,
      publishedTime: optional(isString(100)),
      lang: optional(isString(50)),
    }),
  ),
});
/** Removed blocks travel from the background only; their shape is the background's own storage. */
const isRemovedBlocks = isArrayOf((v): v is RemovedBlock => !!v && typeof v === 'object', 1_000);

export const backgroundPolicy = {
  inspectTab: { from: 'popup', args: shape({ tabId: isTabId }) },
  setReaderOpen: { from: 'popup', args: shape({ tabId: isTabId, open: isBoolean }) },
  saveArticle: { from: 'popup', args: shape({ tabId: isTabId }) },
  getLiveArticle: { from: 'reader-frame', args: token },
  closeReader: { from: 'reader-frame', args: token },
  describeBlock: { from: 'reader-frame', args: shape({ token: isToken, text: isString(BLOCK_TEXT_MAX, 1) }) },
  removedBlocks: { from: 'content', args: empty },
  saveTabs: { from: 'popup', args: shape({ windowId: isTabId }) },
  enqueueEntries: {
    from: 'library',
    args: shape({ entries: isArrayOf(isImportEntry, ENTRIES_MAX), batchLabel: isString(200, 1) }),
  },
  queueStatus: { from: 'library', args: empty },
  queueControl: { from: 'library', args: shape({ action: isOneOf('pause', 'resume', 'cancel', 'retryFailed') }) },
} as const satisfies PolicyTable<BackgroundMethods>;

export const offscreenPolicy = {
  extractHtml: {
    from: 'background',
    args: shape({ html: isString(PAGE_HTML_MAX), url: isWebUrl, removedBlocks: isRemovedBlocks }),
  },
} as const satisfies PolicyTable<OffscreenMethods>;

export const contentPolicy = {
  analyze: { from: 'background', args: shape({ tabId: isTabId }) },
  getArticle: { from: 'background', args: empty },
  readerArticle: { from: 'background', args: token },
  showReader: { from: 'background', args: empty },
  hideReader: { from: 'background', args: empty },
  readerClose: { from: 'background', args: token },
  isReaderOpen: { from: 'background', args: empty },
  describeBlock: { from: 'background', args: shape({ token: isToken, text: isString(BLOCK_TEXT_MAX, 1) }) },
  fetchImage: { from: 'background', args: shape({ url: isWebUrl }) },
} as const satisfies PolicyTable<ContentMethods>;

/**
 * One article to bring into the library from outside a tab: a row of another app's export, a bookmark, a link
 * the reader saved from a context menu, an open tab. The importers (src/import/*) make these; the save queue
 * (src/queue) turns each into a saved article. The contract between the two: keep it small and stable.
 */

/** Where an entry came from: shown in the progress view, kept on the job for its failure list. */
export type ImportSource = 'pocket' | 'instapaper' | 'omnivore' | 'wallabag' | 'bookmarks' | 'link' | 'tab';

/** The reader's state of the article in the app it comes from. */
export type ImportState = 'unread' | 'read' | 'archived';

/** The article's body as the exporting app stored it (Omnivore, Wallabag): used instead of fetching the page. */
export interface ImportedContent {
  /** Untrusted HTML: it goes through the same extraction and sanitizing as a fetched page. */
  html: string;
  title?: string;
  byline?: string;
  siteName?: string;
  /** ISO 8601. */
  publishedTime?: string;
  lang?: string;
}

export interface ImportEntry {
  /** An http(s) URL as the export has it (not yet normalized: the queue normalizes for identity). */
  url: string;
  source: ImportSource;
  /** The title the export gives, if any: shown until the article itself is read. */
  title?: string;
  /** Tags as the reader wrote them, trimmed, without duplicates, in the export's order. */
  tags: string[];
  /** When the reader first saved it in the other app, ms since the epoch. */
  addedAt?: number;
  state: ImportState;
  /** Present when the export carries the article's content. */
  content?: ImportedContent;
}

/** Text direction of a block or of a whole article. */
export type Direction = 'rtl' | 'ltr';

/**
 * The one shape every surface passes around: made once, in the content script (or the CLI), from a page.
 * `content` is HTML that must still be treated as untrusted: every surface that inserts it sanitizes it first.
 */
export interface Article {
  /** Page URL the article was read from. */
  url: string;
  title: string;
  byline: string | null;
  siteName: string | null;
  /** ISO 8601 when known. */
  publishedTime: string | null;
  /** BCP 47 language tag, normalised (e.g. "ar", "en-US"), or null when unknown. */
  lang: string | null;
  /** Base direction of the article, decided from every signal (see src/direction). */
  dir: Direction;
  excerpt: string | null;
  leadImage: string | null;
  /** Sanitized article body HTML; blocks carry their own `dir` where it differs from `dir`. */
  content: string;
  /** Plain text with block boundaries kept as line breaks. */
  textContent: string;
  /** Characters for RTL scripts / CJK, words elsewhere: see reading-time.ts. */
  readingTimeMinutes: number;
  wordCount: number;
  /**
   * One line for the reader when Qari is unsure this is the page's main text (a short page, a list of links):
   * shown above the article instead of refusing to show it. Absent when Qari is sure.
   */
  notice?: string;
}

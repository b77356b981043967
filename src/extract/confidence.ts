/**
 * Whether Qari is sure that what it found is the page's main text. Never a reason to show nothing: the user asked
 * to read this page, and a short news brief, a post above a long comment thread, a forum thread or a listing's text
 * is worth showing (issue 10, "never refuse"). Where Qari is unsure, the reader and the popup say so in one line.
 */

/**
 * Below this much text an extraction may be a teaser, a stub or only a fragment of a longer page (about two short
 * paragraphs of prose). Arabic and Hebrew need fewer characters for the same content, but the margin is wide.
 */
export const SURE_TEXT = 400;
/** Paragraphs of at least PROSE_LINE characters: one is a blurb, two are the start of an article. */
export const SURE_PARAGRAPHS = 2;
/** A line of an article's text this long is a paragraph of prose, not a label, a name or a caption. */
export const PROSE_LINE = 80;

/** Short text, a list of teasers, or the page's text as plain Readability found it (Qari's passes left none). */
export type Unsure = 'short' | 'teasers' | 'uncleaned';

/** Why Qari is unsure of `textContent` (blocks on their own lines), or null when it is sure. */
export function unsureWhy(textContent: string, mostlyTeasers: boolean): Unsure | null {
  if (mostlyTeasers) return 'teasers';
  const paragraphs = textContent.split('\n').filter((line) => line.length >= PROSE_LINE).length;
  return textContent.length < SURE_TEXT || paragraphs < SURE_PARAGRAPHS ? 'short' : null;
}

/** The one-line notice the reader and the popup show above an unsure extraction. */
export const UNSURE_NOTICE: Record<Unsure, string> = {
  short: 'This page has little text: Qari shows what it found, which may not be all of it.',
  teasers: 'This page looks like a list of links to other pages: Qari shows its text, not one article.',
  uncleaned: "Qari could not tell the main text from the rest of this page: it shows the page's text as found.",
};

/** Letters or digits: some text to show (an empty body, or one of only punctuation and icons, has none). */
export function hasText(textContent: string): boolean {
  return /[\p{L}\p{N}]/u.test(textContent);
}

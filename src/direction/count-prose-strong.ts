import { countStrong } from './strong-chars';
import type { StrongCounts } from './strong-chars';

/**
 * URLs and e-mail addresses: Latin letters that say nothing about the language of the sentence. An
 * Arabic paragraph ending in a long link would otherwise count as English.
 */
const ADDRESS = /(?:https?:\/\/|www\.)[^\s<>"'«»]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/giu;

/**
 * Strong characters of `text` as prose: like countStrong, but without the letters of URLs and e-mail
 * addresses. The regex only runs on text that can contain one (a cheap substring check first), so long
 * articles without links cost one countStrong pass.
 */
export function countProseStrong(text: string): StrongCounts {
  const counts = countStrong(text);
  if (!text.includes('://') && !text.includes('www.') && !text.includes('@')) return counts;
  for (const m of text.matchAll(ADDRESS)) {
    const { rtl, ltr } = countStrong(m[0]);
    counts.rtl -= rtl;
    counts.ltr -= ltr;
  }
  return counts;
}

import { hashString } from './hash-string';

/** Keys name files in exports and appear in `qari-image:` URLs, so they are kept to this alphabet. */
export const IMAGE_KEY_PATTERN = /^[A-Za-z0-9_-]{1,100}$/;

/** A stable key for an image of an article, from its URL (what the background uses when saving). */
export function imageKeyFor(originalUrl: string): string {
  return `i${hashString(originalUrl, 1)}`;
}

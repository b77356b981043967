import { hashString } from './hash-string';
import { normalizeUrl } from './normalize-url';

/** The library id of the article at `url`: the same for every form of the URL normalizeUrl folds together. */
export function articleIdFor(url: string): string {
  return hashString(normalizeUrl(url));
}

import { toStoredArticle } from './article-record';
import type { LibraryUsage, SavedArticle, StoredArticle, StoredImage } from './schema';
import { articleTerms } from './tokenize';
import type { RequestBatch } from './request-batch';
import type { WriteTx } from './write-transaction';

/** The key ranges of one article's images and terms: both stores are keyed [articleId, …]. */
export function ownedRange(articleId: string): IDBKeyRange {
  return IDBKeyRange.bound([articleId], [articleId, []]);
}

/**
 * Writes one article record and what hangs off it, inside the caller's transaction: its images when
 * given (replacing the previous ones), and its search terms when its text or savedAt changed (terms carry
 * savedAt for ordering). Returns the change in usage, for the caller to apply once per transaction.
 */
export function writeArticle(
  tx: WriteTx,
  batch: RequestBatch,
  article: SavedArticle,
  images: StoredImage[] | 'keep',
  previous: StoredArticle | undefined,
): LibraryUsage {
  const id = article.id;
  batch.add(tx.objectStore('articles').put(toStoredArticle(article)));
  if (images !== 'keep') {
    const store = tx.objectStore('images');
    if (previous) batch.add(store.delete(ownedRange(id)));
    for (const image of images) batch.add(store.put(image));
  }
  const textChanged =
    !previous ||
    previous.savedAt !== article.savedAt ||
    previous.title !== article.title ||
    previous.byline !== article.byline ||
    previous.siteName !== article.siteName ||
    previous.textContent !== article.textContent;
  if (textChanged) {
    const terms = tx.objectStore('terms');
    if (previous) batch.add(terms.delete(ownedRange(id)));
    for (const term of articleTerms(article)) batch.add(terms.put({ articleId: id, term, savedAt: article.savedAt }));
  }
  return { articles: previous ? 0 : 1, bytes: article.bytes - (previous?.bytes ?? 0) };
}

/** Removes an article for good: record, images and terms. */
export function removeArticle(tx: WriteTx, batch: RequestBatch, article: StoredArticle): LibraryUsage {
  batch.add(tx.objectStore('images').delete(ownedRange(article.id)));
  batch.add(tx.objectStore('terms').delete(ownedRange(article.id)));
  batch.add(tx.objectStore('articles').delete(article.id));
  return { articles: -1, bytes: -article.bytes };
}

import { toStoredArticle, toStoredBody } from './article-record';
import type { LibraryUsage, PostingsKey, SavedArticle, StoredArticle, StoredImage } from './schema';
import { articleTerms } from './tokenize';
import type { RequestBatch } from './request-batch';
import type { WriteTx } from './write-transaction';

/** The key range of one article's images: the store is keyed [articleId, key]. */
export function ownedRange(articleId: string): IDBKeyRange {
  return IDBKeyRange.bound([articleId], [articleId, []]);
}

/** The key of an article's postings record. */
export function postingsKey(article: { savedAt: number; id: string }): PostingsKey {
  return [article.savedAt, article.id];
}

/**
 * Writes one article record and what hangs off it, inside the caller's transaction: its body when it
 * changed (a change of reading state rewrites only the small record), its images when given (replacing the
 * previous ones), and its postings record when its text or savedAt changed (savedAt is part of that
 * record's key). `previous` is the whole article as stored (readArticle). Returns the change in usage, for
 * the caller to apply once per transaction.
 */
export function writeArticle(
  tx: WriteTx,
  batch: RequestBatch,
  article: SavedArticle,
  images: StoredImage[] | 'keep',
  previous: SavedArticle | undefined,
): LibraryUsage {
  const id = article.id;
  batch.add(tx.objectStore('articles').put(toStoredArticle(article)));
  if (!previous || previous.content !== article.content || previous.textContent !== article.textContent)
    batch.add(tx.objectStore('bodies').put(toStoredBody(article)));
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
    const postings = tx.objectStore('postings');
    if (previous && previous.savedAt !== article.savedAt) batch.add(postings.delete(postingsKey(previous)));
    batch.add(postings.put({ savedAt: article.savedAt, articleId: id, terms: articleTerms(article) }));
  }
  return { articles: previous ? 0 : 1, bytes: article.bytes - (previous?.bytes ?? 0) };
}

/** Removes an article for good: record, body, images and postings. */
export function removeArticle(tx: WriteTx, batch: RequestBatch, article: StoredArticle): LibraryUsage {
  batch.add(tx.objectStore('images').delete(ownedRange(article.id)));
  batch.add(tx.objectStore('postings').delete(postingsKey(article)));
  batch.add(tx.objectStore('bodies').delete(article.id));
  batch.add(tx.objectStore('articles').delete(article.id));
  return { articles: -1, bytes: -article.bytes };
}

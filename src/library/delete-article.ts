import type { SavedArticle, StoredArticle } from './schema';
import { updateArticle, type UpdateOptions } from './update-article';
import { addUsage, adjustUsage, EMPTY_USAGE } from './adjust-usage';
import { removeArticle } from './write-article';
import { RequestBatch } from './request-batch';
import { writeTransaction } from './write-transaction';

/**
 * Soft delete: the article leaves lists and search at once but stays stored, so it can be undone;
 * purgeDeleted removes it for good. Deleting twice keeps the first deletion time.
 */
export function deleteArticle(id: string, opts: UpdateOptions = {}): Promise<SavedArticle> {
  return updateArticle(id, opts, (article, now) => ({ ...article, deletedAt: article.deletedAt ?? now }));
}

export function undoDelete(id: string, opts: UpdateOptions = {}): Promise<SavedArticle> {
  return updateArticle(id, opts, (article) => ({ ...article, deletedAt: null }));
}

/**
 * Removes for good (record, images, search terms) the articles deleted at least `olderThanMs` ago
 * (0: every deleted article). Walks only deleted articles (the by-deletedAt index holds nothing else).
 * Returns how many were removed.
 */
export async function purgeDeleted(olderThanMs: number, opts: UpdateOptions = {}): Promise<number> {
  const cutoff = (opts.now ?? Date.now()) - Math.max(0, olderThanMs);
  return writeTransaction(opts.dbName, async (tx) => {
    const batch = new RequestBatch();
    const doomed: StoredArticle[] = await tx
      .objectStore('articles')
      .index('by-deletedAt')
      .getAll(IDBKeyRange.upperBound(cutoff));
    let change = EMPTY_USAGE;
    for (const article of doomed) change = addUsage(change, removeArticle(tx, batch, article));
    await adjustUsage(tx, change);
    await batch.flush();
    return doomed.length;
  });
}

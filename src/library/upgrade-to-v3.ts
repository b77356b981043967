import type { IDBPDatabase } from 'idb';
import { toStoredArticle, toStoredBody } from './article-record';
import { articleTerms } from './tokenize';
import { RequestBatch } from './request-batch';
import type { SavedArticle } from './schema';
import type { UpgradeTx } from './upgrade-to-v2';

/**
 * Version 2 → 3, the stores: the search index becomes one postings record per article (see
 * StoredPostings in schema.ts) instead of one record per (article, term), and article bodies move out of
 * `articles` into `bodies`, so that a page of the list or of search reads small records only.
 */
export function createV3Stores(upgradeTx: UpgradeTx): void {
  const db = upgradeTx.db as unknown as IDBPDatabase;
  if (db.objectStoreNames.contains('terms')) db.deleteObjectStore('terms');
  const postings = db.createObjectStore('postings', { keyPath: ['savedAt', 'articleId'] });
  postings.createIndex('by-term', 'terms', { multiEntry: true });
  db.createObjectStore('bodies', { keyPath: 'id' });
}

/**
 * Version 2 records in the version 3 layout, inside the upgrade transaction (a failure leaves version 2 as
 * it was): each record's body moves to `bodies`, and it is indexed for search again. The terms are made
 * from each record's text rather than copied from the old store: the record is the source of truth, and
 * it is one walk of the articles instead of one of their 250-times larger index.
 */
export async function convertV2Records(upgradeTx: UpgradeTx): Promise<void> {
  const postings = upgradeTx.objectStore('postings');
  const bodies = upgradeTx.objectStore('bodies');
  const batch = new RequestBatch();
  let cursor = await upgradeTx.objectStore('articles').openCursor();
  while (cursor) {
    // A version 2 record still holds its body (the current type says it does not).
    const article = cursor.value as unknown as SavedArticle;
    batch.add(bodies.put(toStoredBody(article)));
    batch.add(cursor.update(toStoredArticle(article)));
    batch.add(postings.put({ savedAt: article.savedAt, articleId: article.id, terms: articleTerms(article) }));
    cursor = await cursor.continue();
  }
  await batch.flush();
}

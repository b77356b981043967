import type { IDBPDatabase } from 'idb';
import { articleTerms } from './tokenize';
import { RequestBatch } from './request-batch';
import type { UpgradeTx } from './upgrade-to-v2';

/**
 * Version 2 → 3, the stores: the search index becomes one postings record per article (see
 * StoredPostings in schema.ts) instead of one record per (article, term).
 */
export function createV3Stores(upgradeTx: UpgradeTx): void {
  const db = upgradeTx.db as unknown as IDBPDatabase;
  if (db.objectStoreNames.contains('terms')) db.deleteObjectStore('terms');
  const postings = db.createObjectStore('postings', { keyPath: ['savedAt', 'articleId'] });
  postings.createIndex('by-term', 'terms', { multiEntry: true });
}

/**
 * Version 2 records indexed for search again, inside the upgrade transaction (a failure leaves version 2 as
 * it was). The terms are made from each record's text rather than copied from the old store: the record is
 * the source of truth, and it is one walk of the articles instead of one of their 250-times larger index.
 */
export async function buildPostings(upgradeTx: UpgradeTx): Promise<void> {
  const postings = upgradeTx.objectStore('postings');
  const batch = new RequestBatch();
  let cursor = await upgradeTx.objectStore('articles').openCursor();
  while (cursor) {
    const { id, savedAt } = cursor.value;
    batch.add(postings.put({ savedAt, articleId: id, terms: articleTerms(cursor.value) }));
    cursor = await cursor.continue();
  }
  await batch.flush();
}

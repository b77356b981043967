import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import { mergeArticles } from './merge-articles';
import { migrateV1Article, type V1Article } from './migrate-v1-article';
import { readArticle } from './read-article';
import {
  RECORD_SCHEMA_VERSION,
  type LibrarySchema,
  type LibraryUsage,
  type SavedArticle,
  type StoredArticle,
} from './schema';
import { addUsage, EMPTY_USAGE } from './adjust-usage';
import { writeArticle } from './write-article';
import { RequestBatch } from './request-batch';
import type { WriteTx } from './write-transaction';

export type UpgradeTx = IDBPTransaction<LibrarySchema, StoreNames<LibrarySchema>[], 'versionchange'>;

/**
 * Version 1 → 2, the stores and indexes: list indexes, images, the per-(article, term) search index that
 * version 3 replaced (created here all the same, so each step of the ladder stays what it was) and usage.
 */
export function createV2Stores(upgradeTx: UpgradeTx): void {
  // The version 2 store names, some of which the current schema type no longer has.
  const db = upgradeTx.db as unknown as IDBPDatabase;
  const articles = upgradeTx.objectStore('articles');
  articles.createIndex('by-url', 'url');
  articles.createIndex('by-live', ['deletedFlag', 'savedAt', 'id']);
  articles.createIndex('by-unread', ['deletedFlag', 'archivedFlag', 'readFlag', 'savedAt', 'id']);
  articles.createIndex('by-archived', ['deletedFlag', 'archivedFlag', 'savedAt', 'id']);
  articles.createIndex('by-deletedAt', 'deletedAt');
  db.createObjectStore('images', { keyPath: ['articleId', 'key'] });
  const terms = db.createObjectStore('terms', { keyPath: ['articleId', 'term'] });
  terms.createIndex('by-term', ['term', 'savedAt', 'articleId']);
  db.createObjectStore('meta');
}

/**
 * Version 1 records in today's shape, inside the upgrade transaction (so a failure leaves version 1 as it
 * was), after every schema step has run: each is converted in place, re-keyed by URL, its body moved to
 * `bodies`, indexed for search and counted, by today's writeArticle.
 */
export async function convertV1Records(upgradeTx: UpgradeTx): Promise<void> {
  const articles = upgradeTx.objectStore('articles');
  const tx = upgradeTx as unknown as WriteTx;
  const batch = new RequestBatch();
  let total: LibraryUsage = { ...EMPTY_USAGE };
  // Converted records are written back into the store being walked; the cursor may meet them again
  // further on (their new keys sort anywhere), which is what the schemaVersion check is for.
  let cursor = await articles.openCursor();
  while (cursor) {
    const value = cursor.value as Partial<StoredArticle>;
    if (value.schemaVersion !== RECORD_SCHEMA_VERSION) {
      const converted = migrateV1Article(value as unknown as V1Article);
      let record = converted;
      let previous: SavedArticle | undefined;
      if (converted.id !== cursor.primaryKey) {
        batch.add(cursor.delete());
        // Two v1 records of one URL (saved with and without tracking parameters) become one.
        previous = await readArticle({ articles, bodies: upgradeTx.objectStore('bodies') }, converted.id);
        if (previous) record = mergeArticles(previous, converted).record;
      }
      total = addUsage(total, writeArticle(tx, batch, record, [], previous));
    }
    cursor = await cursor.continue();
  }
  batch.add(upgradeTx.objectStore('meta').put(total, 'usage'));
  await batch.flush();
}

import { toStoredArticle } from './article-record';
import { RequestBatch } from './request-batch';
import { RECORD_SCHEMA_VERSION, type SavedArticle } from './schema';
import type { UpgradeTx } from './upgrade-to-v2';

/** Version 3 → 4, the index: tags (issue 12), one index entry per tag of an article (multiEntry). */
export function createV4Stores(upgradeTx: UpgradeTx): void {
  upgradeTx.objectStore('articles').createIndex('by-tag', 'tagKeys', { multiEntry: true });
}

/**
 * Version 3 records in the version 4 shape, inside the upgrade transaction (a failure leaves version 3 as it
 * was): each gets `tags: []` and its (empty) index keys. Only the small `articles` records are rewritten;
 * bodies, images and postings do not change.
 */
export async function convertV3Records(upgradeTx: UpgradeTx): Promise<void> {
  const batch = new RequestBatch();
  let cursor = await upgradeTx.objectStore('articles').openCursor();
  while (cursor) {
    // A version 3 record has no tags; toStoredArticle gives it an empty list and the current shape.
    const stored = cursor.value as unknown as SavedArticle;
    batch.add(
      cursor.update(toStoredArticle({ ...stored, tags: stored.tags ?? [], schemaVersion: RECORD_SCHEMA_VERSION })),
    );
    cursor = await cursor.continue();
  }
  await batch.flush();
}

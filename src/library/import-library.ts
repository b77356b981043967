import { articleIdFor } from './article-id-for';
import { mergeArticles } from './merge-articles';
import type { LibraryOptions } from './open-library';
import { readArticle } from './read-article';
import { readExport } from './read-export';
import type { SavedArticle, StoredImage } from './schema';
import { addUsage, adjustUsage, EMPTY_USAGE } from './adjust-usage';
import { writeArticle } from './write-article';
import { RequestBatch } from './request-batch';
import { writeTransaction } from './write-transaction';

export interface ImportResult {
  /** Articles that were not in the library. */
  added: number;
  /** Articles already there that the import changed (newer copy, or reading state merged in). */
  updated: number;
  /** Articles already there, unchanged by the import. */
  skipped: number;
}

interface Incoming {
  record: SavedArticle;
  images: StoredImage[];
}

/**
 * Imports an export made by exportLibrary. The whole file is checked first (readExport); a damaged or
 * foreign file throws LibraryError 'corrupt-import' / 'foreign-import' and changes nothing. Then one
 * transaction writes everything or nothing. Articles are matched by URL (ids are recomputed from it, so an
 * export from another install or an older id scheme still merges) and merged by mergeArticles: no
 * duplicates, the newer copy's body, and reading state from both.
 */
export async function importLibrary(zip: Uint8Array | ArrayBuffer, opts: LibraryOptions = {}): Promise<ImportResult> {
  const byId = new Map<string, Incoming>();
  for (const { record, images } of readExport(zip instanceof Uint8Array ? zip : new Uint8Array(zip))) {
    const id = articleIdFor(record.url);
    const incoming: Incoming = {
      record: { ...record, id },
      images: images.map((image) => ({
        articleId: id,
        key: image.key,
        // fflate's arrays are backed by plain ArrayBuffers; the cast only narrows TypeScript's ArrayBufferLike.
        blob: new Blob([image.bytes as Uint8Array<ArrayBuffer>], { type: image.type }),
      })),
    };
    const twin = byId.get(id);
    if (!twin) byId.set(id, incoming);
    else {
      // The same page twice in one export: merge them first, like any two copies.
      const merged = mergeArticles(twin.record, incoming.record);
      byId.set(id, { record: merged.record, images: merged.bodyFrom === 'incoming' ? incoming.images : twin.images });
    }
  }

  return writeTransaction(opts.dbName, async (tx) => {
    const batch = new RequestBatch();
    const result: ImportResult = { added: 0, updated: 0, skipped: 0 };
    let change = EMPTY_USAGE;
    for (const { record, images } of byId.values()) {
      const previous = await readArticle(
        { articles: tx.objectStore('articles'), bodies: tx.objectStore('bodies') },
        record.id,
      );
      if (!previous) {
        change = addUsage(change, writeArticle(tx, batch, record, images, undefined));
        result.added++;
        continue;
      }
      const merged = mergeArticles(previous, record);
      if (!merged.changed) {
        result.skipped++;
        continue;
      }
      const newImages = merged.bodyFrom === 'incoming' ? images : 'keep';
      change = addUsage(change, writeArticle(tx, batch, merged.record, newImages, previous));
      result.updated++;
    }
    await adjustUsage(tx, change);
    await batch.flush();
    return result;
  });
}

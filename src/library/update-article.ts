import type { Direction } from '../article';
import { QariError } from '../qari-error';
import { LibraryError, NOT_FOUND_MESSAGE } from './library-error';
import { sameArticle } from './merge-articles';
import type { LibraryOptions } from './open-library';
import { readArticle } from './read-article';
import type { SavedArticle } from './schema';
import { writeArticle } from './write-article';
import { RequestBatch } from './request-batch';
import { writeTransaction } from './write-transaction';
import { cleanTags } from './tag-key';

export interface UpdateOptions extends LibraryOptions {
  /** Time of the change, ms. Default Date.now(). */
  now?: number;
}

/**
 * Changes the reader's state of one article, in a transaction of its own. A change that changes nothing
 * writes nothing (updatedAt stays). Throws LibraryError 'not-found' for an unknown id.
 */
export async function updateArticle(
  id: string,
  opts: UpdateOptions,
  change: (article: SavedArticle, now: number) => SavedArticle,
): Promise<SavedArticle> {
  const now = opts.now ?? Date.now();
  return writeTransaction(opts.dbName, async (tx) => {
    const current = await readArticle({ articles: tx.objectStore('articles'), bodies: tx.objectStore('bodies') }, id);
    if (!current) throw new LibraryError('not-found', NOT_FOUND_MESSAGE);
    const next = change(current, now);
    if (sameArticle(current, next)) return current;
    const record = { ...next, updatedAt: now };
    const batch = new RequestBatch();
    writeArticle(tx, batch, record, 'keep', current);
    await batch.flush();
    return record;
  });
}

/** Marks read (readAt: now, or the first time it was read) or unread. */
export function markRead(id: string, read = true, opts: UpdateOptions = {}): Promise<SavedArticle> {
  return updateArticle(id, opts, (article, now) => ({ ...article, readAt: read ? (article.readAt ?? now) : null }));
}

export function setArchived(id: string, archived: boolean, opts: UpdateOptions = {}): Promise<SavedArticle> {
  return updateArticle(id, opts, (article) => ({ ...article, archived }));
}

/**
 * Reading position, 0..1 (clamped). Each call rewrites the article's record (not its body): callers should
 * save it when reading pauses (scroll end, page hide), not on every scroll event.
 */
export async function setProgress(id: string, progress: number, opts: UpdateOptions = {}): Promise<SavedArticle> {
  if (!Number.isFinite(progress)) throw new QariError('Qari could not remember the reading position.');
  return updateArticle(id, opts, (article) => ({ ...article, progress: Math.min(1, Math.max(0, progress)) }));
}

/** The reader's direction choice for this article, or null to follow the detected one. */
export function setDirOverride(id: string, dir: Direction | null, opts: UpdateOptions = {}): Promise<SavedArticle> {
  return updateArticle(id, opts, (article) => ({ ...article, dirOverride: dir }));
}

/** Replaces the article's tags (cleaned: trimmed, one per tagKey, first spelling kept); [] removes them all. */
export function setTags(id: string, tags: readonly string[], opts: UpdateOptions = {}): Promise<SavedArticle> {
  return updateArticle(id, opts, (article) => ({ ...article, tags: cleanTags(tags) }));
}

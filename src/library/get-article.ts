import { articleIdFor } from './article-id-for';
import { toSavedArticle } from './article-record';
import { openLibrary, type LibraryOptions } from './open-library';
import type { SavedArticle } from './schema';

/** The saved article with this id (soft-deleted ones too: check deletedAt), or null. */
export async function getArticle(id: string, opts: LibraryOptions = {}): Promise<SavedArticle | null> {
  const db = await openLibrary(opts.dbName);
  const stored = await db.get('articles', id);
  return stored ? toSavedArticle(stored) : null;
}

/** The saved copy of the page at `url` (any form normalizeUrl folds together), or null: "is it saved?". */
export function findArticleByUrl(url: string, opts: LibraryOptions = {}): Promise<SavedArticle | null> {
  return getArticle(articleIdFor(url), opts);
}

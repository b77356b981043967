import { articleIdFor } from './article-id-for';
import { openLibrary, type LibraryOptions } from './open-library';
import { readArticle } from './read-article';
import type { SavedArticle } from './schema';

/** The saved article with this id (soft-deleted ones too: check deletedAt), or null. */
export async function getArticle(id: string, opts: LibraryOptions = {}): Promise<SavedArticle | null> {
  const db = await openLibrary(opts.dbName);
  // Record and body in one read transaction, so a write in between cannot pair one with the other's old copy.
  const tx = db.transaction(['articles', 'bodies']);
  const article = await readArticle({ articles: tx.objectStore('articles'), bodies: tx.objectStore('bodies') }, id);
  return article ?? null;
}

/** The saved copy of the page at `url` (any form normalizeUrl folds together), or null: "is it saved?". */
export function findArticleByUrl(url: string, opts: LibraryOptions = {}): Promise<SavedArticle | null> {
  return getArticle(articleIdFor(url), opts);
}

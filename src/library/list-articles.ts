import { toSummary } from './article-record';
import { openLibrary, type LibraryOptions } from './open-library';
import { decodeCursor, pageRange, pageSize, toPage, type Page } from './page-cursor';
import type { SavedArticleSummary } from './schema';

/**
 * 'all': every article not deleted, archived ones included. 'unread': not read and not archived (archiving
 * means done with it). 'archived': archived, read or not. Deleted articles are in none.
 */
export type ArticleFilter = 'all' | 'unread' | 'archived';

export type ArticlePage = Page<SavedArticleSummary>;

export interface ListOptions extends LibraryOptions {
  filter?: ArticleFilter;
  /** Page size, 1..500. Default 20. */
  limit?: number;
  /** `next` of the previous page. */
  after?: string | null;
}

/** Each list is one index keyed [...prefix, savedAt, id]: a page is one bounded walk of it. */
const LISTS = {
  all: { index: 'by-live', prefix: [0] },
  unread: { index: 'by-unread', prefix: [0, 0, 0] },
  archived: { index: 'by-archived', prefix: [0, 1] },
} as const;

/**
 * One page of a list, newest saved first. Reads only that page's records (plus one, to know if there is
 * more), from where the previous page ended: the cost of a page does not grow with the library.
 */
export async function listArticles(opts: ListOptions = {}): Promise<ArticlePage> {
  const list = LISTS[opts.filter ?? 'all'];
  const limit = pageSize(opts.limit);
  const after = opts.after ? decodeCursor(opts.after) : null;
  const db = await openLibrary(opts.dbName);
  const index = db.transaction('articles').store.index(list.index);
  const items: SavedArticleSummary[] = [];
  let cursor = await index.openCursor(pageRange([...list.prefix], after), 'prev');
  while (cursor) {
    items.push(toSummary(cursor.value));
    if (items.length > limit) break;
    cursor = await cursor.continue();
  }
  return toPage(items, limit, (item) => item);
}

/** How many articles a list has (a count over its index, not a read of the records). */
export async function countArticles(filter: ArticleFilter = 'all', opts: LibraryOptions = {}): Promise<number> {
  const list = LISTS[filter];
  const db = await openLibrary(opts.dbName);
  return db.countFromIndex('articles', list.index, pageRange([...list.prefix], null));
}

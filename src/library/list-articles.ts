import { toSummary } from './article-record';
import { openLibrary, type LibraryOptions } from './open-library';
import { decodeCursor, isAfter, pageRange, pageSize, toPage, type Page, type PagePosition } from './page-cursor';
import type { SavedArticleSummary, StoredArticle } from './schema';
import { tagKey } from './tag-key';

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
  /** Only articles with this tag (any spelling of it: see tagKey). */
  tag?: string | null;
  /** 'newest' (default) or 'oldest' saved first. */
  order?: 'newest' | 'oldest';
}

/** Each list is one index keyed [...prefix, savedAt, id]: a page is one bounded walk of it. */
const LISTS = {
  all: { index: 'by-live', prefix: [0] },
  unread: { index: 'by-unread', prefix: [0, 0, 0] },
  archived: { index: 'by-archived', prefix: [0, 1] },
} as const;

/**
 * One page of a list, newest saved first (or oldest first: the same index walked the other way). Reads only that page's records (plus one, to know if there is
 * more), from where the previous page ended: the cost of a page does not grow with the library.
 */
export async function listArticles(opts: ListOptions = {}): Promise<ArticlePage> {
  const list = LISTS[opts.filter ?? 'all'];
  const limit = pageSize(opts.limit);
  const after = opts.after ? decodeCursor(opts.after) : null;
  const db = await openLibrary(opts.dbName);
  const oldest = opts.order === 'oldest';
  if (opts.tag)
    return tagPage(await db.getAllFromIndex('articles', 'by-tag', tagKey(opts.tag)), opts.filter, limit, after, oldest);
  const index = db.transaction('articles').store.index(list.index);
  const items: SavedArticleSummary[] = [];
  let cursor = await index.openCursor(
    oldest ? oldestRange([...list.prefix], after) : pageRange([...list.prefix], after),
    oldest ? 'next' : 'prev',
  );
  while (cursor) {
    items.push(toSummary(cursor.value));
    if (items.length > limit) break;
    cursor = await cursor.continue();
  }
  return toPage(items, limit, (item) => item);
}

function inList(record: StoredArticle, filter: ArticleFilter): boolean {
  if (record.deletedFlag) return false;
  if (filter === 'unread') return !record.archivedFlag && !record.readFlag;
  if (filter === 'archived') return record.archivedFlag === 1;
  return true;
}

/**
 * A page of one tag's articles. The by-tag index is multiEntry, and a multiEntry index cannot also be keyed by
 * savedAt, so the tag's records are read whole and ordered here: a tag holds a share of the library (tens or
 * hundreds of small records), not all of it. Read again per page, so pages stay right while the list changes.
 */
function tagPage(
  records: StoredArticle[],
  filter: ArticleFilter = 'all',
  limit: number,
  after: PagePosition | null,
  oldest: boolean,
): ArticlePage {
  const newestFirst = (a: StoredArticle, b: StoredArticle) =>
    b.savedAt - a.savedAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
  const items = records
    .filter(
      (record) =>
        inList(record, filter) &&
        (oldest ? isBefore(record.savedAt, record.id, after) : isAfter(record.savedAt, record.id, after)),
    )
    .sort(oldest ? (a, b) => newestFirst(b, a) : newestFirst)
    .slice(0, limit + 1)
    .map(toSummary);
  return toPage(items, limit, (item) => item);
}

/** The oldest-first walk of an index keyed [...prefix, savedAt, id], from its oldest entry or just after `after`. */
function oldestRange(prefix: number[], after: PagePosition | null): IDBKeyRange {
  const lower = after ? [...prefix, after.savedAt, after.id] : prefix;
  return IDBKeyRange.bound(lower, [...prefix, []], after !== null, false);
}

/** Whether (savedAt, id) comes after `position` in oldest-first order. */
function isBefore(savedAt: number, id: string, position: PagePosition | null): boolean {
  if (!position) return true;
  return savedAt > position.savedAt || (savedAt === position.savedAt && id > position.id);
}

/** How many articles a list has (a count over its index, not a read of the records). */
export async function countArticles(filter: ArticleFilter = 'all', opts: LibraryOptions = {}): Promise<number> {
  const list = LISTS[filter];
  const db = await openLibrary(opts.dbName);
  return db.countFromIndex('articles', list.index, pageRange([...list.prefix], null));
}

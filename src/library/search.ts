import { toSummary } from './article-record';
import { openLibrary, type LibraryOptions } from './open-library';
import { decodeCursor, isAfter, pageRange, pageSize, toPage, type PagePosition } from './page-cursor';
import type { ArticlePage } from './list-articles';
import type { SavedArticleSummary } from './schema';
import { normalizeForSearch, tokenize } from './tokenize';

export interface SearchOptions extends LibraryOptions {
  /** Page size, 1..500. Default 20. */
  limit?: number;
  /** `next` of the previous page. */
  after?: string | null;
}

interface QueryTerm {
  term: string;
  /** The word being typed: matches every term it begins. */
  prefix: boolean;
  /** Postings in the by-term index: how selective the term is. */
  count: number;
}

/** Upper end of "every term that starts with prefix" (no term character sorts above U+FFFF's unit). */
const PREFIX_END = '\uffff';

function termRange(q: { term: string; prefix: boolean }): IDBKeyRange {
  return q.prefix ? IDBKeyRange.bound([q.term], [q.term + PREFIX_END]) : IDBKeyRange.bound([q.term], [q.term, []]);
}

/**
 * Articles containing every word of `query` (normalised like the index: see tokenize.ts), the last word
 * matched as a prefix while it is being typed (no trailing space), newest saved first, deleted ones left
 * out. Words under two letters are ignored; a query with no word gives no results.
 *
 * A page never walks the library. The index can give, newest first, the articles of one exact term, or
 * all articles; it cannot give the articles of a prefix in order. So the cheapest of three plans runs,
 * estimated from the posting counts (counted inside the database, without reading records):
 * - walk the rarest exact word's postings newest first, checking the other words per article;
 * - gather the prefix's postings (when few: one getAll) and sort them;
 * - walk all articles newest first, checking each (when the words are common, a page fills quickly).
 * "Checking" is one key probe per word in the terms store, keyed [articleId, term].
 */
export async function search(query: string, opts: SearchOptions = {}): Promise<ArticlePage> {
  const limit = pageSize(opts.limit);
  const after = opts.after ? decodeCursor(opts.after) : null;
  const words = [...new Set(tokenize(query))];
  if (words.length === 0) return { items: [], next: null };
  const typing = !/[^\p{L}\p{N}\p{M}]$/u.test(normalizeForSearch(query));

  const db = await openLibrary(opts.dbName);
  const tx = db.transaction(['articles', 'terms', 'meta']);
  const terms = tx.objectStore('terms');
  const byTerm = terms.index('by-term');
  const articles = tx.objectStore('articles');

  const parts: QueryTerm[] = await Promise.all(
    words.map(async (term, i) => {
      const prefix = typing && i === words.length - 1;
      return { term, prefix, count: await byTerm.count(termRange({ term, prefix })) };
    }),
  );
  const fewest = Math.min(...parts.map((q) => q.count));
  if (fewest === 0) return { items: [], next: null };
  const libraryArticles = Math.max(1, (await tx.objectStore('meta').get('usage'))?.articles ?? 1);

  const wanted = limit + 1;
  const exact = parts.filter((q) => !q.prefix).sort((a, b) => a.count - b.count)[0];
  const prefix = parts.find((q) => q.prefix);
  // Expected records visited by each plan, assuming the words' matches overlap as much as they can.
  const walkExactCost = exact ? Math.min(exact.count, (wanted * exact.count) / fewest) : Infinity;
  const gatherCost = prefix ? prefix.count : Infinity;
  const walkAllCost = (wanted * libraryArticles) / fewest;

  const items: SavedArticleSummary[] = [];
  const positionOf = (a: SavedArticleSummary): PagePosition => a;

  /** Whether article `id` has every query word except `skip`. */
  const hasWords = async (id: string, skip: QueryTerm | undefined): Promise<boolean> => {
    for (const q of parts) {
      if (q === skip) continue;
      const probe = q.prefix
        ? IDBKeyRange.bound([id, q.term], [id, q.term + PREFIX_END])
        : IDBKeyRange.only([id, q.term]);
      if ((await terms.getKey(probe)) === undefined) return false;
    }
    return true;
  };
  /** Adds the article if it has the other words and is not deleted; false once the page is full. */
  const consider = async (id: string, skip: QueryTerm | undefined): Promise<boolean> => {
    if (await hasWords(id, skip)) {
      const stored = await articles.get(id);
      if (stored && stored.deletedAt === null) items.push(toSummary(stored));
    }
    return items.length < wanted;
  };

  if (exact && walkExactCost <= gatherCost && walkExactCost <= walkAllCost) {
    let cursor = await byTerm.openKeyCursor(pageRange([exact.term], after), 'prev');
    while (cursor && (await consider(cursor.key[2], exact))) cursor = await cursor.continue();
  } else if (prefix && gatherCost <= walkAllCost) {
    const found = new Map<string, number>();
    for (const { articleId, savedAt } of await byTerm.getAll(termRange(prefix)))
      if (isAfter(savedAt, articleId, after)) found.set(articleId, savedAt);
    const ordered = [...found].sort(([idA, a], [idB, b]) => b - a || (idB < idA ? -1 : idB > idA ? 1 : 0));
    for (const [id] of ordered) if (!(await consider(id, prefix))) break;
  } else {
    let cursor = await articles.index('by-live').openKeyCursor(pageRange([0], after), 'prev');
    while (cursor && (await consider(cursor.primaryKey, undefined))) cursor = await cursor.continue();
  }
  return toPage(items, limit, positionOf);
}

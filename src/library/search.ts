import { toSummary } from './article-record';
import { openLibrary, type LibraryOptions } from './open-library';
import { decodeCursor, pageSize, toPage, type PagePosition } from './page-cursor';
import type { ArticlePage } from './list-articles';
import { compareKeys, termStream, termsWithPrefix, unionStream, type PostingStream } from './posting-stream';
import type { PostingsKey, SavedArticleSummary } from './schema';
import { normalizeForSearch, tokenize } from './tokenize';

export interface SearchOptions extends LibraryOptions {
  /** Page size, 1..500. Default 20. */
  limit?: number;
  /** `next` of the previous page. */
  after?: string | null;
}

/**
 * A word being typed is followed through the index as the union of the terms it begins, up to this many;
 * beyond that (one or two letters typed) it is checked on each candidate instead.
 */
export const MAX_PREFIX_TERMS = 32;

/**
 * Articles containing every word of `query` (normalised like the index: see tokenize.ts), the last word
 * matched as a prefix while it is being typed (no trailing space), newest saved first, deleted ones left
 * out. Words under two letters are ignored; a query with no word gives no results.
 *
 * A page never walks the library. Each word is a stream of its articles, newest first, read from the
 * by-term index by key (a typed prefix: the union of the streams of the terms it begins). The streams are
 * intersected by leapfrogging: each jumps straight to the newest article at or before the oldest one any
 * stream is at (IDBCursor.continuePrimaryKey), so a page costs about one index lookup per word per article
 * shown, or per gap between matches, whether a word is in ten articles or in every one. A prefix that begins
 * too many terms to follow (MAX_PREFIX_TERMS) is checked against each candidate's postings record; when it
 * is the only word, the candidates are the postings records newest first (such a prefix is common, so a
 * page fills after a few dozen).
 */
export async function search(query: string, opts: SearchOptions = {}): Promise<ArticlePage> {
  const limit = pageSize(opts.limit);
  const after = opts.after ? decodeCursor(opts.after) : null;
  const words = [...new Set(tokenize(query))];
  if (words.length === 0) return { items: [], next: null };
  const typing = !/[^\p{L}\p{N}\p{M}]$/u.test(normalizeForSearch(query));

  const db = await openLibrary(opts.dbName);
  const tx = db.transaction(['articles', 'postings']);
  const postings = tx.objectStore('postings');
  const byTerm = postings.index('by-term');
  const articles = tx.objectStore('articles');

  const streams: PostingStream[] = [];
  /** Prefixes too broad to follow: checked on each candidate. */
  const broad: string[] = [];
  await Promise.all(
    words.map(async (word, i) => {
      if (!typing || i < words.length - 1) return streams.push(await termStream(byTerm, word));
      const terms = await termsWithPrefix(byTerm, word, MAX_PREFIX_TERMS);
      if (terms === null) return broad.push(word);
      return streams.push(unionStream(await Promise.all(terms.map((term) => termStream(byTerm, term)))));
    }),
  );

  const wanted = limit + 1;
  const items: SavedArticleSummary[] = [];
  /** Adds the article if it has the broad prefixes and is not deleted. */
  const consider = async (key: PostingsKey, terms?: string[]): Promise<void> => {
    if (broad.length) {
      terms ??= (await postings.get(key))?.terms ?? [];
      if (!broad.every((prefix) => terms!.some((term) => term.startsWith(prefix)))) return;
    }
    const stored = await articles.get(key[1]);
    if (stored && stored.deletedAt === null) items.push(toSummary(stored));
  };
  const start: PostingsKey | null = after ? [after.savedAt, after.id] : null;

  if (streams.length === 0) {
    // Only a broad prefix: walk the postings records newest first.
    const range = start ? IDBKeyRange.upperBound(start, true) : null;
    let cursor = await postings.openCursor(range, 'prev');
    while (cursor && items.length < wanted) {
      await consider(cursor.primaryKey, cursor.value.terms);
      cursor = await cursor.continue();
    }
  } else {
    if (start) {
      await Promise.all(streams.map((s) => s.seek(start)));
      await Promise.all(streams.filter((s) => s.current && compareKeys(s.current, start) === 0).map((s) => s.next()));
    }
    while (items.length < wanted) {
      const match = await leapfrog(streams);
      if (!match) break;
      await consider(match);
      await Promise.all(streams.map((s) => s.next()));
    }
  }
  return toPage(items, limit, (a): PagePosition => a);
}

/** Moves the streams until they are all at one article, and returns it; null when one runs out. */
async function leapfrog(streams: PostingStream[]): Promise<PostingsKey | null> {
  for (;;) {
    let oldest: PostingsKey | null = null;
    for (const s of streams) {
      if (!s.current) return null;
      if (!oldest || compareKeys(s.current, oldest) < 0) oldest = s.current;
    }
    const target = oldest!;
    const ahead = streams.filter((s) => compareKeys(s.current!, target) > 0);
    if (ahead.length === 0) return target;
    await Promise.all(ahead.map((s) => s.seek(target)));
  }
}

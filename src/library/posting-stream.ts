import type { IDBPCursor, IDBPIndex } from 'idb';
import type { LibrarySchema, PostingsKey } from './schema';

type ByTerm = IDBPIndex<LibrarySchema, ('articles' | 'postings')[], 'postings', 'by-term', 'readonly'>;
type TermCursor = IDBPCursor<LibrarySchema, ('articles' | 'postings')[], 'postings', 'by-term', 'readonly'>;

/** Newest-first order of articles: by savedAt, then id (the list's order, and the postings' key order). */
export function compareKeys(a: PostingsKey, b: PostingsKey): number {
  return a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0);
}

/**
 * The articles that have one query word, newest first, walked by key only (no record is read). `current`
 * is the article the stream is at (null once it has run out); `seek` moves to the newest article at or
 * before `target`, with one index lookup however many articles lie in between, so that streams can be
 * intersected by leapfrogging (each jumps to where the furthest one is).
 */
export interface PostingStream {
  current: PostingsKey | null;
  seek(target: PostingsKey): Promise<void>;
  /** Moves past `current`. */
  next(): Promise<void>;
}

/** The articles having exactly `term`: the by-term index entries of one key, in primary key order. */
export async function termStream(byTerm: ByTerm, term: string): Promise<PostingStream> {
  let cursor: TermCursor | null = await byTerm.openKeyCursor(IDBKeyRange.only(term), 'prev');
  const stream: PostingStream = {
    current: cursor ? (cursor.primaryKey as PostingsKey) : null,
    async seek(target) {
      if (!cursor || compareKeys(cursor.primaryKey, target) <= 0) return;
      cursor = await cursor.continuePrimaryKey(term, target);
      stream.current = cursor ? (cursor.primaryKey as PostingsKey) : null;
    },
    async next() {
      if (!cursor) return;
      cursor = await cursor.continue();
      stream.current = cursor ? (cursor.primaryKey as PostingsKey) : null;
    },
  };
  return stream;
}

/** The articles having any of `terms` (the terms a typed prefix can end as), newest first, each once. */
export function unionStream(streams: PostingStream[]): PostingStream {
  const newest = () =>
    streams.reduce<PostingsKey | null>(
      (max, s) => (s.current && (!max || compareKeys(s.current, max) > 0) ? s.current : max),
      null,
    );
  const union: PostingStream = {
    current: newest(),
    async seek(target) {
      await Promise.all(streams.map((s) => s.seek(target)));
      union.current = newest();
    },
    async next() {
      const at = union.current;
      if (!at) return;
      // An article with several of the terms is in several streams: move every one of them past it.
      await Promise.all(streams.filter((s) => s.current && compareKeys(s.current, at) === 0).map((s) => s.next()));
      union.current = newest();
    },
  };
  return union;
}

/**
 * The distinct terms in the index that start with `prefix`, one index lookup each, or null when there are
 * more than `max` (a prefix of a word or two letters long: its articles are many and are better found by
 * walking the library, see search.ts).
 */
export async function termsWithPrefix(byTerm: ByTerm, prefix: string, max: number): Promise<string[] | null> {
  const terms: string[] = [];
  // No term character sorts above U+FFFF's code unit (astral characters are surrogate pairs).
  let cursor = await byTerm.openKeyCursor(IDBKeyRange.bound(prefix, `${prefix}\uffff`));
  while (cursor) {
    if (terms.length === max) return null;
    const term = cursor.key as string;
    terms.push(term);
    // term + U+0000 is the smallest string above term: jump over the rest of its entries.
    cursor = await cursor.continue(`${term}\u0000`);
  }
  return terms;
}

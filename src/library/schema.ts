import type { DBSchema } from 'idb';
import type { Article, Direction } from '../article';

/** Shape version of a SavedArticle record, written into every record (v1 records had none). 3: tags. */
export const RECORD_SCHEMA_VERSION = 3;

/** One image of a saved article. The article's content points at it as `qari-image:<key>`. */
export interface SavedImageRef {
  /** Unique within the article; [A-Za-z0-9_-], so it is safe in file names and URLs. */
  key: string;
  /** Where the image came from; kept so a missing image can still be linked or fetched again. */
  originalUrl: string;
  /** True when no bytes are stored (the fetch failed, or the article predates offline images). */
  missing: boolean;
  /** Why it is missing, in plain words ("HTTP 404"). */
  reason?: string;
  width?: number;
  height?: number;
  /** Stored size; 0 when missing. */
  bytes: number;
  /** MIME type of the stored blob; '' when missing. */
  type: string;
}

/** An article in the library: the Article as it was saved, plus the reader's state. */
export interface SavedArticle extends Article {
  /** Stable hash of the normalized URL (see articleIdFor): saving a URL again updates this record. */
  id: string;
  /** First save, ms since the epoch; the list is ordered by it and it never changes on re-save. */
  savedAt: number;
  /** Last change of anything in the record. */
  updatedAt: number;
  readAt: number | null;
  archived: boolean;
  /** Soft delete (for undo); purgeDeleted removes the record for good. */
  deletedAt: number | null;
  /** Reading position, 0..1. */
  progress: number;
  /** The reader's choice of direction over the detected `dir`. */
  dirOverride: Direction | null;
  /**
   * The reader's tags as written ("Long reads", "عربي"), without two that differ only in case or Unicode form
   * (tagKey): the first spelling is kept. Empty for records saved before version 4.
   */
  tags: string[];
  images: SavedImageRef[];
  /** UTF-8 bytes of `content` plus the stored image bytes. */
  bytes: number;
  schemaVersion: number;
}

/** What lists and search return: everything but the article body (kept out of messages and memory). */
export type SavedArticleSummary = Omit<SavedArticle, 'content' | 'textContent'>;

/** Index keys cannot be booleans or null, so the list filters read these 0/1 copies of the state. */
export interface ArticleFlags {
  archivedFlag: 0 | 1;
  readFlag: 0 | 1;
  deletedFlag: 0 | 1;
  /** tagKey of each tag: the by-tag index (multiEntry) finds "Science" and "science" as one tag. */
  tagKeys: string[];
}

/** Fields of a SavedArticle kept in the `bodies` store: large, and read only when the article is opened. */
export type BodyField = 'content' | 'textContent';

/**
 * An `articles` record: everything but the body, so lists and search read a few hundred bytes per article
 * instead of the whole article (~50 KB).
 */
export type StoredArticle = Omit<SavedArticle, BodyField> & ArticleFlags;

/** A `bodies` record: the body of the article with this id, written in the same transaction as its record. */
export type StoredBody = Pick<SavedArticle, 'id' | BodyField>;

export interface StoredImage {
  articleId: string;
  key: string;
  blob: Blob;
}

/**
 * The search index entry of one article: every term it is found by (articleTerms), in one record. Keyed
 * [savedAt, articleId] so that the by-term index (multiEntry: one index entry per term) lists a term's
 * articles newest first, in the order of the list, and a cursor can jump to a given article in it
 * (continuePrimaryKey). Version 2 had one record per (article, term): 250 records per article, which made
 * saving and counting grow with the library (see README.md, "Stores").
 */
export interface StoredPostings {
  savedAt: number;
  articleId: string;
  terms: string[];
}

/** Primary key of a postings record, and the position of an article in newest-first order. */
export type PostingsKey = [savedAt: number, articleId: string];

/** Running totals, updated in the same transaction as every write, so usage() never sums the library. */
export interface LibraryUsage {
  /** Stored records, soft-deleted ones included (they still take space until purged). */
  articles: number;
  bytes: number;
}

export interface LibrarySchema extends DBSchema {
  articles: {
    key: string;
    value: StoredArticle;
    indexes: {
      'by-savedAt': number;
      'by-url': string;
      /** [deletedFlag, savedAt, id]: the 'all' list, newest first; id breaks ties for a stable cursor. */
      'by-live': [number, number, string];
      /** [deletedFlag, archivedFlag, readFlag, savedAt, id]: the 'unread' list. */
      'by-unread': [number, number, number, number, string];
      /** [deletedFlag, archivedFlag, savedAt, id]: the 'archived' list. */
      'by-archived': [number, number, number, string];
      /** Only soft-deleted records have a deletedAt (null is not a valid key), so this lists just them. */
      'by-deletedAt': number;
      /** multiEntry over `tagKeys` (version 4): tag → its articles. */
      'by-tag': string;
    };
  };
  bodies: {
    key: string;
    value: StoredBody;
  };
  images: {
    /** [articleId, key]: an article's images are the key range [id]..[id, []], no extra index needed. */
    key: [string, string];
    value: StoredImage;
  };
  postings: {
    key: PostingsKey;
    value: StoredPostings;
    /** multiEntry over `terms`: term → the articles that have it, ordered by primary key. */
    indexes: { 'by-term': string };
  };
  meta: {
    key: 'usage';
    value: LibraryUsage;
  };
}

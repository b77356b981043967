import type { Article, Direction } from '../article';
import { QariError } from '../qari-error';
import { articleBytes, articleFields } from './article-record';
import { articleIdFor } from './article-id-for';
import { IMAGE_KEY_PATTERN, imageKeyFor } from './image-key-for';
import type { LibraryOptions } from './open-library';
import { readArticle } from './read-article';
import { rewriteImageSources } from './rewrite-image-sources';
import { RECORD_SCHEMA_VERSION, type SavedArticle, type SavedImageRef, type StoredImage } from './schema';
import { adjustUsage } from './adjust-usage';
import { writeArticle } from './write-article';
import { RequestBatch } from './request-batch';
import { writeTransaction } from './write-transaction';
import { cleanTags } from './tag-key';

/** An image of the article as the background fetched it (or failed to). */
export interface SaveImageInput {
  /** Unique within the article, [A-Za-z0-9_-]{1,100}; imageKeyFor(originalUrl) makes one. */
  key: string;
  /** The URL exactly as it appears in the article's content (src or srcset). */
  originalUrl: string;
  /** The bytes; null when the fetch failed. */
  blob: Blob | null;
  missing?: boolean;
  /** Why it is missing ("HTTP 404", "Too large"). */
  reason?: string;
  width?: number;
  height?: number;
}

export interface SaveOptions extends LibraryOptions {
  /** Sets the reader's direction override; left as it was when omitted. */
  dirOverride?: Direction | null;
  /** Time of the save, ms. Default Date.now(). */
  now?: number;
  /** Tags to add: merged with the article's tags when it is saved again (cleanTags: first spelling kept). */
  tags?: readonly string[];
  /**
   * When the reader first saved it, ms: an import gives the other app's time, so the list keeps that app's
   * order. Used on the first save only (a re-save keeps the library's savedAt). Default `now`.
   */
  savedAt?: number;
  /**
   * The reader's state in the app it comes from, taken on the first save only: a re-save never changes what
   * the reader did here. 'read' marks it read at `savedAt`; 'archived' archives it (archived means done, so read too).
   */
  state?: 'unread' | 'read' | 'archived';
}

export const NOT_DOWNLOADED_REASON = 'Not downloaded when the article was saved.';

function prepareImages(articleId: string, images: SaveImageInput[]): { refs: SavedImageRef[]; blobs: StoredImage[] } {
  const refs: SavedImageRef[] = [];
  const blobs: StoredImage[] = [];
  const keys = new Set<string>();
  for (const image of images) {
    if (!IMAGE_KEY_PATTERN.test(image.key) || keys.has(image.key))
      throw new QariError(`Qari could not save this article: the image key "${image.key}" is invalid or repeated.`);
    keys.add(image.key);
    const missing = image.missing === true || !image.blob;
    const ref: SavedImageRef = {
      key: image.key,
      originalUrl: image.originalUrl,
      missing,
      bytes: missing ? 0 : image.blob!.size,
      type: missing ? '' : image.blob!.type || 'application/octet-stream',
    };
    if (missing) ref.reason = image.reason ?? NOT_DOWNLOADED_REASON;
    if (image.width !== undefined) ref.width = image.width;
    if (image.height !== undefined) ref.height = image.height;
    refs.push(ref);
    if (!missing) blobs.push({ articleId, key: image.key, blob: image.blob! });
  }
  return { refs, blobs };
}

/**
 * Saves an article with its images, in one transaction over the library: all of it, or (on any failure,
 * running out of space included) nothing. Saving a URL that is already saved (in any form normalizeUrl
 * folds together) replaces its body, images and search terms; the reader's state (savedAt, read, archived,
 * progress, direction override) is kept, and a soft-deleted copy comes back.
 *
 * The saved content names images as `qari-image:<key>`. Network images in `src` that the caller did not
 * provide are recorded as missing refs (keeping their URL), so saved content never loads from the network;
 * srcset candidates without a stored image are dropped (the src carries the image).
 */
export async function saveArticle(
  article: Article,
  images: SaveImageInput[],
  opts: SaveOptions = {},
): Promise<SavedArticle> {
  if (typeof article.url !== 'string' || !article.url)
    throw new QariError('Qari could not save this article: it has no address.');
  const now = opts.now ?? Date.now();
  const id = articleIdFor(article.url);
  const { refs, blobs } = prepareImages(id, images);
  const keyOf = new Map(refs.map((ref) => [ref.originalUrl, ref.key]));
  const keys = new Set(refs.map((ref) => ref.key));
  const content = rewriteImageSources(article.content, (url, attribute) => {
    const known = keyOf.get(url);
    if (known !== undefined || attribute === 'srcset') return known ?? null;
    let key = imageKeyFor(url);
    for (let n = 2; keys.has(key); n++) key = `${imageKeyFor(url)}-${n}`;
    keys.add(key);
    keyOf.set(url, key);
    refs.push({ key, originalUrl: url, missing: true, reason: NOT_DOWNLOADED_REASON, bytes: 0, type: '' });
    return key;
  });
  const bytes = articleBytes(content, refs);

  return writeTransaction(opts.dbName, async (tx) => {
    const batch = new RequestBatch();
    const previous = await readArticle({ articles: tx.objectStore('articles'), bodies: tx.objectStore('bodies') }, id);
    const firstSavedAt = opts.savedAt !== undefined && Number.isFinite(opts.savedAt) ? opts.savedAt : now;
    const state = opts.state ?? 'unread';
    const record: SavedArticle = {
      ...articleFields(article),
      id,
      content,
      savedAt: previous?.savedAt ?? firstSavedAt,
      updatedAt: now,
      readAt: previous ? previous.readAt : state === 'unread' ? null : firstSavedAt,
      archived: previous ? previous.archived : state === 'archived',
      deletedAt: null,
      progress: previous?.progress ?? 0,
      dirOverride: opts.dirOverride !== undefined ? opts.dirOverride : (previous?.dirOverride ?? null),
      tags: cleanTags([...(previous?.tags ?? []), ...(opts.tags ?? [])]),
      images: refs,
      bytes,
      schemaVersion: RECORD_SCHEMA_VERSION,
    };
    const change = writeArticle(tx, batch, record, blobs, previous);
    await adjustUsage(tx, change);
    await batch.flush();
    return record;
  });
}

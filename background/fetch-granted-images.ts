import {
  getArticle,
  getImages,
  resolveSavedImages,
  saveArticle,
  type SaveImageInput,
  type SavedImageRef,
} from '../src/library';
import { articleFields } from '../src/library/article-record';
import { hasHostAccess } from './extract-url';
import { downloadImage, prepareImage, type FetchedImage } from './fetch-image';

export interface ImageFollowUp {
  /** Images downloaded now. */
  fetched: number;
  /** Missing images whose site Qari still may not read. */
  waiting: number;
}

const download = async (url: string): Promise<FetchedImage> => {
  const result = await downloadImage(url);
  return result instanceof Blob ? prepareImage(result) : { ok: false, reason: result.reason };
};

/**
 * The follow-up of a save whose images live on sites Qari was not yet allowed to read (the popup asks for them
 * while the article is already being stored): downloads the missing images whose site is allowed now, and stores
 * the article again with them, in one transaction (saveArticle keeps the reader's state). Nothing happens to an
 * article deleted meanwhile.
 */
export async function fetchGrantedImages(
  articleId: string,
  deps: {
    granted?: (url: string) => Promise<boolean>;
    fetch?: (url: string) => Promise<FetchedImage>;
    dbName?: string;
  } = {},
): Promise<ImageFollowUp> {
  const { granted = hasHostAccess, fetch = download, dbName } = deps;
  const saved = await getArticle(articleId, { dbName });
  if (!saved || saved.deletedAt) return { fetched: 0, waiting: 0 };
  const allowed = new Set<SavedImageRef>();
  let waiting = 0;
  for (const ref of saved.images.filter((i) => i.missing)) {
    if (await granted(ref.originalUrl).catch(() => false)) allowed.add(ref);
    else waiting++;
  }
  if (!allowed.size) return { fetched: 0, waiting };
  const stored = await getImages(articleId, { dbName });
  let fetched = 0;
  const images: SaveImageInput[] = [];
  for (const ref of saved.images) {
    const base = { key: ref.key, originalUrl: ref.originalUrl, width: ref.width, height: ref.height };
    if (!ref.missing) {
      const blob = stored.get(ref.key) ?? null;
      images.push({ ...base, blob, missing: !blob });
      continue;
    }
    const got = allowed.has(ref) ? await fetch(ref.originalUrl) : null;
    if (got?.ok) {
      fetched++;
      images.push({ key: ref.key, originalUrl: ref.originalUrl, blob: got.blob, width: got.width, height: got.height });
    } else images.push({ ...base, blob: null, missing: true, reason: got && !got.ok ? got.reason : ref.reason });
  }
  // The saved content names images by key; saveArticle wants them by their URL again.
  const urlOf = new Map(saved.images.map((ref) => [ref.key, ref.originalUrl]));
  const content = resolveSavedImages(saved.content, (key) => urlOf.get(key) ?? null);
  await saveArticle({ ...articleFields(saved), content }, images, { dbName });
  return { fetched, waiting };
}

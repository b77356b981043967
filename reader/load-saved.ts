import type { Article, Direction } from '../src/article';
import { getArticle } from '../src/library/get-article';
import { getImages } from '../src/library/get-images';
import { offlineImageSources, resolveSavedImages } from '../src/library/rewrite-image-sources';
import { QariError } from '../src/qari-error';

export interface SavedForReading {
  article: Article;
  dirOverride: Direction | null;
  progress: number;
  /** Revokes the blob: URLs made for the images. */
  release(): void;
}

/**
 * A saved article as the reader renders it: straight from the library, images as blob: URLs made from the
 * stored bytes, so it reads the same with no network at all. Missing images simply have no source.
 */
export async function loadSaved(id: string): Promise<SavedForReading> {
  const saved = await getArticle(id);
  if (!saved || saved.deletedAt) throw new QariError('This saved article is no longer in your library.', 'not-article');
  const blobs = await getImages(id);
  const urls = new Map<string, string>();
  for (const [key, blob] of blobs) urls.set(key, URL.createObjectURL(blob));
  // Offline only, whatever the record holds (an import, an older version's save): no image URL but the stored
  // bytes' blob: URLs and raster data: survives; the page's CSP says the same.
  const content = offlineImageSources(resolveSavedImages(saved.content, (key) => urls.get(key) ?? null));
  return {
    article: { ...saved, content },
    dirOverride: saved.dirOverride,
    progress: saved.progress,
    release: () => urls.forEach((url) => URL.revokeObjectURL(url)),
  };
}

import { openLibrary, type LibraryOptions } from './open-library';
import { ownedRange } from './write-article';

/** The stored images of an article, by key (missing images are absent). The reader makes blob: URLs of them. */
export async function getImages(id: string, opts: LibraryOptions = {}): Promise<Map<string, Blob>> {
  const db = await openLibrary(opts.dbName);
  const images = await db.getAll('images', ownedRange(id));
  return new Map(images.map((image) => [image.key, image.blob]));
}

import { strToU8, zipSync, type Zippable } from 'fflate';
import { toSavedArticle } from './article-record';
import {
  EXPORT_FORMAT,
  EXPORT_MANIFEST,
  EXPORT_VERSION,
  type ExportedArticle,
  type ExportManifest,
} from './export-format';
import { imagePath } from './image-file-name';
import { openLibrary, type LibraryOptions } from './open-library';
import { renderArticleHtml } from './render-article-html';
import type { SavedArticle, StoredArticle, StoredImage } from './schema';
import { ownedRange } from './write-article';

export interface ExportOptions extends LibraryOptions {
  /** Only these articles (unknown ids are skipped). Default: every article not deleted. */
  ids?: string[];
  /** Time of the export, ms. Default Date.now(). */
  now?: number;
}

export const LOST_IMAGE_REASON = 'The stored copy of this image was lost.';

/**
 * The library (or some articles) as one zip: `qari-library.json` (every record, without image bytes,
 * image refs naming their files), `articles/<id>.html` (a standalone readable copy of each article) and
 * `images/<id>/<key>.<ext>`. Deleted articles are left out. importLibrary reads it back losslessly.
 * Everything is built in memory: fine for libraries of hundreds of megabytes, not of gigabytes.
 */
export async function exportLibrary(opts: ExportOptions = {}): Promise<Uint8Array> {
  const db = await openLibrary(opts.dbName);
  const tx = db.transaction(['articles', 'bodies', 'images']);
  const stored: (StoredArticle | undefined)[] = opts.ids
    ? await Promise.all([...new Set(opts.ids)].map((id) => tx.objectStore('articles').get(id)))
    : (await tx.objectStore('articles').index('by-savedAt').getAll()).reverse();
  const live = stored.filter((r): r is StoredArticle => !!r && r.deletedAt === null);
  const bodies = await Promise.all(live.map((r) => tx.objectStore('bodies').get(r.id)));
  const records = live.map((r, i) => toSavedArticle(r, bodies[i]));
  const images = await Promise.all(records.map((r) => tx.objectStore('images').getAll(ownedRange(r.id))));
  await tx.done;

  const when = opts.now ?? Date.now();
  const files: Zippable = {};
  const exported: ExportedArticle[] = [];
  for (const [i, record] of records.entries()) {
    const blobs = new Map((images[i] as StoredImage[]).map((image) => [image.key, image.blob]));
    const article: SavedArticle = { ...record, images: [] };
    const refs: ExportedArticle['images'] = [];
    for (const ref of record.images) {
      const blob = blobs.get(ref.key);
      if (ref.missing || !blob) {
        // A ref whose bytes are gone is exported as what it now is, a missing image, so import accepts it.
        const missing = ref.missing ? ref : { ...ref, missing: true, reason: LOST_IMAGE_REASON, bytes: 0, type: '' };
        article.images.push(missing);
        refs.push({ ...missing, file: null });
        continue;
      }
      const file = imagePath(record.id, ref);
      // Images are compressed already: store them as they are.
      files[file] = [new Uint8Array(await blob.arrayBuffer()), { level: 0 }];
      article.images.push(ref);
      refs.push({ ...ref, file });
    }
    const htmlFile = `articles/${record.id}.html`;
    // The HTML sits in articles/, so its images are one folder up.
    files[htmlFile] = strToU8(
      renderArticleHtml(article, (ref) => (ref.missing ? null : `../${imagePath(record.id, ref)}`)),
    );
    exported.push({ ...article, images: refs, file: htmlFile });
  }
  const manifest: ExportManifest = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: new Date(when).toISOString(),
    articles: exported,
  };
  files[EXPORT_MANIFEST] = strToU8(JSON.stringify(manifest, null, 1));
  return zipSync(files, { level: 6, mtime: when });
}

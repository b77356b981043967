import type { SavedArticle, SavedImageRef } from './schema';

/** The zip entry that marks a Qari export and holds its records. */
export const EXPORT_MANIFEST = 'qari-library.json';
export const EXPORT_FORMAT = 'qari-library';
/** Export format version: bumped only when an older Qari could no longer read an export correctly. */
export const EXPORT_VERSION = 1;

/** An image ref as exported: where its bytes are in the zip (null when missing). */
export interface ExportedImageRef extends SavedImageRef {
  file: string | null;
}

/** A record as exported: the whole SavedArticle (the JSON is what import reads; the HTML is for people). */
export interface ExportedArticle extends Omit<SavedArticle, 'images'> {
  images: ExportedImageRef[];
  /** The readable HTML copy in the zip. */
  file: string;
}

export interface ExportManifest {
  format: typeof EXPORT_FORMAT;
  version: number;
  /** ISO 8601. */
  exportedAt: string;
  articles: ExportedArticle[];
}

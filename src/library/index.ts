/**
 * The saved-articles library: the only code that touches IndexedDB. Pure IndexedDB (through idb), so it
 * runs in the service worker, in extension pages and in Node tests (fake-indexeddb). Every function takes
 * an optional `dbName` (tests); the extension uses the default library.
 */
export { articleIdFor } from './article-id-for';
export { deleteArticle, purgeDeleted, undoDelete } from './delete-article';
export { exportArticleMarkdown } from './export-article-markdown';
export { exportLibrary, type ExportOptions } from './export-library';
export { findArticleByUrl, getArticle } from './get-article';
export { getImages } from './get-images';
export { imageKeyFor } from './image-key-for';
export { importLibrary, type ImportResult } from './import-library';
export { LibraryError, STORAGE_FULL_MESSAGE, type LibraryErrorKind } from './library-error';
export { countArticles, listArticles, type ArticleFilter, type ArticlePage, type ListOptions } from './list-articles';
export { listTags, type TagCount } from './list-tags';
export { listImageSources } from './map-image-sources';
export { normalizeUrl } from './normalize-url';
export {
  closeLibrary,
  DEFAULT_LIBRARY_NAME,
  deleteLibrary,
  LIBRARY_VERSION,
  openLibrary,
  type LibraryOptions,
} from './open-library';
export {
  resolveSavedImages,
  rewriteImageSources,
  SAVED_IMAGE_SCHEME,
  savedImageKey,
  savedImageUrl,
} from './rewrite-image-sources';
export { saveArticle, type SaveImageInput, type SaveOptions } from './save-article';
export type { LibraryUsage, SavedArticle, SavedArticleSummary, SavedImageRef } from './schema';
export { search, type SearchOptions } from './search';
export { normalizeForSearch, tokenize } from './tokenize';
export { cleanTags, tagKey } from './tag-key';
export { markRead, setArchived, setDirOverride, setProgress, setTags, type UpdateOptions } from './update-article';
export { usage } from './usage';

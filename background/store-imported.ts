import type { Article } from '../src/article';
import type { ImportEntry } from '../src/import/import-entry';
import type { SavedArticleSummary } from '../src/library';
import { saveForLater } from './save-for-later';

/** Images of an article that came without a tab are downloaded by the extension only: no page to ask. */
const noPage = async () => ({ reason: 'Could not download.' });

/**
 * Stores an article that came from the queue, with the reader's state from the entry: the article and its images
 * in one transaction (saveForLater, exactly as a popup save), with the tags, date and state the other app had.
 * The one place an entry's tags, date and state reach the library.
 */
export async function storeImported(
  entry: Omit<ImportEntry, 'content'>,
  article: Article,
): Promise<SavedArticleSummary> {
  const titled = article.title ? article : { ...article, title: entry.title ?? '' };
  // In the one transaction of the save: tags (merged with any the article has), and, on a first save only, the
  // other app's date (the reading list sorts by it) and read/archived state; a re-save never undoes the reader.
  return saveForLater(titled, noPage, () => undefined, {
    tags: entry.tags,
    ...(entry.addedAt !== undefined && { savedAt: entry.addedAt }),
    state: entry.state,
  });
}

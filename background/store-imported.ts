import type { Article } from '../src/article';
import type { ImportEntry } from '../src/import/import-entry';
import { markRead, setArchived, type SavedArticleSummary } from '../src/library';
import { saveForLater } from './save-for-later';

/** Images of an article that came without a tab are downloaded by the extension only: no page to ask. */
const noPage = async () => ({ reason: 'Could not download.' });

/**
 * Stores an article that came from the queue, with the reader's state from the entry: the article and its images
 * in one transaction (saveForLater, exactly as a popup save), then read / archived as the other app had it.
 * The one place an entry's tags, date and state reach the library.
 */
export async function storeImported(
  entry: Omit<ImportEntry, 'content'>,
  article: Article,
): Promise<SavedArticleSummary> {
  const titled = article.title ? article : { ...article, title: entry.title ?? '' };
  const saved = await saveForLater(titled, noPage, () => undefined, {
    // When the reader first saved it in the other app: the reading list sorts by it. Kept when already saved.
    savedAt: entry.addedAt,
    // Merged with the tags the article has when it is already saved.
    tags: entry.tags,
    // Taken on the first save only; the calls below also bring it to an article saved meanwhile.
    state: entry.state,
  });
  if (entry.state === 'read' || entry.state === 'archived') await markRead(saved.id);
  if (entry.state === 'archived') await setArchived(saved.id, true);
  return saved;
}

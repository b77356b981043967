import type { SavedArticleSummary } from '../src/library';
import { callTab, emitEvent } from '../src/messages';
import { dataUrlToBlob } from './data-url-to-blob';
import { ensureContent } from './ensure-content';
import { saveForLater } from './save-for-later';

/**
 * Saves a tab's live article (what the reader sees, logged-in content included): the content script extracts it
 * and fetches the page's own images; the library gets article and images in one transaction. The popup's "Save for
 * later", the "Save page to Qari" menu item and "Save all tabs" all come here.
 */
export async function saveTab(tabId: number): Promise<SavedArticleSummary> {
  await ensureContent(tabId);
  const article = await callTab(tabId, 'getArticle', {});
  const viaPage = async (url: string) => {
    const result = await callTab(tabId, 'fetchImage', { url }).catch(() => ({ error: 'The page is gone.' }));
    return 'dataUrl' in result ? dataUrlToBlob(result.dataUrl) : { reason: result.error };
  };
  return saveForLater(article, viaPage, (done, total) => emitEvent({ type: 'saveProgress', tabId, done, total }));
}

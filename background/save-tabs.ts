import browser from 'webextension-polyfill';
import type { ImportEntry } from '../src/import/import-entry';
import { findArticleByUrl } from '../src/library';
import type { SaveTabsResult } from '../src/messages';
import { enqueueEntries } from '../src/queue';
import { runner } from './queue-service';
import { saveTab } from './save-tab';

/** Tabs read at once: each one runs the extraction in its own page, so two keep both cores busy and no more. */
const PARALLEL = 2;

const isWebPage = (url: string | undefined): url is string => !!url && /^https?:/i.test(url);

/**
 * "Save all N tabs": every web page of the window. A tab is read live when it can be (the article as the reader
 * sees it, no second download); one that cannot (discarded to save memory, unloaded, refused) is queued as a
 * fetch. Without host access a tab's URL is hidden from Qari: it is skipped.
 */
export async function saveTabs(windowId: number): Promise<SaveTabsResult> {
  const tabs = await browser.tabs.query({ windowId });
  const result: SaveTabsResult = { saved: 0, queued: 0, alreadySaved: 0, skipped: 0 };
  const fallback: ImportEntry[] = [];
  const todo = [...tabs];
  const worker = async () => {
    for (let tab = todo.shift(); tab; tab = todo.shift()) {
      if (!isWebPage(tab.url) || tab.id === undefined) {
        result.skipped++;
        continue;
      }
      const saved = await findArticleByUrl(tab.url).catch(() => null);
      if (saved && !saved.deletedAt) {
        result.alreadySaved++;
        continue;
      }
      try {
        if (tab.discarded || tab.status === 'unloaded') throw new Error('not loaded');
        await saveTab(tab.id);
        result.saved++;
      } catch {
        fallback.push({ url: tab.url, source: 'tab', title: tab.title, tags: [], state: 'unread' });
      }
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  if (fallback.length) {
    const { queued, alreadySaved } = await enqueueEntries(fallback, 'Tabs');
    result.queued += queued;
    result.alreadySaved += alreadySaved;
    void runner.wake();
  }
  return result;
}

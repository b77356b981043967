import browser, { type Tabs } from 'webextension-polyfill';
import {
  backgroundPolicy,
  callTab,
  emitEvent,
  handleMessages,
  QariError,
  type BackgroundMethods,
} from '../src/messages';
import { loadRemovedBlocks } from '../src/site-rules/removed-blocks';
import { ensureContent } from './ensure-content';
import { dataUrlToBlob } from './data-url-to-blob';
import { saveForLater } from './save-for-later';

/**
 * The service worker routes messages between popup, content script and reader page, and handles the
 * keyboard command. It keeps no state of its own: the browser may stop it at any moment.
 */

async function setReaderOpen(tabId: number, open: boolean): Promise<{ open: boolean }> {
  await ensureContent(tabId);
  if (!open) return callTab(tabId, 'hideReader', {});
  const inspection = await callTab(tabId, 'analyze', { tabId });
  if (!inspection.isArticle)
    throw new QariError(inspection.reason ?? 'No article was found on this page.', 'not-article');
  return callTab(tabId, 'showReader', {});
}

// Chrome 102+: storage.local only for extension pages and the worker, not content scripts, which sit in pages
// that may be hostile and get only their own site's removed blocks (removedBlocks below). Firefox has no
// setAccessLevel: there content scripts keep access (README, Security).
const local = browser.storage.local as typeof browser.storage.local & {
  setAccessLevel?: (options: { accessLevel: 'TRUSTED_CONTEXTS' | 'TRUSTED_AND_UNTRUSTED_CONTEXTS' }) => Promise<void>;
};
void local.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' }).catch(() => undefined);

handleMessages<BackgroundMethods, typeof backgroundPolicy>('background', backgroundPolicy, {
  inspectTab: async ({ tabId }) => {
    await ensureContent(tabId);
    return callTab(tabId, 'analyze', { tabId });
  },
  setReaderOpen: ({ tabId, open }) => setReaderOpen(tabId, open),
  // The reader frame's tab is the one it sits in; the content script there checks the frame's token.
  getLiveArticle: ({ token }, { tabId }) => callTab(tabId, 'readerArticle', { token }),
  closeReader: ({ token }, { tabId }) => callTab(tabId, 'readerClose', { token }),
  describeBlock: ({ token, text }, { tabId }) => callTab(tabId, 'describeBlock', { token, text }),
  removedBlocks: (_args, { url }) => loadRemovedBlocks(url),
  saveArticle: async ({ tabId }) => {
    await ensureContent(tabId);
    const article = await callTab(tabId, 'getArticle', {});
    const viaPage = async (url: string) => {
      const result = await callTab(tabId, 'fetchImage', { url }).catch(() => ({ error: 'The page is gone.' }));
      return 'dataUrl' in result ? dataUrlToBlob(result.dataUrl) : { reason: result.error };
    };
    return saveForLater(article, viaPage, (done, total) => emitEvent({ type: 'saveProgress', tabId, done, total }));
  },
});

/** Keyboard commands from the manifest. Alt+Shift+R by default; changeable at chrome://extensions/shortcuts or about:addons. */
const commands: Record<string, (tab?: Tabs.Tab) => Promise<void>> = {
  'toggle-reader': async (tab) => {
    const tabId = tab?.id ?? (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id;
    if (tabId === undefined) return;
    try {
      await ensureContent(tabId);
      const { open } = await callTab(tabId, 'isReaderOpen', {});
      await setReaderOpen(tabId, !open);
      await browser.action.setBadgeText({ tabId, text: '' });
    } catch (error) {
      // No popup to show the reason in: the badge says something went wrong, the tooltip says what.
      const message = error instanceof Error ? error.message : String(error);
      await browser.action.setBadgeText({ tabId, text: '!' });
      await browser.action.setTitle({ tabId, title: `Qari: ${message}` });
    }
  },
};

browser.commands.onCommand.addListener((command, tab) => commands[command]?.(tab));

// Headless Chromium has no window to deliver accelerators to, so the end-to-end test runs a command the way
// onCommand does, through this table. Only extension pages can reach the worker's global scope.
(globalThis as { qariCommands?: typeof commands }).qariCommands = commands;

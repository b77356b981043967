import browser, { type Tabs } from 'webextension-polyfill';
import { callTab, handleMessages, QariError, type BackgroundMethods } from '../src/messages';
import { backgroundPolicy } from '../src/message-policy';
import { enqueueEntries, enqueueImagesJob } from '../src/queue';
import { hasHostAccess } from './extract-url';
import { loadRemovedBlocks } from '../src/site-rules/removed-blocks';
import { createMenus, menuItems, onMenuClicked } from './context-menu';
import { ensureContent } from './ensure-content';
import { controlQueue, queueStatus, runner, wakeQueueOnEvents } from './queue-service';
import { saveTab } from './save-tab';
import { saveTabs } from './save-tabs';

/**
 * The service worker routes messages between popup, content script and reader page, and handles the
 * keyboard command. It keeps no state of its own: the browser may stop it at any moment.
 */

/** The page's own images come through the page and never wait for access: only other sites' images do. */
function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}

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
    const saved = await saveTab(tabId);
    // Images on sites not allowed yet (the popup asks while this save runs): fetched by a follow-up job once allowed.
    const pending = await Promise.all(
      saved.images
        .filter((i) => i.missing && !sameOrigin(i.originalUrl, saved.url))
        .map(async (i) => !(await hasHostAccess(i.originalUrl).catch(() => false))),
    );
    if (pending.some(Boolean)) {
      await enqueueImagesJob(saved.id, saved.url);
      void runner.wake();
    }
    return saved;
  },
  saveTabs: ({ windowId }) => saveTabs(windowId),
  enqueueEntries: async ({ entries, batchLabel }) => {
    const result = await enqueueEntries(entries, batchLabel);
    void runner.wake();
    return result;
  },
  queueStatus: () => queueStatus(),
  queueControl: ({ action }) => controlQueue(action),
});

// The save queue resumes whenever the worker starts (startup, install, an alarm, any message).
wakeQueueOnEvents();

browser.runtime.onInstalled.addListener(() => void createMenus());
browser.runtime.onStartup.addListener(() => void createMenus());
browser.contextMenus.onClicked.addListener((info, tab) => void onMenuClicked(info, tab));

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

// Headless Chromium has no window to deliver accelerators to, and no native context menu to click, so the
// end-to-end tests run a command the way onCommand does, and a menu click the way onClicked does, through these.
// Only extension pages can reach the worker's global scope.
Object.assign(globalThis, { qariCommands: commands, qariMenu: { items: menuItems, onClicked: onMenuClicked } });

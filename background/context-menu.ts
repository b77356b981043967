import browser, { type Menus, type Tabs } from 'webextension-polyfill';
import { t } from '../src/i18n';
import { articleIdFor } from '../src/library';
import { enqueueEntries } from '../src/queue';
import { sitePattern } from './extract-url';
import { runner, watchJob } from './queue-service';
import { saveTab } from './save-tab';

/**
 * "Save link to Qari" on links, "Save page to Qari" on pages. The result shows on the toolbar button of the tab the
 * click came from (a badge, and the button's title says what happened): no notifications permission for it.
 */

export interface MenuItem {
  id: 'qari-save-link' | 'qari-save-page';
  contexts: Menus.ContextType[];
  title: string;
}

const WEB = ['http://*/*', 'https://*/*'];

/** The items as created. The contextMenus API has no getter: the e2e test reads this table instead. */
export const menuItems: MenuItem[] = [];

/** (Re)creates the items. Called on install and at browser start: Chrome keeps them, Firefox's event page may not. */
export async function createMenus(): Promise<void> {
  await browser.contextMenus.removeAll();
  menuItems.length = 0;
  const items: MenuItem[] = [
    { id: 'qari-save-link', contexts: ['link'], title: t('menuSaveLink') },
    { id: 'qari-save-page', contexts: ['page'], title: t('menuSavePage') },
  ];
  for (const item of items) {
    browser.contextMenus.create({
      ...item,
      ...(item.id === 'qari-save-link' ? { targetUrlPatterns: WEB } : { documentUrlPatterns: WEB }),
    });
    menuItems.push(item);
  }
}

async function show(tabId: number | undefined, text: string, title: string): Promise<void> {
  if (tabId === undefined || tabId < 0) return;
  await browser.action.setBadgeText({ tabId, text }).catch(() => undefined);
  await browser.action.setTitle({ tabId, title }).catch(() => undefined);
}

/**
 * A link: asks for access to the link's site (the click is a user action in both browsers, and this must be the
 * first call of the handler, before any await, for the prompt to be allowed), then queues it. Where no prompt can
 * be shown (already granted, or a call outside a click such as the e2e hook), access is checked instead.
 */
export async function saveLink(url: string, tab?: Tabs.Tab): Promise<void> {
  const origins = [sitePattern(url)];
  const asked = browser.permissions.request({ origins });
  const granted = await asked.catch(() => browser.permissions.contains({ origins }).catch(() => false));
  const tabId = tab?.id;
  const { queued } = await enqueueEntries([{ url, source: 'link', tags: [], state: 'unread' }], 'Links');
  if (!queued) return show(tabId, '✓', t('linkAlreadySaved'));
  if (!granted) {
    // The job fails as 'blocked' and waits in the failure list for "Retry failed"; say it here at once.
    void show(tabId, '!', t('linkFailed', t('siteAccessRefused')));
  } else void show(tabId, '…', t('linkQueued'));
  watchJob(
    articleIdFor(url),
    (failure) =>
      void (failure ? show(tabId, '!', t('linkFailed', failure.message)) : show(tabId, '✓', t('linkSaved', url))),
  );
  await runner.wake();
}

/** The page itself: the same path as the popup's "Save for later" (the click grants activeTab). */
export async function savePage(tab: Tabs.Tab): Promise<void> {
  if (tab.id === undefined) return;
  try {
    const saved = await saveTab(tab.id);
    await show(tab.id, '✓', t('linkSaved', saved.title || saved.url));
  } catch (error) {
    await show(tab.id, '!', t('linkFailed', error instanceof Error ? error.message : String(error)));
  }
}

/** What a click on one of the items does (the e2e test calls it the same way, see background/index.ts). */
export function onMenuClicked(info: Menus.OnClickData, tab?: Tabs.Tab): Promise<void> {
  if (info.menuItemId === 'qari-save-link' && info.linkUrl && /^https?:/i.test(info.linkUrl))
    return saveLink(info.linkUrl, tab);
  if (info.menuItemId === 'qari-save-page' && tab) return savePage(tab);
  return Promise.resolve();
}

import browser from 'webextension-polyfill';

/**
 * The tab the popup acts on: `?tab=<id>` when the popup is opened as a normal tab (keyboard users, tests),
 * else the active tab of the window the popup belongs to.
 */
export async function targetTabId(search = location.search): Promise<number | null> {
  const fromParam = Number(new URLSearchParams(search).get('tab'));
  if (Number.isInteger(fromParam) && fromParam >= 0 && new URLSearchParams(search).has('tab')) return fromParam;
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  return tab?.id ?? null;
}

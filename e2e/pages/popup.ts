import type { Page } from 'playwright-core';
import type { Qari } from '../launch';

/**
 * Clicks the toolbar button for `page` (granting activeTab as a real click does), then opens the popup as
 * a normal tab for that page's tab id, which is how the tests drive it. The helper tab is opened first and
 * navigated after the click: opening a tab would make it the active one and steal the click.
 */
export async function popupFor(qari: Qari, page: Page): Promise<Page> {
  const popup = await qari.ctx.newPage();
  const tabId = await qari.tabIdOf(page);
  await qari.clickAction(page);
  await popup.goto(`chrome-extension://${qari.extId}/popup.html?tab=${tabId}`);
  await popup.waitForSelector('body[data-ready]');
  return popup;
}

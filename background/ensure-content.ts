import browser from 'webextension-polyfill';
import { callTab } from '../src/messages';
import { explainInjectionError } from './explain-injection-error';

/** Injects the content script unless it already answers in that tab (injection is on demand only). */
export async function ensureContent(tabId: number): Promise<void> {
  try {
    await callTab(tabId, 'isReaderOpen', {});
    return;
  } catch {
    // Not injected yet (or the page navigated since): inject below.
  }
  let url: string | undefined;
  try {
    url = (await browser.tabs.get(tabId)).url;
  } catch (error) {
    throw explainInjectionError(error);
  }
  try {
    await browser.scripting.executeScript({ target: { tabId }, files: ['content.js'] });
  } catch (error) {
    throw explainInjectionError(error, url);
  }
}

/**
 * Chrome's service worker has no DOMParser, so fetched pages are parsed in an offscreen document
 * (offscreen.html, reason DOM_PARSER): created when the first page needs it, closed when the queue is idle, so it
 * costs nothing the rest of the time. Firefox has no offscreen API and needs none (its background is a page).
 */

const PATH = 'offscreen.html';
let creating: Promise<void> | null = null;

async function exists(): Promise<boolean> {
  const url = chrome.runtime.getURL(PATH);
  const contexts = await chrome.runtime.getContexts({
    contextTypes: ['OFFSCREEN_DOCUMENT' as chrome.runtime.ContextType],
    documentUrls: [url],
  });
  return contexts.length > 0;
}

/** Makes sure the offscreen document is there (one at a time: two creations at once would fail the second). */
export async function ensureOffscreenDocument(): Promise<void> {
  if (await exists()) return;
  creating ??= chrome.offscreen
    .createDocument({
      url: PATH,
      reasons: ['DOM_PARSER' as chrome.offscreen.Reason],
      justification: 'Parse pages saved from links and imports, and extract their article.',
    })
    .catch(async (error: unknown) => {
      // Created meanwhile by a worker that was stopped before it could remember it: fine.
      if (!(await exists())) throw error;
    })
    .finally(() => (creating = null));
  await creating;
}

export async function closeOffscreenDocument(): Promise<void> {
  if (typeof chrome === 'undefined' || !chrome.offscreen) return;
  await creating?.catch(() => undefined);
  if (await exists().catch(() => false)) await chrome.offscreen.closeDocument().catch(() => undefined);
}

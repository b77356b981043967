import type { Frame, Page } from 'playwright-core';

/**
 * The reader view as it sits over a page. Its iframe lives in a closed shadow root, which selectors cannot
 * enter (on purpose: neither can the page), so the test finds it among the page's frames by URL.
 */
export function readerFrame(page: Page): Frame | null {
  return page.frames().find((f) => /^chrome-extension:\/\/[^/]+\/reader\.html/.test(f.url())) ?? null;
}

async function findFrame(page: Page): Promise<Frame> {
  const deadline = Date.now() + 15_000;
  let frame = readerFrame(page);
  while (!frame) {
    if (Date.now() > deadline) throw new Error('the reader frame never appeared');
    // The frame may have navigated between the check above and this wait: wake up often to look again.
    await page.waitForEvent('framenavigated', { timeout: 250 }).catch(() => undefined);
    frame = readerFrame(page);
  }
  return frame;
}

export async function waitForReader(page: Page, state: 'ok' | 'error' = 'ok'): Promise<Frame> {
  const frame = await findFrame(page);
  await frame.waitForSelector(`body[data-ready="${state}"]`, { timeout: 15_000 });
  return frame;
}

/**
 * The reader the open popup prepared out of sight (content/reader-frame.ts), once its article is rendered:
 * `body[data-ready]` comes only after it is shown.
 */
export async function waitForPreparedReader(page: Page): Promise<Frame> {
  const frame = await findFrame(page);
  await frame.waitForSelector('main#reader:not([aria-busy])', { state: 'attached', timeout: 15_000 });
  return frame;
}

/** True while Qari's container is in the page (the only node Qari ever adds), shown or prepared. */
export function readerShown(page: Page): Promise<boolean> {
  // Through the prototype: test pages may clobber document.querySelector with a named form.
  return page.evaluate(() => !!Document.prototype.querySelector.call(document, 'qari-reader'));
}

import { join, resolve } from 'node:path';
import type { ElementHandle } from 'puppeteer-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { EXT_ORIGIN, launchQariFirefox, type QariFirefox } from './firefox/launch';

/**
 * The library page in real headless Firefox ESR: it loads (its own build, a module worker, DOMParser for
 * bookmarks) and reads an export of each kind that needs the worker or the DOM parser.
 */

let qari: QariFirefox;

beforeAll(async () => {
  qari = await launchQariFirefox();
});

afterAll(async () => {
  await qari?.close();
});

test('Firefox: the library page reads a Pocket CSV (worker) and a bookmarks file (DOMParser)', async () => {
  const { tabId } = await qari.openTab(`${qari.server.origin}/articles/30.html`);
  const page = await qari.openPopup(tabId);
  // From one extension page to another (BiDi cannot goto a moz-extension: URL itself).
  await page.evaluate((to) => (location.href = to), `${EXT_ORIGIN}/library.html`);
  await page.waitForFunction(() => document.body?.dataset.listReady === 'true', { polling: 50, timeout: 20_000 });
  for (const [file, found] of [
    ['pocket.csv', 'Links: 56 · Tags: 7 · Skipped: 2'],
    ['bookmarks.html', 'Links: 56 · Tags: 7 · Skipped: 2'],
  ] as const) {
    const input = (await page.$('#import-file')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(resolve(join('test/fixtures/imports', file)));
    const text = await page.waitForFunction(
      (want) => {
        const shown = document.querySelector('#import-found')?.textContent?.trim();
        return shown === want ? shown : (document.querySelector('#import-status .error')?.textContent ?? false);
      },
      { polling: 50, timeout: 20_000 },
      found,
    );
    expect(await text.jsonValue(), file).toBe(found);
  }
});

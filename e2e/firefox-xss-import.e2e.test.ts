import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { articleIdFor } from '../src/library/article-id-for';
import { EXT_ORIGIN, launchQariFirefox, type QariFirefox } from './firefox/launch';
import { clobberedControls, dangerInSavedPage, hostileExport, HOSTILE_URL, TITLE } from './xss/hostile-export';

/**
 * The hand-crafted hostile export (e2e/xss/hostile-export.ts) in real Firefox: imported through the library
 * page, opened in saved.html. Nothing runs (no dialog, no beacon), nothing dangerous is left in the page, the
 * page's own controls are still its own, and images come only from the library.
 */

let qari: QariFirefox;
let dir: string;

beforeAll(async () => {
  qari = await launchQariFirefox();
  dir = mkdtempSync(join(tmpdir(), 'qari-ff-xss-import-'));
});

afterAll(async () => {
  await qari?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('Firefox: a hostile export imports and opens in saved.html running nothing, fetching nothing', async () => {
  const beacon = `${qari.server.origin}/beacon`;
  const zipPath = join(dir, 'library.zip');
  writeFileSync(zipPath, hostileExport(beacon, EXT_ORIGIN));

  const page = await qari.openExtensionPage('/library.html');
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const input = await page.waitForSelector('#import-file');
  await (input as unknown as { uploadFile(path: string): Promise<void> }).uploadFile(zipPath);
  await (await page.waitForSelector('#import-start'))!.click();
  await page.waitForFunction(() => document.querySelector('#import-status')?.textContent?.includes('Imported: 1 new'), {
    polling: 50,
  });
  const hitsBefore = qari.server.beaconHits.length;

  await qari.goToExtensionPage(page, `/saved.html?id=${articleIdFor(HOSTILE_URL)}`);
  await page.waitForSelector('body[data-ready="ok"]');
  expect(await page.$eval('h1', (h1) => h1.textContent)).toBe(TITLE);
  expect(await page.$eval('article', (a) => (a as HTMLElement).innerText)).toContain(
    'approved the accounts after a long debate',
  );
  // Give user-triggered vectors their trigger, then a round trip through the page's event loop.
  await page.evaluate(() => {
    for (const el of Array.from(document.querySelectorAll('article *')))
      for (const type of ['mouseover', 'mouseenter', 'focus', 'animationstart', 'toggle', 'click'])
        el.dispatchEvent(new Event(type, { bubbles: true }));
    return new Promise((done) => requestAnimationFrame(() => setTimeout(done, 50)));
  });

  expect(await page.evaluate(dangerInSavedPage)).toEqual([]);
  expect(await page.evaluate(clobberedControls)).toEqual([]);
  const images = await page.$$eval('article img', (imgs) => imgs.map((img) => img.getAttribute('src') ?? ''));
  expect(images.filter((src) => src.startsWith('blob:moz-extension:'))).toHaveLength(1);
  expect(images.filter((src) => src && !/^(blob:moz-extension:|data:image\/(png|gif|jpe?g|webp);)/.test(src))).toEqual(
    [],
  );
  expect(dialogs).toEqual([]);
  expect(qari.server.beaconHits.slice(hitsBefore).map((h) => `${h.path}?${h.query}`)).toEqual([]);
  await page.close();
});

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { launchQari, type Qari } from './launch';
import { popupFor } from './pages/popup';
import { chooseImportFile, openLibraryPage } from './pages/library-page';
import { articleImageWidths, openReadingList } from './pages/reading-list';

/**
 * Export from one browser profile, import into a brand-new one: the library arrives whole (text, direction,
 * images) and reads offline. A foreign or broken file is refused with a clear message. Two profiles, so
 * two launches, one after the other.
 */

const dir = mkdtempSync(join(tmpdir(), 'qari-export-'));
const zipPath = join(dir, 'library.zip');
let qari: Qari | null = null;

afterAll(async () => {
  await qari?.close();
  rmSync(dir, { recursive: true, force: true });
});

const TITLES = [
  'بوتين واردوغان يوقعان اتفاقا مشتركا لوقف اطلاق النار في ادلب',
  'Orkney tidal array approved after seven-year planning fight',
];

test('export the library, import it into a fresh profile, read it offline', async () => {
  qari = await launchQari();
  for (const slug of ['alsumaria-idlib-ceasefire', 'english-news-wire']) {
    const page = await qari.ctx.newPage();
    await page.goto(`${qari.server.origin}/fixtures/${slug}/`);
    const popup = await popupFor(qari, page);
    await popup.getByRole('button', { name: 'Save for later' }).click();
    await popup.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    await Promise.all([popup.close(), page.close()]);
  }
  const list = await openReadingList(qari);
  const download = list.waitForEvent('download');
  await list.getByRole('button', { name: 'Export library' }).click();
  await (await download).saveAs(zipPath);
  expect(readFileSync(zipPath).subarray(0, 2).toString()).toBe('PK');
  await qari.close();

  qari = await launchQari();
  // Import is on the library page (issue 11: off the popup).
  const fresh = await openLibraryPage(qari);
  expect(await fresh.locator('.item').count()).toBe(0);
  expect(await chooseImportFile(fresh, zipPath)).toBe('A Qari export · Articles: 2 · Tags: 0');
  await fresh.locator('#import-start').click();
  await fresh.locator('#import-status .notice').filter({ hasText: 'Imported: 2 new' }).waitFor();
  await expect.poll(() => fresh.locator('.item-title').allInnerTexts()).toEqual([...TITLES].reverse());

  // Importing the same file again adds nothing.
  await chooseImportFile(fresh, zipPath);
  await fresh.locator('#import-start').click();
  await fresh.locator('#import-status .notice').filter({ hasText: 'Imported: 0 new' }).waitFor();
  expect(await fresh.locator('.item').count()).toBe(2);

  await qari.ctx.setOffline(true);
  try {
    const opened = qari.ctx.waitForEvent('page');
    await fresh.getByRole('button', { name: `Open: ${TITLES[0]}` }).click();
    const reader = await opened;
    await reader.waitForSelector('body[data-ready="ok"]');
    expect(await reader.locator('article').getAttribute('dir')).toBe('rtl');
    expect(await reader.locator('article').innerText()).toContain('توصل الرئيس الروسي');
    const widths = await articleImageWidths(reader);
    expect(widths.length).toBeGreaterThan(0);
    for (const w of widths) expect(w).toBeGreaterThan(0);
    await reader.close();
  } finally {
    await qari.ctx.setOffline(false);
  }
});

test('a foreign or corrupt file is refused with a clear message, the library unchanged', async () => {
  const list = await openLibraryPage(qari!);
  const before = await list.locator('.item-title').allInnerTexts();
  expect(
    await chooseImportFile(list, {
      name: 'notes.zip',
      mimeType: 'application/zip',
      buffer: Buffer.from('this is not a zip file at all'),
    }),
  ).toMatch(/cannot read this file/i);
  expect(await list.locator('.item-title').allInnerTexts()).toEqual(before);
  await list.close();
});

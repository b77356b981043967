import 'fake-indexeddb/auto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ParsedImport } from '../src/import/parsed-import';
import { exportLibrary } from '../src/library/export-library';
import { arabicArticle, englishArticle, hebrewArticle } from '../src/library/fixtures/articles';
import { deleteLibrary } from '../src/library/open-library';
import { saveArticle } from '../src/library/save-article';
import { tagKey } from '../src/library/tag-key';
import { launchQari, type Qari } from './launch';
import { chooseImportFile, openLibraryPage } from './pages/library-page';

/**
 * The library page (issue 12) in real Chromium: each other app's export read through the file input with
 * the counts it found, a Qari export with tags imported for real, then the tag filter, search and opening a
 * saved article; screenshots in English and Arabic. Importing links goes through the background's save queue
 * and the host-permission prompt (which no one can accept in a headless run), so it is not driven here.
 */

const SHOTS = '/tmp/library-shots';
const FIXTURES = 'test/fixtures/imports';
const work = mkdtempSync(join(tmpdir(), 'qari-library-page-'));
const qariZip = join(work, 'qari-library.zip');
let qari: Qari | null = null;

const ARABIC_TITLE = arabicArticle().title;
const ENGLISH_TITLE = englishArticle().title;
const HEBREW_TITLE = hebrewArticle().title;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  // A real Qari export with tags, made by the library code itself in this process (fake-indexeddb).
  const dbName = 'e2e-export-source';
  await saveArticle(englishArticle(), [], { dbName, now: Date.UTC(2024, 0, 22), tags: ['Science', 'Long reads'] });
  await saveArticle(arabicArticle(), [], { dbName, now: Date.UTC(2024, 2, 10), tags: ['عربي', 'Long reads'] });
  await saveArticle(hebrewArticle(), [], { dbName, now: Date.UTC(2024, 3, 2), tags: ['עברית'] });
  writeFileSync(qariZip, await exportLibrary({ dbName }));
  await deleteLibrary(dbName);
});

afterAll(async () => {
  await qari?.close();
  rmSync(work, { recursive: true, force: true });
});

function expectedSummary(file: string): string {
  const expected = JSON.parse(
    readFileSync(join(FIXTURES, file.replace(/\.[a-z]+$/, '.expected.json')), 'utf8'),
  ) as ParsedImport;
  const tags = new Set(expected.entries.flatMap((e) => e.tags.map(tagKey))).size;
  return `Links: ${expected.entries.length} · Tags: ${tags} · Skipped: ${expected.skipped.length}`;
}

test('each export format is recognized and read in the page, with what was found', async () => {
  qari = await launchQari();
  const page = await openLibraryPage(qari);
  expect(await page.evaluate(() => document.documentElement.dir)).toBe('ltr');
  for (const file of ['pocket.csv', 'instapaper.csv', 'omnivore.zip', 'wallabag.json', 'bookmarks.html']) {
    expect(await chooseImportFile(page, join(FIXTURES, file)), file).toBe(expectedSummary(file));
  }
  // The skipped rows are listed with where and why.
  await page.locator('details.skipped summary').click();
  expect(await page.locator('details.skipped li').allInnerTexts()).toEqual([
    'Item 58: Not a web address (only http and https pages can be saved). (javascript:void(document.body.style.background=%27red%27))',
    'Item 59: No address.',
  ]);
  // A large export is read in a worker: 5,000 rows, one skipped.
  const big = ['title,url,time_added,tags,status'];
  for (let i = 0; i < 5000; i++) big.push(`Row ${i},https://big.example/${i},1700000000,bulk,unread`);
  big.push('No URL,,1700000000,,unread');
  expect(
    await chooseImportFile(page, { name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(big.join('\n')) }),
  ).toBe('Links: 5,000 · Tags: 1 · Skipped: 1');
  // A file that is none of them says so.
  expect(
    await chooseImportFile(page, { name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('just notes') }),
  ).toMatch(/cannot read this file/);
  await page.close();
});

test('a Qari export with tags: imported, then the tag filter, search, and a saved article opened', async () => {
  const page = await openLibraryPage(qari!);
  expect(await chooseImportFile(page, qariZip)).toBe('A Qari export · Articles: 3 · Tags: 4');
  await page.locator('#import-start').click();
  await page.locator('#import-status .notice').filter({ hasText: 'Imported: 3 new, 0 updated.' }).waitFor();
  await expect
    .poll(() => page.locator('.items .item-title').allInnerTexts())
    .toEqual([HEBREW_TITLE, ARABIC_TITLE, ENGLISH_TITLE]);
  // Titles are text with their own direction.
  expect(await page.locator('.items .item-title').first().getAttribute('dir')).toBe('auto');
  // Tags, most used first, with counts.
  expect(await page.locator('.tag-filter .tag').allInnerTexts()).toEqual([
    'All tags',
    'Long reads 2',
    'Science 1',
    'עברית 1',
    'عربي 1',
  ]);
  await page.locator('.tag[data-tag="عربي"]').click();
  await expect.poll(() => page.locator('.items .item-title').allInnerTexts()).toEqual([ARABIC_TITLE]);
  await page.locator('.tag[data-tag="Long reads"]').click();
  await expect.poll(() => page.locator('.items .item-title').allInnerTexts()).toEqual([ARABIC_TITLE, ENGLISH_TITLE]);
  await page.locator('#library-order').selectOption('oldest');
  await expect.poll(() => page.locator('.items .item-title').allInnerTexts()).toEqual([ENGLISH_TITLE, ARABIC_TITLE]);
  await page.getByRole('button', { name: 'All tags' }).click();
  await page.locator('#library-search').fill('kelp');
  await expect.poll(() => page.locator('.items .item-title').allInnerTexts()).toEqual([ENGLISH_TITLE]);
  await page.locator('#library-search').fill('');

  // Delete, then undo.
  await page.locator('.item', { hasText: HEBREW_TITLE }).getByRole('button', { name: 'Delete' }).click();
  await expect.poll(() => page.locator('.items .item').count()).toBe(2);
  await page.locator('.reading-list .notice').getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => page.locator('.items .item').count()).toBe(3);

  // A file dropped on the panel is read like a chosen one.
  await page.evaluate(async (csv) => {
    const data = new DataTransfer();
    data.items.add(new File([csv], 'dropped.csv', { type: 'text/csv' }));
    document
      .querySelector('#import-panel')!
      .dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, 'title,url,time_added,tags,status\nA,https://dropped.example/a,1700000000,x,unread\n');
  await page.locator('#import-found').filter({ hasText: 'Links: 1 · Tags: 1 · Skipped: 0' }).waitFor();

  // The same file again adds nothing.
  expect(await chooseImportFile(page, qariZip)).toBe('A Qari export · Articles: 3 · Tags: 4');
  await page.locator('#import-start').click();
  await page.locator('#import-status .notice').filter({ hasText: 'Imported: 0 new, 0 updated.' }).waitFor();

  // A preview of another file beside the list, for the screenshot.
  await chooseImportFile(page, join(FIXTURES, 'pocket.csv'));
  await page.screenshot({ path: `${SHOTS}/library-en.png`, fullPage: true });

  const opened = qari!.ctx.waitForEvent('page');
  await page.getByRole('button', { name: `Open: ${ARABIC_TITLE}` }).click();
  const reader = await opened;
  await reader.waitForSelector('body[data-ready="ok"]');
  expect(new URL(reader.url()).pathname).toBe('/saved.html');
  expect((await reader.locator('h1').textContent())?.trim()).toBe(ARABIC_TITLE);
  await reader.close();
  await page.close();
});

test('the popup links to the library instead of importing itself', async () => {
  const popup = await qari!.ctx.newPage();
  await popup.goto(`chrome-extension://${qari!.extId}/popup.html?tab=-1`);
  await popup.getByRole('tab', { name: 'Reading list' }).click();
  await popup.waitForSelector('body[data-list-ready]');
  expect(await popup.locator('input[type=file]').count()).toBe(0);
  const opened = qari!.ctx.waitForEvent('page');
  await popup.locator('#open-library').click();
  const library = await opened;
  await library.waitForSelector('body[data-list-ready]');
  expect(new URL(library.url()).pathname).toBe('/library.html');
  await Promise.all([library.close(), popup.close()]);
  await qari!.close();
  qari = null;
});

test('in an Arabic browser the page is in Arabic and mirrored', async () => {
  qari = await launchQari({ lang: 'ar' });
  const page = await openLibraryPage(qari);
  expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual([
    'ar',
    'rtl',
  ]);
  expect(await page.locator('h1').innerText()).toBe('مكتبة قارئ');
  await chooseImportFile(page, qariZip);
  await page.locator('#import-start').click();
  await page.locator('#import-status .notice').waitFor();
  await expect.poll(() => page.locator('.items .item').count()).toBe(3);
  await chooseImportFile(page, join(FIXTURES, 'bookmarks.html'));
  // The reasons too are in Arabic.
  await page.locator('details.skipped summary').click();
  expect(await page.locator('details.skipped li').first().innerText()).toContain('ليس عنوان ويب');
  // Mirrored: the import column is on the left of the list.
  const list = await page.locator('.reading-list').boundingBox();
  const panel = await page.locator('.import-column').boundingBox();
  expect(panel!.x).toBeLessThan(list!.x);
  await page.screenshot({ path: `${SHOTS}/library-ar.png`, fullPage: true });
});

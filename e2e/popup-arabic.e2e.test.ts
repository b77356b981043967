import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchQari, type Qari } from './launch';
import { popupFor } from './pages/popup';
import { waitForReader } from './pages/reader-frame';

/** The browser's language is Arabic: the popup and the reader's own controls speak it and mirror. */

let qari: Qari;

beforeAll(async () => {
  mkdirSync('out/screenshots', { recursive: true });
  qari = await launchQari({ lang: 'ar' });
});

afterAll(async () => {
  await qari?.close();
});

test('the popup is in Arabic, right to left, with every control named', async () => {
  const page = await qari.ctx.newPage();
  await page.goto(`${qari.server.origin}/fixtures/alsumaria-idlib-ceasefire/`);
  const popup = await popupFor(qari, page);
  expect(await popup.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual([
    'rtl',
    'ar',
  ]);
  expect(await popup.evaluate(() => getComputedStyle(document.querySelector('main')!).direction)).toBe('rtl');
  await expect.poll(() => popup.getByRole('button', { name: 'فتح عرض القراءة' }).isEnabled()).toBe(true);
  await expect.poll(() => popup.getByRole('button', { name: 'تكبير الخط' }).count()).toBe(1);
  expect(await popup.getByLabel('اتجاه النص').count()).toBe(1);
  await popup.screenshot({ path: 'out/screenshots/popup-arabic-ui.png' });

  await popup.getByRole('button', { name: 'فتح عرض القراءة' }).click();
  const reader = await waitForReader(page);
  expect(await reader.getByRole('button', { name: 'إغلاق عرض القراءة' }).count()).toBe(1);

  // Saved, then listed in the Arabic reading list.
  await popup.getByRole('button', { name: 'حفظ للقراءة لاحقًا' }).click();
  await popup.getByRole('status').filter({ hasText: 'محفوظ' }).waitFor();
  await popup.getByRole('tab', { name: 'قائمة القراءة' }).click();
  await popup.waitForSelector('body[data-list-ready]');
  await expect.poll(() => popup.locator('.item').count()).toBe(1);
  await popup.screenshot({ path: 'out/screenshots/reading-list-ar.png' });
  await popup.close();
  await page.close();
});

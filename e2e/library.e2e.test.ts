import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchQari, type Qari } from './launch';
import { popupFor } from './pages/popup';
import { articleImageWidths, openReadingList } from './pages/reading-list';

/** Save for later: the library in real Chromium, read offline, and what happens when things go wrong. */

const SHOTS = 'out/screenshots';
let qari: Qari;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  qari = await launchQari();
});

afterAll(async () => {
  await qari?.close();
});

async function save(slug: string): Promise<{ page: Page; popup: Page }> {
  const page = await qari.ctx.newPage();
  await page.goto(`${qari.server.origin}/fixtures/${slug}/`);
  const popup = await popupFor(qari, page);
  await popup.getByRole('button', { name: 'Save for later' }).click();
  await popup.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
  return { page, popup };
}

test('save the Arabic article, then read it offline from the reading list, images included', async () => {
  const { page, popup } = await save('alsumaria-idlib-ceasefire');
  // Saving twice does not duplicate: the popup now offers to remove it.
  expect(await popup.getByRole('button', { name: 'Remove from saved' }).count()).toBe(1);
  await popup.close();
  await page.close();

  const list = await openReadingList(qari);
  const title = 'بوتين واردوغان يوقعان اتفاقا مشتركا لوقف اطلاق النار في ادلب';
  await expect.poll(() => list.locator('.item-title').allInnerTexts()).toEqual([title]);
  await list.screenshot({ path: `${SHOTS}/reading-list-en.png` });

  await qari.ctx.setOffline(true);
  try {
    const opened = qari.ctx.waitForEvent('page');
    await list.getByRole('button', { name: `Open: ${title}` }).click();
    const reader = await opened;
    await reader.waitForSelector('body[data-ready="ok"]');
    expect(await reader.evaluate(() => navigator.onLine)).toBe(false);
    expect((await reader.locator('h1').textContent())?.trim()).toBe(title);
    expect(await reader.locator('article').getAttribute('dir')).toBe('rtl');
    expect(await reader.locator('article').evaluate((a) => getComputedStyle(a).direction)).toBe('rtl');
    expect(await reader.locator('article').innerText()).toContain('واستطرد بالقول');
    const widths = await articleImageWidths(reader);
    expect(widths.length).toBeGreaterThan(0);
    for (const w of widths) expect(w).toBeGreaterThan(0);
    await reader.screenshot({ path: `${SHOTS}/reader-saved-offline.png` });
    await reader.close();
  } finally {
    await qari.ctx.setOffline(false);
  }
  await list.close();
});

test('delete from the reading list, then undo', async () => {
  await save('english-news-wire').then(({ page, popup }) => Promise.all([popup.close(), page.close()]));
  const list = await openReadingList(qari);
  const title = 'Orkney tidal array approved after seven-year planning fight';
  await expect.poll(() => list.locator('.item-title').allInnerTexts()).toContain(title);
  const item = list.locator('.item', { hasText: title });
  await item.getByRole('button', { name: 'Delete' }).click();
  await expect.poll(() => list.locator('.item-title').allInnerTexts()).not.toContain(title);
  await list.getByRole('button', { name: 'Undo' }).click();
  await expect.poll(() => list.locator('.item-title').allInnerTexts()).toContain(title);
  // Search over the full text finds it; the filters sort read from unread.
  await list.getByLabel('Search saved articles').fill('puffin');
  await expect.poll(() => list.locator('.item-title').allInnerTexts()).toEqual([title]);
  await list.getByLabel('Search saved articles').fill('');
  await list.locator('.item', { hasText: title }).getByRole('button', { name: 'Mark as read' }).click();
  await list.getByLabel('Show').selectOption('unread');
  await expect.poll(() => list.locator('.item-title').allInnerTexts()).not.toContain(title);
  await list.close();
});

import { mkdirSync } from 'node:fs';
import { afterEach, expect, test } from 'vitest';
import { launchQari, type Qari } from './launch';
import { popupFor } from './pages/popup';
import { waitForReader } from './pages/reader-frame';

/**
 * The interface in Persian, Hebrew and Urdu (issue 13): the popup and the reader's own controls speak the browser's
 * language, mirror, and write numbers in the language's usual digits (Persian ۲۰; Hebrew and Urdu 20).
 */

const SHOTS = 'out/screenshots';
let qari: Qari | null = null;

afterEach(async () => {
  await qari?.close();
  qari = null;
});

const LOCALES = [
  { lang: 'fa', open: 'باز کردن نمای خواندن', close: 'بستن نمای خواندن', bigger: 'بزرگ‌تر کردن قلم', size: '۲۰' },
  { lang: 'he', open: 'פתיחת תצוגת קריאה', close: 'סגירת תצוגת קריאה', bigger: 'הגדלת הגופן', size: '20' },
  { lang: 'ur', open: 'مطالعے کا منظر کھولیں', close: 'مطالعے کا منظر بند کریں', bigger: 'فونٹ بڑا کریں', size: '20' },
] as const;

for (const l of LOCALES) {
  test(`the popup and the reader's controls in ${l.lang}, right to left`, async () => {
    mkdirSync(SHOTS, { recursive: true });
    qari = await launchQari({ lang: l.lang });
    const page = await qari.ctx.newPage();
    await page.goto(`${qari.server.origin}/fixtures/persian-news/`);
    const popup = await popupFor(qari, page);
    expect(await popup.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual([
      'rtl',
      l.lang,
    ]);
    expect(await popup.evaluate(() => getComputedStyle(document.querySelector('main')!).direction)).toBe('rtl');
    await expect.poll(() => popup.getByRole('button', { name: l.open }).isEnabled()).toBe(true);
    expect(await popup.getByRole('button', { name: l.bigger }).count()).toBe(1);
    expect(await popup.locator('output').textContent()).toBe(l.size);
    // Every visible string is translated: no English word of the interface is left (the font names are names).
    const text = await popup.locator('main').innerText();
    for (const english of ['Reading settings', 'Font size', 'Theme', 'Save for later', 'Text direction', 'min read'])
      expect(text, english).not.toContain(english);
    await popup.screenshot({ path: `${SHOTS}/popup-${l.lang}-ui.png`, fullPage: true });

    await popup.getByRole('button', { name: l.open }).click();
    const reader = await waitForReader(page);
    expect(await reader.getByRole('button', { name: l.close }).count()).toBe(1);
    expect(await reader.locator('.toolbar').evaluate((t) => getComputedStyle(t).direction)).toBe('rtl');
    await popup.close();
    await page.close();
  });
}

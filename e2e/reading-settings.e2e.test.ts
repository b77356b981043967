import { mkdirSync } from 'node:fs';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchQari, type Qari } from './launch';
import { popupFor } from './pages/popup';
import { waitForReader } from './pages/reader-frame';

/** Right-to-left reading and the reading settings, live in the reader and remembered. */

const SHOTS = 'out/screenshots';
let qari: Qari;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  qari = await launchQari();
});

afterAll(async () => {
  await qari?.close();
});

async function openReader(slug: string): Promise<{ page: Page; popup: Page; reader: Frame }> {
  const page = await qari.ctx.newPage();
  await page.goto(`${qari.server.origin}/fixtures/${slug}/`);
  const popup = await popupFor(qari, page);
  await popup.getByRole('button', { name: 'Open reader view' }).click();
  const reader = await waitForReader(page);
  return { page, popup, reader };
}

/** Computed direction of each block, in order: what the reader sees, not what attributes say. */
function blockDirections(reader: Frame, selector: string) {
  return reader
    .locator(selector)
    .evaluateAll((els) =>
      els.map((el) => [(el.textContent ?? '').trim().slice(0, 24), getComputedStyle(el).direction]),
    );
}

const fontSize = (reader: Frame) =>
  reader
    .locator('article p')
    .first()
    .evaluate((p) => parseFloat(getComputedStyle(p).fontSize));

test('each block of a mixed article gets its own direction, by majority of its letters', async () => {
  const { page, popup, reader } = await openReader('arabic-no-dir-no-lang');
  const article = reader.locator('article');
  expect(await article.evaluate((a) => getComputedStyle(a).direction)).toBe('rtl');
  const paragraphs = await blockDirections(reader, 'article p');
  // "Google …" and "2024 …" open Arabic paragraphs: they stay right to left (dir=auto would flip them).
  for (const [text, dir] of paragraphs) if (/^(Google|2024)/.test(text!)) expect(dir, text).toBe('rtl');
  expect(paragraphs.filter(([text]) => /^(Google|2024)/.test(text!)).length).toBeGreaterThanOrEqual(2);
  // The English quote inside the Arabic article reads left to right.
  const quotes = await blockDirections(reader, 'article blockquote p, article blockquote:not(:has(p))');
  expect(quotes.some(([, dir]) => dir === 'ltr')).toBe(true);
  await page.screenshot({ path: `${SHOTS}/reader-arabic-mixed.png`, caret: 'initial' });
  await popup.close();
  await page.close();
});

test('an English article with an Arabic quote keeps its quote right to left', async () => {
  const { page, popup, reader } = await openReader('english-with-arabic-quote');
  expect(await reader.locator('article').evaluate((a) => getComputedStyle(a).direction)).toBe('ltr');
  const blocks = await blockDirections(reader, 'article p, article blockquote');
  const arabic = blocks.filter(([text]) => /[\u0600-\u06ff]{4}/.test(text!.slice(0, 12)));
  expect(arabic.length).toBeGreaterThan(0);
  for (const [text, dir] of arabic) expect(dir, text).toBe('rtl');
  await popup.close();
  await page.close();
});

test('font size: the buttons change the open reader live, and the size survives popup and page reloads', async () => {
  const { page, popup, reader } = await openReader('alsumaria-idlib-ceasefire');
  const before = await fontSize(reader);
  const readout = popup.locator('output');
  const start = Number(await readout.textContent());
  await popup.getByRole('button', { name: 'Increase font size' }).click();
  await popup.getByRole('button', { name: 'Increase font size' }).click();
  const expected = String(start === 20 ? 24 : start + 2); // 20 → 22 → 24 on the default scale
  await expect.poll(() => readout.textContent()).toBe(expected);
  await expect.poll(() => fontSize(reader)).toBeGreaterThan(before);
  const bigger = await fontSize(reader);

  // Reopen the popup: the readout remembers.
  await popup.close();
  const again = await popupFor(qari, page);
  await expect.poll(() => again.locator('output').textContent()).toBe(expected);
  await again.close();

  // Reload the page and open the reader again: the size is still applied.
  await page.reload();
  const popup2 = await popupFor(qari, page);
  await popup2.getByRole('button', { name: 'Open reader view' }).click();
  const reader2 = await waitForReader(page);
  expect(await fontSize(reader2)).toBe(bigger);

  // "-" in the reader steps back down.
  await reader2.locator('h1').evaluate((h1: HTMLElement) => {
    h1.tabIndex = -1;
    h1.focus();
  });
  await page.keyboard.press('-');
  await expect.poll(() => fontSize(reader2)).toBeLessThan(bigger);
  await popup2.getByRole('button', { name: 'Decrease font size' }).click();
  await popup2.close();
  await page.close();
});

test('text direction override flips the open article live and is remembered for the site', async () => {
  const { page, popup, reader } = await openReader('alsumaria-idlib-ceasefire');
  const dir = () =>
    reader
      .locator('article p')
      .first()
      .evaluate((p) => getComputedStyle(p).direction);
  expect(await dir()).toBe('rtl');
  await popup.getByLabel('Text direction').selectOption({ label: 'Left to right' });
  await expect.poll(dir).toBe('ltr');
  // Remembered: a new popup shows the choice for this site.
  const again = await popupFor(qari, page);
  expect(await again.getByLabel('Text direction').inputValue()).toBe('ltr');
  await again.getByLabel('Text direction').selectOption({ label: 'Auto' });
  await expect.poll(dir).toBe('rtl');
  await again.close();
  await popup.close();
  await page.close();
});

test('themes apply live; Arabic typography in each theme (screenshots)', async () => {
  const { page, popup, reader } = await openReader('alsumaria-idlib-ceasefire');
  const background = () => reader.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  const seen = new Set<string>();
  for (const [theme, label] of [
    ['light', 'Light'],
    ['sepia', 'Sepia'],
    ['dark', 'Dark'],
  ] as const) {
    await popup.getByLabel('Theme').selectOption({ label });
    await expect.poll(() => reader.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
    seen.add(await background());
    await reader.evaluate(() => document.fonts.ready.then(() => undefined));
    await page.bringToFront();
    await page.screenshot({ path: `${SHOTS}/reader-arabic-${theme}.png`, caret: 'initial' });
  }
  expect(seen.size).toBe(3);
  // The Arabic text is set in the bundled naskh face, with no letter-spacing (it would break joining).
  const style = await reader
    .locator('article p')
    .first()
    .evaluate((p) => {
      const s = getComputedStyle(p);
      return { family: s.fontFamily, spacing: s.letterSpacing };
    });
  expect(style.family).toContain('Noto Naskh Arabic');
  expect(['normal', '0px']).toContain(style.spacing);
  await popup.getByLabel('Theme').selectOption({ label: 'System' });
  await popup.close();
  await page.close();
});

test('fonts, eastern digits and justification apply live', async () => {
  const { page, popup, reader } = await openReader('alsumaria-idlib-ceasefire');
  const family = () =>
    reader
      .locator('article p')
      .first()
      .evaluate((p) => getComputedStyle(p).fontFamily);
  await popup.getByLabel('Font', { exact: true }).selectOption({ label: 'Amiri' });
  await expect.poll(family).toMatch(/^"?Amiri/);
  await popup.getByLabel('Font', { exact: true }).selectOption({ label: 'Naskh (Noto Naskh Arabic)' });
  await expect.poll(family).toMatch(/^"?Noto Naskh Arabic/);

  const text = () => reader.locator('article').innerText();
  expect(await text()).toContain('6 ساعات');
  await popup.getByLabel('Eastern Arabic digits (٠١٢٣)').check();
  await expect.poll(text).toContain('٦ ساعات');
  await popup.getByLabel('Eastern Arabic digits (٠١٢٣)').uncheck();
  await expect.poll(text).toContain('6 ساعات');

  const align = () =>
    reader
      .locator('article p')
      .first()
      .evaluate((p) => getComputedStyle(p).textAlign);
  await popup.getByLabel('Justify text').check();
  await expect.poll(align).toBe('justify');
  await popup.getByLabel('Justify text').uncheck();
  await popup.screenshot({ path: `${SHOTS}/popup-settings.png` });
  await popup.close();
  await page.close();
});

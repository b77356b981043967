import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchQari, type Qari } from './launch';
import { popupFor } from './pages/popup';
import { waitForReader } from './pages/reader-frame';

/** Pages Qari cannot or should not read: the popup says why in plain words and offers no broken button. */

let qari: Qari;

beforeAll(async () => {
  qari = await launchQari();
});

afterAll(async () => {
  await qari?.close();
});

async function popupNotice(popup: Page): Promise<{ notice: string; enabled: boolean }> {
  const button = popup.getByRole('button', { name: 'Open reader view' });
  return {
    notice: (await popup.locator('.notice').allInnerTexts()).join(' '),
    enabled: await button.isEnabled(),
  };
}

test('a browser page: the popup explains that browsers do not allow it', async () => {
  const page = await qari.ctx.newPage();
  await page.goto('chrome://version');
  const popup = await qari.openPopupTab(await qari.tabIdOf(page));
  const { notice, enabled } = await popupNotice(popup);
  expect(notice).toContain('This is a browser page');
  expect(enabled).toBe(false);
  await popup.close();
  await page.close();
});

test('a home page full of teasers opens and saves, with a one-line notice in the popup and the reader', async () => {
  // Never refuse a page with text (issue 10): the reader shows what Qari found and says it is unsure.
  const page = await qari.ctx.newPage();
  await page.goto(`${qari.server.origin}/fixtures/non-article-homepage/`);
  const popup = await popupFor(qari, page);
  const { notice, enabled } = await popupNotice(popup);
  expect(notice).toContain('list of links');
  expect(notice).not.toContain('not look like an article');
  expect(enabled).toBe(true);
  await popup.getByRole('button', { name: 'Save for later' }).click();
  await popup.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
  await popup.getByRole('button', { name: 'Open reader view' }).click();
  const reader = await waitForReader(page);
  expect(await reader.locator('.meta .notice').textContent()).toContain('list of links');
  expect(await reader.locator('article.content').textContent()).toContain(
    'Council approves city centre tram extension',
  );
  await popup.close();
  await page.close();
});

test('a page with no text at all is the only one refused', async () => {
  qari.server.addPage(
    '/blank.html',
    '<!doctype html><title>Blank</title><body><div><img src="/nothing.png"></div></body>',
    {
      'content-type': 'text/html',
    },
  );
  const page = await qari.ctx.newPage();
  await page.goto(`${qari.server.origin}/blank.html`);
  const popup = await popupFor(qari, page);
  const { notice, enabled } = await popupNotice(popup);
  expect(notice).toContain('no text');
  expect(enabled).toBe(false);
  await popup.close();
  await page.close();
});

test('a PDF shown in the browser: the popup says Qari reads web pages', async () => {
  const pdf = [
    '%PDF-1.1',
    '1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj',
    '2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj',
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 300 144]>>endobj',
    'trailer<</Root 1 0 R>>',
    '%%EOF',
  ].join('\n');
  qari.server.addPage('/report.pdf', pdf, { 'content-type': 'application/pdf' });
  const page = await qari.ctx.newPage();
  await page.goto(`${qari.server.origin}/report.pdf`);
  const popup = await popupFor(qari, page);
  const { notice, enabled } = await popupNotice(popup);
  expect(notice).toContain('This is a PDF');
  expect(enabled).toBe(false);
  await popup.close();
  await page.close();
});

test('a tab that was closed: a plain message, not a crash', async () => {
  const page = await qari.ctx.newPage();
  await page.goto(`${qari.server.origin}/fixtures/english-news-wire/`);
  const tabId = await qari.tabIdOf(page);
  await page.close();
  const popup = await qari.openPopupTab(tabId);
  expect((await popupNotice(popup)).notice).toMatch(/tab is gone|closed/);
  await popup.close();
});

test('a local file is readable when the browser gives file access (Chromium does for unpacked extensions)', async () => {
  // Without file access the popup explains how to allow it: background/explain-injection-error.test.ts checks
  // that message against the browsers' own error texts (switching access off here reloads the extension).
  const page = await qari.ctx.newPage();
  await page.goto(`file://${resolve('test/fixtures/english-news-wire/source.html')}`);
  const popup = await popupFor(qari, page);
  await popup.getByRole('button', { name: 'Open reader view' }).click();
  const reader = await waitForReader(page);
  expect(await reader.locator('h1').textContent()).toBe('Orkney tidal array approved after seven-year planning fight');
  await popup.close();
  await page.close();
});

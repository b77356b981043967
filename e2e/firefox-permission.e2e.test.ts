import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchQariFirefox, type QariFirefox } from './firefox/launch';

/**
 * The permission flow of an import in real Firefox, with the production manifest (no host access at all): the
 * import's click asks for access to websites, in the click (Firefox grants a request only while it handles the
 * user's input; the prompt is answered "allow" by the profile's setting, see FirefoxLaunchOptions), and the queue
 * then downloads and saves the pages in the background page. Before the click Qari has no access, so nothing
 * could have been downloaded without the request.
 */

let qari: QariFirefox;
let dir: string;

beforeAll(async () => {
  qari = await launchQariFirefox({ noHostAccess: true });
  dir = mkdtempSync(join(tmpdir(), 'qari-ff-permission-'));
});

afterAll(async () => {
  await qari?.close();
  rmSync(dir, { recursive: true, force: true });
});

const hasAccess = (page: Page, origin: string) =>
  page.evaluate((o) => chrome.permissions.contains({ origins: [`${o}/*`] }), origin);

test('Firefox: Import asks for access to websites in the click, then the queue saves the pages', async () => {
  const origin = qari.server.origin;
  const csv = ['title,url,time_added,tags,status']
    .concat([41, 42, 43].map((n) => `Harbour report ${n},${origin}/articles/${n}.html,1700000000,harbour,unread`))
    .join('\n');
  const csvPath = join(dir, 'pocket.csv');
  writeFileSync(csvPath, csv);

  const page = await qari.openExtensionPage('/library.html');
  expect(await hasAccess(page, 'http://127.0.0.1')).toBe(false);
  const input = (await page.waitForSelector('#import-file')) as ElementHandle<HTMLInputElement>;
  await input.uploadFile(csvPath);
  await page.waitForFunction(() => document.querySelector('#import-found')?.textContent?.startsWith('Links: 3 '), {
    polling: 50,
  });
  await (await page.waitForSelector('#import-start'))!.click();
  await page.waitForFunction(
    () => /Saved: 3(?!\d)/.test(document.querySelector('#import-progress')?.textContent ?? ''),
    {
      polling: 100,
      timeout: 30_000,
    },
  );
  expect(await hasAccess(page, 'http://127.0.0.1')).toBe(true);
  const status = await page.$eval('#import-status', (el) => el.textContent ?? '');
  expect(status).toContain('3 links are being saved');
});

test('Firefox: "Save all tabs" in the popup asks for access in the click, then saves the open articles', async () => {
  const origin = qari.server.origin;
  const { page: first } = await qari.openTab(`${origin}/articles/51.html`);
  const { tabId } = await qari.openTab(`${origin}/articles/52.html`);
  const popup = await qari.openPopup(tabId);
  // The access the import above was given is taken back: this click must ask for it again.
  await popup.evaluate(() => chrome.permissions.remove({ origins: ['https://*/*', 'http://*/*'] }));
  expect(await hasAccess(popup, 'http://127.0.0.1')).toBe(false);
  const button = await popup.waitForSelector('::-p-text(Save all)');
  await button!.click();
  const note = await popup.waitForFunction(
    () => {
      const text = [...document.querySelectorAll('.notice')].map((n) => n.textContent ?? '').join(' ');
      return /Saved \d+, queued \d+/.test(text) ? text : false;
    },
    { polling: 100, timeout: 30_000 },
  );
  expect(await hasAccess(popup, 'http://127.0.0.1')).toBe(true);
  const [, saved, queued] = /Saved (\d+), queued (\d+)/.exec(String(await note.jsonValue()))!.map(Number);
  // Both article tabs, read live or fetched (the extension's own pages are not articles to save).
  expect(saved! + queued!).toBeGreaterThanOrEqual(2);
  const titles = await popup.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok) => {
      const open = indexedDB.open('qari-library');
      open.onsuccess = () => ok(open.result);
    });
    for (let i = 0; i < 100; i++) {
      const all = await new Promise<{ title: string }[]>((ok) => {
        const get = db.transaction('articles').objectStore('articles').getAll();
        get.onsuccess = () => ok(get.result);
      });
      const titles = all.map((a) => a.title);
      if (titles.includes('Harbour report 51') && titles.includes('Harbour report 52')) return titles;
      await new Promise((r) => setTimeout(r, 100));
    }
    return [];
  });
  expect(titles).toEqual(expect.arrayContaining(['Harbour report 51', 'Harbour report 52']));
  await Promise.all([popup.close(), first.close()]);
});

import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildFaultsExtension } from '../scripts/build-faults-extension';
import { articleIdFor } from '../src/library/article-id-for';
import { launchQari, type Qari } from './launch';
import { articleImageWidths } from './pages/reading-list';

/**
 * Saving without a tab (issue 12): "Save link to Qari", the save queue's failures, "Save all tabs", and the queue
 * surviving a stopped service worker. Built in the e2e fault mode (a test may shorten the download timeout) with
 * host access to the test server under two names, 127.0.0.1 and localhost (two hosts for the one-per-host rule):
 * a test cannot answer the permission prompt.
 */

let qari: Qari;
/** An extension page the test reads IndexedDB from and sends messages with (saved.html with no article). */
let probe: Page;
let port: string;

beforeAll(async () => {
  const out = await buildFaultsExtension('out/dist-links');
  const manifestPath = resolve(out, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { host_permissions?: string[] };
  manifest.host_permissions = ['http://127.0.0.1/*', 'http://localhost/*'];
  writeFileSync(manifestPath, JSON.stringify(manifest));
  qari = await launchQari({ extDir: out });
  port = new URL(qari.server.origin).port;
  probe = await qari.ctx.newPage();
  await probe.goto(`chrome-extension://${qari.extId}/saved.html?id=probe`);
}, 120_000);

afterAll(async () => {
  await qari?.close();
});

interface JobRow {
  url: string;
  status: string;
  attempts: number;
  failure: { kind: string; message: string } | null;
}

/** Every job of the queue database, read in an extension page (the worker may be stopped). */
function jobs(): Promise<JobRow[]> {
  return probe.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const open = indexedDB.open('qari-queue');
      open.onsuccess = () => ok(open.result);
      open.onerror = () => fail(open.error);
    });
    if (!db.objectStoreNames.contains('jobs')) return (db.close(), []);
    const all = await new Promise<{ entry: { url: string }; status: string; attempts: number; failure: never }[]>(
      (ok) => {
        const get = db.transaction('jobs').objectStore('jobs').getAll();
        get.onsuccess = () => ok(get.result);
      },
    );
    db.close();
    return all.map((j) => ({ url: j.entry.url, status: j.status, attempts: j.attempts, failure: j.failure }));
  });
}

/** URLs of the library's articles (not deleted). */
function savedUrls(): Promise<string[]> {
  return probe.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((ok) => {
      const open = indexedDB.open('qari-library');
      open.onsuccess = () => ok(open.result);
    });
    const all = await new Promise<{ url: string; deletedAt: number | null }[]>((ok) => {
      const get = db.transaction('articles').objectStore('articles').getAll();
      get.onsuccess = () => ok(get.result);
    });
    db.close();
    return all.filter((a) => !a.deletedAt).map((a) => a.url);
  });
}

const jobOf = async (url: string) => (await jobs()).find((j) => j.url === url);

/** What a click on "Save link to Qari" does: the same handler the menu's onClicked calls. */
function clickSaveLink(linkUrl: string): Promise<void> {
  return qari.sw.evaluate(
    (url) =>
      (
        globalThis as unknown as { qariMenu: { onClicked(info: object, tab?: object): Promise<void> } }
      ).qariMenu.onClicked({ menuItemId: 'qari-save-link', linkUrl: url, editable: false, modifiers: [] }),
    linkUrl,
  );
}

test('the menu items exist, and "Save link to Qari" saves the article with its images, readable offline', async () => {
  const items = await qari.sw.evaluate(
    () =>
      (globalThis as unknown as { qariMenu: { items: { id: string; contexts: string[]; title: string }[] } }).qariMenu
        .items,
  );
  expect(items).toEqual([
    { id: 'qari-save-link', contexts: ['link'], title: 'Save link to Qari' },
    { id: 'qari-save-page', contexts: ['page'], title: 'Save page to Qari' },
  ]);

  const url = `${qari.server.origin}/articles/1.html`;
  const started = performance.now();
  await clickSaveLink(url);
  await expect.poll(async () => (await jobOf(url))?.status, { timeout: 20_000 }).toBe('done');
  console.log(`link saved through the queue in ${Math.round(performance.now() - started)} ms`);
  // Saving it again: no second job, no second article.
  await clickSaveLink(`${url}#again`);
  expect((await jobs()).filter((j) => j.url.startsWith(url))).toHaveLength(1);
  expect((await savedUrls()).filter((u) => u === url)).toHaveLength(1);

  await qari.ctx.setOffline(true);
  try {
    const reader = await qari.ctx.newPage();
    await reader.goto(`chrome-extension://${qari.extId}/saved.html?id=${articleIdFor(url)}`);
    await reader.waitForSelector('body[data-ready="ok"]');
    expect((await reader.locator('h1').first().textContent())?.trim()).toBe('Harbour report 1');
    expect(await reader.locator('article').first().innerText()).toContain('pilings could be repaired');
    const widths = await articleImageWidths(reader);
    expect(widths).toHaveLength(1);
    expect(widths[0]).toBeGreaterThan(0);
    await reader.close();
  } finally {
    await qari.ctx.setOffline(false);
  }
});

test('"Save page to Qari" saves the open page through the tab path; the toolbar button says so', async () => {
  const url = `${qari.server.origin}/articles/5.html`;
  const page = await qari.ctx.newPage();
  await page.goto(url);
  const tabId = await qari.tabIdOf(page);
  const badge = await qari.sw.evaluate(async (id) => {
    const tab = await chrome.tabs.get(id);
    await (
      globalThis as unknown as { qariMenu: { onClicked(info: object, tab?: object): Promise<void> } }
    ).qariMenu.onClicked({ menuItemId: 'qari-save-page', pageUrl: tab.url, editable: false, modifiers: [] }, tab);
    return {
      text: await chrome.action.getBadgeText({ tabId: id }),
      title: await chrome.action.getTitle({ tabId: id }),
    };
  }, tabId);
  expect(badge).toEqual({ text: '✓', title: 'Saved to Qari: Harbour report 5' });
  expect(await savedUrls()).toContain(url);
  // Read live, not queued: no job for it.
  expect(await jobOf(url)).toBeUndefined();
  await page.close();
});

test('failures say why in plain words: gone, needs JavaScript, not a web page, too slow (retried later)', async () => {
  await qari.sw.evaluate(() => Object.assign(globalThis, { __qariFaults: { pageTimeoutMs: 1_000 } }));
  const o = qari.server.origin;
  const cases = {
    gone: `${o}/no-such-page.html`,
    script: `${o}/js-only.html`,
    pdf: `${o}/files/report.pdf`,
    slow: `http://localhost:${port}/hang/slow-page.html`,
  };
  for (const url of Object.values(cases)) await clickSaveLink(url);
  await expect.poll(async () => (await jobOf(cases.slow))?.failure?.kind, { timeout: 20_000 }).toBe('timed-out');
  await expect
    .poll(
      async () => (await jobs()).filter((j) => Object.values(cases).includes(j.url) && j.status === 'failed').length,
    )
    .toBe(3);
  expect(await jobOf(cases.gone)).toMatchObject({
    status: 'failed',
    attempts: 1,
    failure: { kind: 'gone', message: 'The site answered 404: the page is gone or has moved.' },
  });
  expect(await jobOf(cases.script)).toMatchObject({
    status: 'failed',
    failure: {
      kind: 'needs-script',
      message: 'This page needs JavaScript to show its text: open it and save it from the page.',
    },
  });
  expect((await jobOf(cases.pdf))?.failure).toMatchObject({ kind: 'not-html' });
  // A timeout may pass on its own: the job waits for its second attempt instead of failing.
  expect(await jobOf(cases.slow)).toMatchObject({ status: 'waiting', attempts: 1 });
  expect(await savedUrls()).not.toContain(cases.script);
  qari.server.releaseHung();
});

test('save all tabs: live tabs are read in place, a discarded one is fetched', async () => {
  const urls = [2, 3, 4].map((n) => `${qari.server.origin}/articles/${n}.html`);
  const pages: Page[] = [];
  for (const url of urls) {
    const page = await qari.ctx.newPage();
    await page.goto(url);
    pages.push(page);
  }
  const tabId = await qari.tabIdOf(pages[0]!);
  const discardedId = await qari.tabIdOf(pages[2]!);
  await pages[0]!.bringToFront();
  await qari.sw.evaluate((id) => chrome.tabs.discard(id).then(() => undefined), discardedId);
  const popup = await qari.openPopupTab(tabId);
  // The count is every tab of the window (the popup tab and the probe included).
  const count = await qari.sw.evaluate(
    async (id) => (await chrome.tabs.query({ windowId: (await chrome.tabs.get(id)).windowId })).length,
    tabId,
  );
  await popup.getByRole('button', { name: `Save all ${count} tabs` }).waitFor();
  // The button asks for access to all sites first, a prompt no test can answer; the background method it then
  // calls is called here the same way, from the popup page.
  const windowId = await qari.sw.evaluate(async (id) => (await chrome.tabs.get(id)).windowId, tabId);
  const result = await popup.evaluate(
    (args) => chrome.runtime.sendMessage({ qari: 'v1', to: 'background', method: 'saveTabs', args }),
    { windowId },
  );
  // articles/1.html is not open; the three are new: two read live, the discarded one queued.
  expect(result).toEqual({ value: expect.objectContaining({ saved: 2, queued: 1, alreadySaved: 0 }) });
  await expect.poll(async () => (await jobOf(urls[2]!))?.status, { timeout: 20_000 }).toBe('done');
  expect((await savedUrls()).filter((u) => urls.includes(u)).sort()).toEqual([...urls].sort());
  await Promise.all([popup, ...pages].map((p) => p.close()));
});

test('the worker stopped mid-queue: the queue resumes, nothing lost or doubled', async () => {
  // Six links on two hosts; the localhost ones hang at the server until the gate opens, so the worker is
  // stopped with a download in flight.
  const urls = [
    ...[10, 11, 12].map((n) => `${qari.server.origin}/articles/${n}.html`),
    ...[13, 14, 15].map((n) => `http://localhost:${port}/gated/${n}.html`),
  ];
  const started = performance.now();
  for (const url of urls) await clickSaveLink(url);
  await qari.server.gatedRequest();
  const cdp = await qari.ctx.newCDPSession(probe);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  const stoppedAt = performance.now();
  qari.server.openGate();
  // Any message wakes a stopped worker; the queue resumes on its start.
  await probe.evaluate(() =>
    chrome.runtime.sendMessage({ qari: 'v1', to: 'background', method: 'queueStatus', args: {} }).catch(() => null),
  );
  await expect
    .poll(async () => (await jobs()).filter((j) => urls.includes(j.url) && j.status === 'done').length, {
      timeout: 30_000,
    })
    .toBe(6);
  const resumed = performance.now();
  console.log(
    `resume: 6 links in ${Math.round(resumed - started)} ms; ${Math.round(resumed - stoppedAt)} ms from the stop to all saved`,
  );
  const saved = (await savedUrls()).filter((u) => urls.includes(u));
  expect(saved.sort()).toEqual([...urls].sort());
  const gatedJobs = (await jobs()).filter((j) => j.url.includes('/gated/'));
  // The one in flight when the worker stopped was started again: two attempts, still one article.
  expect(gatedJobs.some((j) => j.attempts === 2)).toBe(true);
  await cdp.detach();
});

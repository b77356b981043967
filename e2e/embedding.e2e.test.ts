import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchQari, type Qari } from './launch';
import { popupFor } from './pages/popup';
import { readerFrame, waitForReader } from './pages/reader-frame';

/**
 * Issue 11, first list: what a web page can do with Qari's pages. An attacker page on the test server tries to
 * detect Qari (fetch, <link>, <img>), to frame the reader on another tab's article or on a saved article, and to
 * frame the reader of its own tab with the frame's address copied from its own resource timing; the real flow
 * (popup → reader over the page, saved article in its own tab) still works.
 */

const VICTIM_TEXT = 'واستطرد بالقول';
let qari: Qari;
let victim: Page;
let victimTab: number;
let savedId: string;

beforeAll(async () => {
  qari = await launchQari();
  victim = qari.ctx.pages()[0] ?? (await qari.ctx.newPage());
  await victim.goto(`${qari.server.origin}/fixtures/alsumaria-idlib-ceasefire/`);
  const popup = await popupFor(qari, victim);
  await popup.getByRole('button', { name: 'Save for later' }).click();
  await popup.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
  await popup.getByRole('button', { name: 'Open reader view' }).click();
  await victim.bringToFront();
  await waitForReader(victim);
  await popup.close();
  victimTab = await qari.tabIdOf(victim);
  savedId = await qari.sw.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('qari-library');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const ids = await new Promise<string[]>((resolve, reject) => {
      const get = db.transaction('articles').objectStore('articles').getAllKeys();
      get.onsuccess = () => resolve(get.result as string[]);
      get.onerror = () => reject(get.error);
    });
    db.close();
    return ids[0]!;
  });
});

afterAll(async () => {
  await qari?.close();
});

/** The saved record's reading state, read from the library in the worker. */
function readingState(id: string): Promise<{ progress: number; readAt: number | null }> {
  return qari.sw.evaluate(async (key) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('qari-library');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const record = await new Promise<{ progress: number; readAt: number | null }>((resolve, reject) => {
      const get = db.transaction('articles').objectStore('articles').get(key);
      get.onsuccess = () => resolve(get.result as { progress: number; readAt: number | null });
      get.onerror = () => reject(get.error);
    });
    db.close();
    return { progress: record.progress, readAt: record.readAt };
  }, id);
}

/** What the attacker page learns by loading `urls` every way a page can. */
function probe(page: Page, urls: string[]) {
  return page.evaluate(async (list) => {
    const out: Record<string, string> = {};
    for (const url of list) {
      out[`fetch ${url}`] = await fetch(url).then(
        (r) => `loaded ${r.status}`,
        () => 'failed',
      );
      out[`link ${url}`] = await new Promise<string>((resolve) => {
        const link = document.createElement('link');
        link.rel = 'stylesheet';
        link.href = url;
        link.onload = () => resolve('loaded');
        link.onerror = () => resolve('failed');
        document.head.append(link);
      });
    }
    return out;
  }, urls);
}

/** Frames `src` in the attacker page; the frame's own state as the test (not the page) sees it. */
async function frameIn(
  page: Page,
  src: string,
  fakeToken?: string,
): Promise<{ url: string; ready: string | null; text: string }> {
  const before = new Set(page.frames());
  await page.evaluate(
    ([url, token]) =>
      new Promise<void>((resolve) => {
        const frame = document.createElement('iframe');
        frame.src = url!;
        frame.onload = () => {
          // The page answers the frame's request for a token itself, with one it made up.
          if (token) frame.contentWindow!.postMessage({ type: 'qari-reader-token', token }, '*');
          resolve();
        };
        frame.onerror = () => resolve();
        document.body.append(frame);
        setTimeout(resolve, 3000);
      }),
    [src, fakeToken] as const,
  );
  const target = page.frames().find((f) => !before.has(f));
  if (!target) return { url: '', ready: null, text: '' };
  // Give a reader that did load time to ask for its article and render or fail.
  await target.waitForSelector('body[data-ready]', { timeout: 1500 }).catch(() => undefined);
  const state = await target
    .evaluate(() => ({ ready: document.body?.dataset.ready ?? null, text: document.body?.innerText ?? '' }))
    .catch(() => ({ ready: null, text: '' }));
  return { url: target.url(), ...state };
}

async function attackerPage(path = '/attacker'): Promise<Page> {
  qari.server.addPage(path, '<!doctype html><title>attacker</title><p>nothing to see</p>');
  const page = await qari.ctx.newPage();
  await page.goto(`${qari.server.origin}${path}`);
  return page;
}

test('a web page cannot detect Qari by loading its files at the extension id', async () => {
  const page = await attackerPage();
  const base = `chrome-extension://${qari.extId}`;
  const asset = await qari.sw.evaluate(async () => {
    const html = await (await fetch('/reader.html')).text();
    return /\/assets\/[^"]+\.js/.exec(html)![0];
  });
  const results = await probe(page, [`${base}/reader.html`, `${base}${asset}`, `${base}/saved.html`]);
  for (const [what, result] of Object.entries(results)) expect(result, what).toBe('failed');
  await page.close();
});

test("a web page cannot frame the reader on another tab's article, nor a saved article", async () => {
  const page = await attackerPage('/attacker-frames');
  const base = `chrome-extension://${qari.extId}`;
  for (const src of [
    `${base}/reader.html?tab=${victimTab}`,
    `${base}/reader.html?id=${encodeURIComponent(savedId)}`,
    `${base}/saved.html?id=${encodeURIComponent(savedId)}`,
  ]) {
    const seen = await frameIn(page, src);
    expect(seen.ready, src).not.toBe('ok');
    expect(seen.text, src).not.toContain(VICTIM_TEXT);
  }
  await page.close();
});

test("a page that learns the reader's address still gets no article: not another tab's, not its own", async () => {
  // Everything the victim tab's own scripts can see of the frame's address (the frame's resource timing entry).
  const leaked = await victim.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((e) => e.name)
      .filter((name) => name.includes('reader.html')),
  );
  // Worst case: the page knows the address the frame loads from, the session's dynamic one included.
  const dynamic = await qari.sw.evaluate(() => chrome.runtime.getURL('reader.html'));
  const real = readerFrame(victim)!.url();
  const other = await qari.ctx.newPage();
  await other.goto(`${qari.server.origin}/fixtures/english-news-wire/`);
  const otherTab = await qari.tabIdOf(other);
  await victim.bringToFront();
  const addresses = [...leaked, real, `${dynamic}?tab=${otherTab}`, `${dynamic}?tab=${victimTab}`, dynamic];
  for (const src of addresses) {
    const seen = await frameIn(victim, src);
    expect(seen.ready, src).not.toBe('ok');
    expect(seen.text, src).not.toContain(VICTIM_TEXT);
  }
  // The dynamic address does load (Chromium 130+), and the reader then waits for a token nobody gives it.
  const loaded = await frameIn(other, dynamic);
  expect(loaded.url).toMatch(/^chrome-extension:\/\/[^/]+\/reader\.html$/);
  expect(loaded.text).toContain('Loading the article');
  // A token the page made up: the content script of the tab refuses it.
  const faked = await frameIn(victim, dynamic, crypto.randomUUID());
  expect(faked.ready).toBe('error');
  expect(faked.text).toContain('not one Qari opened');
  expect(faked.text).not.toContain(VICTIM_TEXT);
  await other.close();
});

test('the real flow still works: the reader over the page, the saved article in its own tab', async () => {
  const reader = await waitForReader(victim);
  expect(await reader.locator('article').innerText()).toContain(VICTIM_TEXT);
  const list = await qari.ctx.newPage();
  await list.goto(`chrome-extension://${qari.extId}/popup.html?tab=-1`);
  await list.getByRole('tab', { name: 'Reading list' }).click();
  await list.waitForSelector('body[data-list-ready]');
  const opened = qari.ctx.waitForEvent('page');
  await list
    .locator('.item')
    .first()
    .getByRole('button', { name: /^Open:/ })
    .click();
  const saved = await opened;
  await saved.waitForSelector('body[data-ready="ok"]');
  expect(await saved.locator('article').innerText()).toContain(VICTIM_TEXT);
  await saved.close();
  await list.close();
});

test("a saved article's progress and readAt move only with the reader's own scrolling", async () => {
  const saved = await qari.ctx.newPage();
  await saved.goto(`chrome-extension://${qari.extId}/saved.html?id=${encodeURIComponent(savedId)}`);
  await saved.waitForSelector('body[data-ready="ok"]');
  expect(await readingState(savedId)).toEqual({ progress: 0, readAt: null });
  // Scrolls nobody made with their hands: a fragment navigation and a script, all the way to the end.
  await saved.evaluate(() => {
    const last = [...document.querySelectorAll('article p')].at(-1)!;
    last.id = 'end';
    location.hash = '#end';
    window.scrollTo(0, document.documentElement.scrollHeight);
  });
  // Longer than a save waits after scrolling stops (600 ms): a negative check needs some time to pass.
  await saved.waitForTimeout(1500);
  expect(await readingState(savedId)).toEqual({ progress: 0, readAt: null });
  // The reader's own wheel: saved when it pauses, read near the end.
  await saved.bringToFront();
  await saved.mouse.move(500, 400);
  await saved.evaluate(() => window.scrollTo(0, 0));
  await saved.mouse.wheel(0, 100_000);
  await expect.poll(() => readingState(savedId), { timeout: 10_000 }).toMatchObject({ progress: 1 });
  expect((await readingState(savedId)).readAt).toEqual(expect.any(Number));
  await saved.close();
});

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { launchQari, type Qari } from './launch';
import { popupFor } from './pages/popup';
import { articleImageWidths } from './pages/reading-list';

/** The library never loses or half-writes an article: worker stopped mid-save, many tabs, full disk, bad images. */

let qari: Qari;

beforeAll(async () => {
  qari = await launchQari();
});

afterAll(async () => {
  await qari?.close();
});

const paragraphs = (topic: string) =>
  Array.from(
    { length: 8 },
    (_, i) =>
      `<p>Paragraph ${i + 1} about ${topic}: the council's committee heard evidence from residents, engineers and the contractor before deciding what to do next.</p>`,
  ).join('\n');

function articlePage(title: string, images: string[]): string {
  return `<!doctype html><html lang="en"><head><title>${title}</title></head><body><article><h1>${title}</h1>
    ${images.map((src) => `<figure><img src="${src}" alt="" width="640" height="360"><figcaption>Photo</figcaption></figure>`).join('\n')}
    ${paragraphs(title)}</article></body></html>`;
}

/** Saved articles as the library holds them, read straight from IndexedDB by an extension page. */
async function stored(from: Page): Promise<{ url: string; images: { missing: boolean; reason?: string }[] }[]> {
  return from.evaluate(async () => {
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const open = indexedDB.open('qari-library');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    if (!db.objectStoreNames.contains('articles')) return [];
    const all: { url: string; deletedAt: number | null; images: { missing: boolean; reason?: string }[] }[] =
      await new Promise((resolve) => {
        const get = db.transaction('articles').objectStore('articles').getAll();
        get.onsuccess = () => resolve(get.result);
      });
    db.close();
    return all.filter((a) => !a.deletedAt).map(({ url, images }) => ({ url, images }));
  });
}

test('the service worker stopped in the middle of a save: nothing half-written, and the popup says so', async () => {
  qari.server.addPage(
    '/faults/stopped.html',
    articlePage('Bridge repairs delayed again', ['/img/bridge.jpg', '/hang/slow.jpg']),
  );
  const page = await qari.ctx.newPage();
  // The page's own request for the frozen image never ends: wait for its DOM, not its load event.
  await page.goto(`${qari.server.origin}/faults/stopped.html`, { waitUntil: 'domcontentloaded' });
  const popup = await popupFor(qari, page);
  try {
    await popup.getByRole('button', { name: 'Save for later' }).click();
    // One image is in, the other hangs: the save is in the middle of its work.
    await popup.getByRole('button', { name: /Saving… 1 of 2 images/ }).waitFor();
    const cdp = await qari.ctx.newCDPSession(popup);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await popup.getByRole('alert').filter({ hasText: 'interrupted while saving' }).waitFor();
    expect(await popup.getByRole('alert').innerText()).toContain('Nothing was saved');
  } finally {
    qari.server.releaseHung();
  }
  expect((await stored(popup)).map((a) => a.url)).not.toContain(`${qari.server.origin}/faults/stopped.html`);

  // The worker comes back on the next message, and saving works again.
  await popup.getByRole('button', { name: 'Save for later' }).click();
  await popup.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
  const saved = (await stored(popup)).find((a) => a.url.endsWith('/faults/stopped.html'))!;
  expect(saved.images.map((i) => i.missing)).toEqual([false, true]);
  await popup.close();
  await page.close();
});

test('ten tabs saving at the same moment: ten articles, none lost, none duplicated', async () => {
  const pages: Page[] = [];
  const popups: Page[] = [];
  for (let i = 0; i < 10; i++) {
    qari.server.addPage(`/faults/tab-${i}.html`, articlePage(`Ward ${i + 1} budget meeting`, ['/img/ward.jpg']));
    const page = await qari.ctx.newPage();
    await page.goto(`${qari.server.origin}/faults/tab-${i}.html`);
    pages.push(page);
    popups.push(await popupFor(qari, page));
  }
  await Promise.all(popups.map((popup) => popup.getByRole('button', { name: 'Save for later' }).click()));
  await Promise.all(popups.map((popup) => popup.getByRole('status').filter({ hasText: 'Saved' }).waitFor()));
  // Saving one of them again from its popup does not duplicate it.
  const urls = (await stored(popups[0]!)).map((a) => a.url).filter((u) => u.includes('/faults/tab-'));
  expect(urls.sort()).toEqual(
    Array.from({ length: 10 }, (_, i) => `${qari.server.origin}/faults/tab-${i}.html`).sort(),
  );
  await Promise.all([...popups, ...pages].map((p) => p.close()));
});

test('images that fail or are not images: the article is saved, those images marked missing', async () => {
  qari.server.addPage(
    '/faults/images.html',
    articlePage('Harbour photo essay', ['/img/harbour.png', '/missing/gone-404.gif', '/not-an-image.jpg']),
  );
  const page = await qari.ctx.newPage();
  await page.goto(`${qari.server.origin}/faults/images.html`);
  const popup = await popupFor(qari, page);
  await popup.getByRole('button', { name: 'Save for later' }).click();
  await popup.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
  expect(await popup.locator('.notice').innerText()).toContain('will need the network');
  const saved = (await stored(popup)).find((a) => a.url.endsWith('/faults/images.html'))!;
  expect(saved.images.map((i) => [i.missing, i.reason ?? null])).toEqual([
    [false, null],
    [true, 'The site answered 404.'],
    [true, 'Not an image.'],
  ]);
  await popup.close();
  await page.close();
});

test('a huge image (8000 × 6000) is saved downscaled to 2000 px, and reads offline', async () => {
  // A 1-bit PNG: about 20 KB on the wire, 190 MB once decoded. Small in bytes, so only its pixels make it huge.
  qari.server.addPage('/faults/huge.html', articlePage('Harbour from the air', ['/generated/8000x6000.png']));
  const page = await qari.ctx.newPage();
  await page.goto(`${qari.server.origin}/faults/huge.html`);
  const popup = await popupFor(qari, page);
  await popup.getByRole('button', { name: 'Save for later' }).click();
  await popup.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
  // The stored bytes, decoded: the width and height recorded for the image, and those of the blob itself.
  const image = await popup.evaluate(async () => {
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const open = indexedDB.open('qari-library');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tx = db.transaction(['articles', 'images']);
    const read = <T>(request: IDBRequest<T>) =>
      new Promise<T>((resolve) => (request.onsuccess = () => resolve(request.result)));
    const articles: { id: string; url: string; images: { key: string; width?: number; height?: number }[] }[] =
      await read(tx.objectStore('articles').getAll());
    const article = articles.find((a) => a.url.endsWith('/faults/huge.html'))!;
    const ref = article.images[0]!;
    const stored: { blob: Blob } = await read(tx.objectStore('images').get([article.id, ref.key]));
    db.close();
    const bitmap = await createImageBitmap(stored.blob);
    return { id: article.id, ref, blob: { width: bitmap.width, height: bitmap.height, bytes: stored.blob.size } };
  });
  expect(image.ref).toMatchObject({ width: 2000, height: 1500 });
  expect(image.blob).toMatchObject({ width: 2000, height: 1500 });
  await popup.close();
  await page.close();

  await qari.ctx.setOffline(true);
  try {
    const reader = await qari.ctx.newPage();
    await reader.goto(`chrome-extension://${qari.extId}/saved.html?id=${encodeURIComponent(image.id)}`);
    await reader.waitForSelector('body[data-ready="ok"]');
    expect(await articleImageWidths(reader)).toEqual([2000]);
    await reader.close();
  } finally {
    await qari.ctx.setOffline(false);
  }
});

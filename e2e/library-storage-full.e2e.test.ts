import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildFaultsExtension } from '../scripts/build-faults-extension';
import { launchQari, type Qari } from './launch';
import { popupFor } from './pages/popup';

/**
 * Storage full, end to end: the real popup, service worker and IndexedDB, with the write refused by a
 * QuotaExceededError from the fault hook of the test build (src/library/injected-fault.ts says why a real
 * full disk could not be used). The production build must not contain the hook.
 */

let qari: Qari;

beforeAll(async () => {
  qari = await launchQari({ extDir: await buildFaultsExtension() });
}, 120_000);

afterAll(async () => {
  await qari?.close();
});

const article = (title: string) =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body><article><h1>${title}</h1>
  <figure><img src="/img/${title.length}.png" alt="" width="640" height="360"><figcaption>Photo</figcaption></figure>
  ${Array.from({ length: 8 }, (_, i) => `<p>Paragraph ${i + 1} of “${title}”: the committee heard from residents, engineers and the contractor before deciding.</p>`).join('\n')}
  </article></body></html>`;

async function clickSave(path: string, title: string): Promise<{ page: Page; popup: Page }> {
  qari.server.addPage(path, article(title));
  const page = await qari.ctx.newPage();
  await page.goto(`${qari.server.origin}${path}`);
  const popup = await popupFor(qari, page);
  await popup.getByRole('button', { name: 'Save for later' }).click();
  return { page, popup };
}

/** Everything the library holds, read with raw IndexedDB from an extension page (image bytes included). */
function library(from: Page) {
  return from.evaluate(async () => {
    const db: IDBDatabase = await new Promise((resolve, reject) => {
      const open = indexedDB.open('qari-library');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tx = db.transaction(['articles', 'bodies', 'images', 'postings', 'meta']);
    const read = <T>(request: IDBRequest<T>) =>
      new Promise<T>((resolve) => (request.onsuccess = () => resolve(request.result)));
    const articles: { id: string; url: string; title: string; updatedAt: number }[] = await read(
      tx.objectStore('articles').getAll(),
    );
    const bodies: { id: string; content: string }[] = await read(tx.objectStore('bodies').getAll());
    const images: { articleId: string; key: string; blob: Blob }[] = await read(tx.objectStore('images').getAll());
    const postings = await read(tx.objectStore('postings').getAllKeys());
    const usage = await read(tx.objectStore('meta').get('usage'));
    db.close();
    return {
      articles: articles.map((a) => [a.url, a.title, a.updatedAt, bodies.find((b) => b.id === a.id)?.content.length]),
      bodies: bodies.length,
      images: await Promise.all(
        images.map(async (i) => [i.articleId, i.key, [...new Uint8Array(await i.blob.arrayBuffer())].join()]),
      ),
      postings,
      usage,
    };
  });
}

const setStorageFull = (full: boolean) =>
  qari.sw.evaluate((full) => {
    (globalThis as { __qariFaults?: { storageFull?: boolean } }).__qariFaults = { storageFull: full };
  }, full);

test('storage full: a clear message, the library unchanged, and the next save after freeing space works', async () => {
  const first = await clickSave('/full/first.html', 'Harbour wall rebuilt');
  await first.popup.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
  const before = await library(first.popup);
  expect(before.articles).toHaveLength(1);
  expect(before.images).toHaveLength(1);

  await setStorageFull(true);
  const second = await clickSave('/full/second.html', 'Ferry timetable changes from May');
  const alert = second.popup.getByRole('alert');
  await alert.waitFor();
  expect(await alert.innerText()).toBe(
    "Your browser's storage for Qari is full. Nothing was saved; free space by deleting or exporting saved articles.",
  );
  expect(await second.popup.getByRole('button', { name: 'Save for later' }).isEnabled()).toBe(true);
  expect(await library(second.popup)).toEqual(before);

  // Space freed: the same button saves it, whole.
  await setStorageFull(false);
  await second.popup.getByRole('button', { name: 'Save for later' }).click();
  await second.popup.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
  const after = await library(second.popup);
  expect(after.articles).toHaveLength(2);
  expect(after.articles).toContainEqual(before.articles[0]);
  expect(after.images).toHaveLength(2);
  expect(after.images).toContainEqual(before.images[0]);
  expect(after.postings).toHaveLength(2);
  expect(after.usage).toMatchObject({ articles: 2 });
});

test('the production build (dist/) does not contain the fault hook', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : [path];
    });
  const scripts = files('dist').filter((f) => f.endsWith('.js'));
  expect(scripts.length).toBeGreaterThan(3);
  for (const file of scripts) expect(readFileSync(file, 'utf8'), file).not.toMatch(/__qariFaults|e2e fault hook/);
  // …while the test build does (so the check above looks for the right thing).
  const testScripts = files('out/dist-faults').filter((f) => f.endsWith('.js'));
  expect(testScripts.some((f) => readFileSync(f, 'utf8').includes('__qariFaults'))).toBe(true);
});

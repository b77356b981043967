// @vitest-environment node
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: {} }));

const { fetchGrantedImages } = await import('./fetch-granted-images');
const { getArticle, getImages, markRead, saveArticle, imageKeyFor } = await import('../src/library');
const { ARABIC_IMAGE, ARABIC_IMAGE_MISSING, arabicArticle, imageBlob } =
  await import('../src/library/fixtures/articles');
const { articleIdFor } = await import('../src/library/article-id-for');

let n = 0;
describe('fetchGrantedImages: images of sites allowed after the save', () => {
  it('downloads the missing images of allowed sites and stores them, keeping what was there and the reader state', async () => {
    const dbName = `images-follow-up-${++n}`;
    const article = arabicArticle();
    const id = articleIdFor(article.url);
    // Saved while the image site was not allowed: the first image came through the page, the second is missing.
    await saveArticle(
      article,
      [
        { key: imageKeyFor(ARABIC_IMAGE), originalUrl: ARABIC_IMAGE, blob: imageBlob(1) },
        { key: imageKeyFor(ARABIC_IMAGE_MISSING), originalUrl: ARABIC_IMAGE_MISSING, blob: null, missing: true },
      ],
      { dbName },
    );
    await markRead(id, true, { dbName });
    const fetch = vi.fn(async () => ({ ok: true as const, blob: imageBlob(2, 'image/webp'), width: 40, height: 30 }));

    // Not allowed yet: nothing downloaded, one waiting.
    expect(await fetchGrantedImages(id, { dbName, fetch, granted: async () => false })).toEqual({
      fetched: 0,
      waiting: 1,
    });
    expect(fetch).not.toHaveBeenCalled();

    expect(await fetchGrantedImages(id, { dbName, fetch, granted: async () => true })).toEqual({
      fetched: 1,
      waiting: 0,
    });
    expect(fetch).toHaveBeenCalledWith(ARABIC_IMAGE_MISSING);
    const saved = (await getArticle(id, { dbName }))!;
    expect(saved.images.map((i) => i.missing)).toEqual([false, false]);
    expect(saved.readAt).not.toBeNull();
    expect(saved.content).toContain(`qari-image:${imageKeyFor(ARABIC_IMAGE_MISSING)}`);
    expect(saved.content).not.toContain('https://');
    const blobs = await getImages(id, { dbName });
    expect([...blobs.keys()].sort()).toEqual([imageKeyFor(ARABIC_IMAGE), imageKeyFor(ARABIC_IMAGE_MISSING)].sort());
    expect(blobs.get(imageKeyFor(ARABIC_IMAGE))!.size).toBe(imageBlob(1).size);
  });
});

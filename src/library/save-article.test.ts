// @vitest-environment node
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { articleIdFor } from './article-id-for';
import {
  ARABIC_IMAGE,
  ARABIC_IMAGE_MISSING,
  arabicArticle,
  blobBytes,
  ENGLISH_IMAGE,
  ENGLISH_IMAGE_SMALL,
  englishArticle,
  hebrewArticle,
  HEBREW_IMAGE,
  imageBlob,
} from './fixtures/articles';
import { freshLibrary } from './fixtures/fresh-library';
import { getArticle } from './get-article';
import { getImages } from './get-images';
import { LibraryError, STORAGE_FULL_MESSAGE } from './library-error';
import { countArticles, listArticles } from './list-articles';
import { openLibrary } from './open-library';
import { saveArticle, type SaveImageInput } from './save-article';
import { search } from './search';
import { usage } from './usage';

afterEach(() => {
  vi.restoreAllMocks();
});

const arabicImages = (): SaveImageInput[] => [
  { key: 'market', originalUrl: ARABIC_IMAGE, blob: imageBlob(1, 'image/jpeg', 300) },
  { key: 'speech', originalUrl: ARABIC_IMAGE_MISSING, blob: null, missing: true, reason: 'HTTP 404' },
];

/** Every store's contents, to compare the library before and after a failed write. */
async function snapshot(dbName: string) {
  const db = await openLibrary(dbName);
  const images = await db.getAll('images');
  return {
    articles: await db.getAll('articles'),
    bodies: await db.getAll('bodies'),
    images: await Promise.all(images.map(async (i) => ({ ...i, blob: await blobBytes(i.blob) }))),
    postings: await db.getAll('postings'),
    meta: await db.get('meta', 'usage'),
  };
}

describe('saveArticle', () => {
  it('saves the article, its images and its state, with content pointing at the stored images', async () => {
    const dbName = freshLibrary('save');
    const saved = await saveArticle(arabicArticle(), arabicImages(), { dbName, now: 1_000 });
    expect(saved.id).toBe(articleIdFor(arabicArticle().url));
    expect(saved).toMatchObject({
      title: 'أردوغان يعلن خطة لإعادة إعمار سوق غازي عنتاب',
      dir: 'rtl',
      lang: 'ar',
      savedAt: 1_000,
      updatedAt: 1_000,
      readAt: null,
      archived: false,
      deletedAt: null,
      progress: 0,
      dirOverride: null,
      schemaVersion: 3,
      tags: [],
    });
    expect(saved.content).toContain('src="qari-image:market"');
    expect(saved.content).toContain('src="qari-image:speech"');
    expect(saved.content).not.toMatch(/src="https?:/);
    expect(await getArticle(saved.id, { dbName })).toEqual(saved);
    const images = await getImages(saved.id, { dbName });
    expect([...images.keys()]).toEqual(['market']);
    expect(await blobBytes(images.get('market'))).toEqual(await blobBytes(imageBlob(1, 'image/jpeg', 300)));
  });

  it('records an image that failed as missing, with its reason and URL, and still saves the article', async () => {
    const dbName = freshLibrary('missing');
    const saved = await saveArticle(arabicArticle(), arabicImages(), { dbName });
    expect(saved.images).toEqual([
      { key: 'market', originalUrl: ARABIC_IMAGE, missing: false, bytes: 300, type: 'image/jpeg' },
      { key: 'speech', originalUrl: ARABIC_IMAGE_MISSING, missing: true, reason: 'HTTP 404', bytes: 0, type: '' },
    ]);
    expect(await countArticles('all', { dbName })).toBe(1);
  });

  it('records network images the caller did not provide as missing, so content never loads from the network', async () => {
    const dbName = freshLibrary('unprovided');
    const saved = await saveArticle(hebrewArticle(), [], { dbName });
    expect(saved.images).toEqual([
      expect.objectContaining({ originalUrl: HEBREW_IMAGE, missing: true, bytes: 0, reason: expect.any(String) }),
    ]);
    expect(saved.content).toContain(`src="qari-image:${saved.images[0]!.key}"`);
    expect(saved.content).not.toContain('https://');
  });

  it('keeps stored srcset candidates and drops the rest', async () => {
    const dbName = freshLibrary('srcset');
    const saved = await saveArticle(
      englishArticle(),
      [{ key: 'kelp', originalUrl: ENGLISH_IMAGE, blob: imageBlob(3, 'image/jpeg') }],
      { dbName },
    );
    expect(saved.content).toContain('<img src="qari-image:kelp" srcset="qari-image:kelp 1200w" sizes=');
    expect(saved.content).not.toContain(ENGLISH_IMAGE_SMALL);
  });

  it('computes bytes from the HTML (UTF-8) and the stored images', async () => {
    const dbName = freshLibrary('bytes');
    const saved = await saveArticle(arabicArticle(), arabicImages(), { dbName });
    expect(saved.bytes).toBe(new TextEncoder().encode(saved.content).length + 300);
    expect(await usage({ dbName })).toEqual({ articles: 1, bytes: saved.bytes });
  });

  it('saving the same URL twice (other tracking parameters, fragment) updates one record', async () => {
    const dbName = freshLibrary('twice');
    const first = await saveArticle(arabicArticle(), arabicImages(), { dbName, now: 1_000 });
    const second = await saveArticle(
      arabicArticle({ url: arabicArticle().url.replace('utm_source=newsletter', 'utm_source=x&fbclid=1') + '#c' }),
      arabicImages(),
      { dbName, now: 2_000 },
    );
    expect(second.id).toBe(first.id);
    expect(second.savedAt).toBe(1_000);
    expect(second.updatedAt).toBe(2_000);
    expect(await countArticles('all', { dbName })).toBe(1);
    expect(await usage({ dbName })).toEqual({ articles: 1, bytes: second.bytes });
  });

  it('re-saving replaces images and search terms (nothing stale) and keeps the reader state', async () => {
    const dbName = freshLibrary('resave');
    const first = await saveArticle(
      englishArticle(),
      [
        { key: 'kelp', originalUrl: ENGLISH_IMAGE, blob: imageBlob(3) },
        { key: 'kelp-small', originalUrl: ENGLISH_IMAGE_SMALL, blob: imageBlob(4) },
      ],
      { dbName, now: 1_000 },
    );
    const db = await openLibrary(dbName);
    await db.put('articles', { ...(await db.get('articles', first.id))!, readAt: 1_500, readFlag: 1, progress: 0.4 });
    const updated = englishArticle({
      title: 'Seaweed returns to the south',
      textContent: 'Seaweed is back in the bays.',
      content: `<p>Seaweed is back in the bays.</p><img src="${ENGLISH_IMAGE}">`,
    });
    const second = await saveArticle(
      updated,
      [{ key: 'kelp', originalUrl: ENGLISH_IMAGE, blob: imageBlob(5, 'image/png', 100) }],
      {
        dbName,
        now: 2_000,
        dirOverride: 'rtl',
      },
    );
    expect(second).toMatchObject({ readAt: 1_500, progress: 0.4, savedAt: 1_000, dirOverride: 'rtl' });
    const images = await getImages(first.id, { dbName });
    expect([...images.keys()]).toEqual(['kelp']);
    expect(await blobBytes(images.get('kelp'))).toEqual(await blobBytes(imageBlob(5, 'image/png', 100)));
    expect((await search('kelp', { dbName })).items).toEqual([]);
    expect((await search('Tasmania', { dbName })).items).toEqual([]);
    expect((await search('seaweed', { dbName })).items.map((a) => a.id)).toEqual([first.id]);
    expect(await usage({ dbName })).toEqual({ articles: 1, bytes: second.bytes });
  });

  it('brings back a soft-deleted article when it is saved again', async () => {
    const dbName = freshLibrary('undelete');
    const saved = await saveArticle(hebrewArticle(), [], { dbName });
    const db = await openLibrary(dbName);
    await db.put('articles', { ...(await db.get('articles', saved.id))!, deletedAt: 5, deletedFlag: 1 });
    expect(await countArticles('all', { dbName })).toBe(0);
    expect((await saveArticle(hebrewArticle(), [], { dbName })).deletedAt).toBeNull();
    expect(await countArticles('all', { dbName })).toBe(1);
  });

  it('rejects invalid or repeated image keys before writing anything', async () => {
    const dbName = freshLibrary('keys');
    const blob = imageBlob(1);
    await expect(
      saveArticle(englishArticle(), [{ key: '../etc', originalUrl: ENGLISH_IMAGE, blob }], { dbName }),
    ).rejects.toThrow(/image key/);
    await expect(
      saveArticle(
        englishArticle(),
        [
          { key: 'a', originalUrl: ENGLISH_IMAGE, blob },
          { key: 'a', originalUrl: ENGLISH_IMAGE_SMALL, blob },
        ],
        { dbName },
      ),
    ).rejects.toThrow(/image key/);
    expect(await usage({ dbName })).toEqual({ articles: 0, bytes: 0 });
  });
});

describe('saveArticle: all or nothing', () => {
  it('writes nothing when a put fails midway (an image that cannot be stored)', async () => {
    const dbName = freshLibrary('atomic');
    await saveArticle(hebrewArticle(), [], { dbName });
    const before = await snapshot(dbName);
    // Not cloneable: the put throws DataCloneError after the record and the first image were queued.
    const poisoned = { size: 10, type: 'image/png', stream: () => null } as unknown as Blob;
    await expect(
      saveArticle(
        arabicArticle(),
        [
          { key: 'market', originalUrl: ARABIC_IMAGE, blob: imageBlob(1) },
          { key: 'speech', originalUrl: ARABIC_IMAGE_MISSING, blob: poisoned },
        ],
        { dbName },
      ),
    ).rejects.toThrow();
    expect(await snapshot(dbName)).toEqual(before);
  });

  it('writes nothing of a re-save that fails: the old images and terms stay', async () => {
    const dbName = freshLibrary('atomic-resave');
    await saveArticle(arabicArticle(), arabicImages(), { dbName });
    const before = await snapshot(dbName);
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (this.name === 'postings') throw new DOMException('Simulated failure', 'UnknownError');
      return put.apply(this, args);
    });
    await expect(saveArticle(arabicArticle({ textContent: 'نص جديد' }), [], { dbName })).rejects.toThrow(
      'Simulated failure',
    );
    vi.restoreAllMocks();
    expect(await snapshot(dbName)).toEqual(before);
  });

  it('writes nothing when the body cannot be written (record and body are one write)', async () => {
    const dbName = freshLibrary('atomic-body');
    await saveArticle(arabicArticle(), arabicImages(), { dbName });
    const before = await snapshot(dbName);
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (this.name === 'bodies') throw new DOMException('Simulated failure', 'UnknownError');
      return put.apply(this, args);
    });
    await expect(saveArticle(hebrewArticle(), [], { dbName })).rejects.toThrow('Simulated failure');
    await expect(saveArticle(arabicArticle({ content: '<p>جديد</p>' }), [], { dbName })).rejects.toThrow(
      'Simulated failure',
    );
    vi.restoreAllMocks();
    expect(await snapshot(dbName)).toEqual(before);
  });

  it('keeps the body apart from the record, and opens the article whole', async () => {
    const dbName = freshLibrary('bodies');
    const saved = await saveArticle(arabicArticle(), arabicImages(), { dbName });
    const db = await openLibrary(dbName);
    const record = await db.get('articles', saved.id);
    expect(record).not.toHaveProperty('content');
    expect(record).not.toHaveProperty('textContent');
    expect(await db.get('bodies', saved.id)).toEqual({
      id: saved.id,
      content: saved.content,
      textContent: saved.textContent,
    });
    expect(await getArticle(saved.id, { dbName })).toEqual(saved);
    // A re-save with a new body replaces it; the usage total follows the new content.
    const again = await saveArticle(arabicArticle({ content: '<p>نص أقصر</p>', textContent: 'نص أقصر' }), [], {
      dbName,
    });
    expect(await db.get('bodies', saved.id)).toMatchObject({ content: again.content, textContent: 'نص أقصر' });
    expect(await usage({ dbName })).toEqual({ articles: 1, bytes: again.bytes });
  });

  it('maps a QuotaExceededError thrown by a put to LibraryError storage-full, and writes nothing', async () => {
    const dbName = freshLibrary('quota-put');
    await saveArticle(englishArticle(), [], { dbName });
    const before = await snapshot(dbName);
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      if (this.name === 'images') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    });
    const error = await saveArticle(arabicArticle(), arabicImages(), { dbName }).catch((e: unknown) => e);
    vi.restoreAllMocks();
    expect(error).toBeInstanceOf(LibraryError);
    expect(error).toMatchObject({ kind: 'storage-full', code: 'internal', message: STORAGE_FULL_MESSAGE });
    expect(await snapshot(dbName)).toEqual(before);
  });

  it('maps a transaction aborted for quota (requests fail with AbortError) to storage-full, and writes nothing', async () => {
    const dbName = freshLibrary('quota-abort');
    await saveArticle(englishArticle(), [], { dbName });
    const before = await snapshot(dbName);
    const put = IDBObjectStore.prototype.put;
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
      const request = put.apply(this, args);
      // What a browser does when the disk fills: the transaction aborts with QuotaExceededError as its
      // error, and every pending request fails with AbortError. fake-indexeddb's own abort path does that.
      if (this.name === 'images')
        (this.transaction as unknown as { _abort(name: string): void })._abort('QuotaExceededError');
      return request;
    });
    const error = await saveArticle(arabicArticle(), arabicImages(), { dbName }).catch((e: unknown) => e);
    vi.restoreAllMocks();
    expect(error).toMatchObject({ name: 'LibraryError', kind: 'storage-full' });
    expect(await snapshot(dbName)).toEqual(before);
  });
});

describe('saveArticle: concurrency', () => {
  it('ten concurrent saves of different URLs all land', async () => {
    const dbName = freshLibrary('concurrent');
    const articles = Array.from({ length: 10 }, (_, i) =>
      englishArticle({ url: `https://www.example.com/environment/kelp-${i}`, title: `Kelp report ${i}` }),
    );
    const saved = await Promise.all(
      articles.map((a, i) =>
        saveArticle(a, [{ key: 'kelp', originalUrl: ENGLISH_IMAGE, blob: imageBlob(i) }], { dbName, now: 1_000 + i }),
      ),
    );
    expect(new Set(saved.map((a) => a.id)).size).toBe(10);
    expect(await countArticles('all', { dbName })).toBe(10);
    const page = await listArticles({ dbName, limit: 50 });
    expect(page.items.map((a) => a.title)).toEqual(articles.map((a) => a.title).reverse());
    expect(await usage({ dbName })).toEqual({ articles: 10, bytes: saved.reduce((sum, a) => sum + a.bytes, 0) });
  });

  it('concurrent saves of the same URL leave one record', async () => {
    const dbName = freshLibrary('concurrent-same');
    const results = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        saveArticle(hebrewArticle({ url: `${hebrewArticle().url}?utm_source=s${i}` }), [], { dbName, now: 100 + i }),
      ),
    );
    expect(new Set(results.map((a) => a.id)).size).toBe(1);
    expect(await countArticles('all', { dbName })).toBe(1);
    expect(await usage({ dbName })).toEqual({ articles: 1, bytes: results[4]!.bytes });
  });
});

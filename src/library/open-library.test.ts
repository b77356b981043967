// @vitest-environment node
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { articleIdFor } from './article-id-for';
import { freshLibrary } from './fixtures/fresh-library';
import v1Library from './fixtures/v1-library.json';
import { getArticle } from './get-article';
import { imageKeyFor } from './image-key-for';
import { countArticles, listArticles } from './list-articles';
import { V1_IMAGE_REASON, type V1Article } from './migrate-v1-article';
import { closeLibrary, LIBRARY_VERSION, openLibrary } from './open-library';
import { resolveSavedImages } from './rewrite-image-sources';
import { saveArticle } from './save-article';
import { search } from './search';
import { articleBytes } from './article-record';
import { usage } from './usage';

const V1_ARTICLES = v1Library.articles as V1Article[];

/** Writes a library exactly as Qari 1 did, with raw IndexedDB at version 1. */
function writeV1Library(name: string, articles: V1Article[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => {
      const store = request.result.createObjectStore('articles', { keyPath: 'id' });
      store.createIndex('by-savedAt', 'savedAt');
    };
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const db = request.result;
      const tx = db.transaction('articles', 'readwrite');
      for (const article of articles) tx.objectStore('articles').put(article);
      tx.oncomplete = () => {
        db.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

/** The raw records, read without the library code (to check that a failed upgrade left them alone). */
function readRaw(name: string): Promise<{ version: number; articles: unknown[] }> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const db = request.result;
      const get = db.transaction('articles').objectStore('articles').getAll();
      get.onsuccess = () => {
        db.close();
        resolve({ version: db.version, articles: get.result });
      };
    };
  });
}

describe('openLibrary', () => {
  it('creates a fresh library at the current version, with every store', async () => {
    const dbName = freshLibrary('fresh');
    const db = await openLibrary(dbName);
    expect(db.version).toBe(LIBRARY_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['articles', 'images', 'meta', 'terms']);
    expect([...db.transaction('articles').store.indexNames].sort()).toEqual([
      'by-archived',
      'by-deletedAt',
      'by-live',
      'by-savedAt',
      'by-unread',
      'by-url',
    ]);
    expect(await usage({ dbName })).toEqual({ articles: 0, bytes: 0 });
  });

  it('shares one connection per library name', async () => {
    const dbName = freshLibrary('cached');
    const a = openLibrary(dbName);
    expect(openLibrary(dbName)).toBe(a);
    expect(await openLibrary(dbName)).toBe(await a);
    await closeLibrary(dbName);
    expect(openLibrary(dbName)).not.toBe(a);
  });
});

describe('upgrade from version 1 (fixtures/v1-library.json)', () => {
  it('keeps every article and all it held, re-keyed by URL, with images as missing refs', async () => {
    const dbName = freshLibrary('v1');
    await writeV1Library(dbName, V1_ARTICLES);
    const db = await openLibrary(dbName);
    expect(db.version).toBe(2);
    expect(await countArticles('all', { dbName })).toBe(3);

    for (const v1 of V1_ARTICLES) {
      const saved = await getArticle(articleIdFor(v1.url), { dbName });
      expect(saved, v1.title).not.toBeNull();
      expect(saved).toMatchObject({
        url: v1.url,
        title: v1.title,
        byline: v1.byline,
        siteName: v1.siteName,
        lang: v1.lang,
        dir: v1.dir,
        textContent: v1.textContent,
        savedAt: v1.savedAt,
        updatedAt: v1.savedAt,
        readAt: v1.read ? v1.savedAt : null,
        archived: false,
        deletedAt: null,
        schemaVersion: 2,
      });
      // Every image URL is kept, as a missing ref, and the content points at the refs: resolving them to
      // their original URLs gives back the v1 content.
      expect(saved!.images.map((ref) => ref.originalUrl)).toEqual(expect.arrayContaining(v1.images));
      for (const ref of saved!.images)
        expect(ref).toEqual({
          key: imageKeyFor(ref.originalUrl),
          originalUrl: ref.originalUrl,
          missing: true,
          reason: V1_IMAGE_REASON,
          bytes: 0,
          type: '',
        });
      const urls = new Map(saved!.images.map((ref) => [ref.key, ref.originalUrl]));
      const restored = resolveSavedImages(saved!.content, (key) => urls.get(key) ?? null);
      expect(restored).toBe(v1.content);
      expect(saved!.content).not.toMatch(/src="https?:/);
      expect(saved!.wordCount).toBeGreaterThan(20);
      expect(saved!.readingTimeMinutes).toBeGreaterThanOrEqual(1);
      expect(saved!.excerpt).toBe(v1.textContent.split('\n')[0]);
      expect(saved!.bytes).toBe(articleBytes(saved!.content, []));
    }
    // The list order (newest first) and the usage totals were built in the upgrade.
    expect((await listArticles({ dbName })).items.map((a) => a.lang)).toEqual(['en', 'he', 'ar']);
    const totals = await usage({ dbName });
    expect(totals.articles).toBe(3);
    expect(totals.bytes).toBeGreaterThan(0);
  });

  it('builds the search index for the old articles', async () => {
    const dbName = freshLibrary('v1-search');
    await writeV1Library(dbName, V1_ARTICLES);
    const [ar, he, en] = V1_ARTICLES.map((a) => articleIdFor(a.url));
    expect((await search('اردوغان', { dbName })).items.map((a) => a.id)).toEqual([ar]);
    expect((await search('מסוף החודש', { dbName })).items).toEqual([]);
    expect((await search('בראשית', { dbName })).items.map((a) => a.id)).toEqual([he]);
    expect((await search('Dutch gard', { dbName })).items.map((a) => a.id)).toEqual([en]);
  });

  it('merges two v1 records of one URL (saved with and without tracking parameters) into one', async () => {
    const dbName = freshLibrary('v1-dupes');
    const original = V1_ARTICLES[0]!;
    const again: V1Article = {
      ...original,
      id: '0b7e8d4c-5a61-4f2e-9c3d-2e1f0a9b8c77',
      url: original.url.replace(/\?.*$/, ''),
      savedAt: original.savedAt + 86_400_000,
      read: true,
    };
    await writeV1Library(dbName, [...V1_ARTICLES, again]);
    expect(await countArticles('all', { dbName })).toBe(3);
    const merged = await getArticle(articleIdFor(original.url), { dbName });
    expect(merged).toMatchObject({ savedAt: original.savedAt, readAt: again.savedAt, url: again.url });
    expect((await usage({ dbName })).articles).toBe(3);
  });

  it('is one transaction: a failure leaves the version 1 library as it was, and it upgrades on the next try', async () => {
    const dbName = freshLibrary('v1-fail');
    await writeV1Library(dbName, V1_ARTICLES);
    const before = await readRaw(dbName);
    const put = IDBObjectStore.prototype.put;
    let calls = 0;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'terms' && ++calls === 5) throw new DOMException('Simulated failure', 'UnknownError');
      return put.apply(this, args);
    };
    try {
      await expect(openLibrary(dbName)).rejects.toThrow('Simulated failure');
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    expect(await readRaw(dbName)).toEqual(before);
    expect(before.version).toBe(1);
    expect(await countArticles('all', { dbName })).toBe(3);
  });

  it('an article saved after the upgrade updates its v1 record instead of duplicating it', async () => {
    const dbName = freshLibrary('v1-resave');
    await writeV1Library(dbName, V1_ARTICLES);
    const en = V1_ARTICLES[2]!;
    await saveArticle(
      {
        url: en.url,
        title: en.title,
        byline: en.byline,
        siteName: en.siteName,
        publishedTime: null,
        lang: en.lang,
        dir: en.dir,
        excerpt: null,
        leadImage: null,
        content: en.content,
        textContent: en.textContent,
        readingTimeMinutes: 1,
        wordCount: 90,
      },
      [],
      { dbName },
    );
    expect(await countArticles('all', { dbName })).toBe(3);
    expect((await getArticle(articleIdFor(en.url), { dbName }))?.savedAt).toBe(en.savedAt);
  });
});

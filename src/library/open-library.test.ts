// @vitest-environment node
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { articleIdFor } from './article-id-for';
import { freshLibrary } from './fixtures/fresh-library';
import { writeOldLibrary } from './fixtures/write-old-library';
import v1Library from './fixtures/v1-library.json';
import v2Library from './fixtures/v2-library.json';
import { blobBytes } from './fixtures/articles';
import { getImages } from './get-images';
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
import { RECORD_SCHEMA_VERSION, type StoredArticle, type StoredBody } from './schema';
import { toSavedArticle } from './article-record';

const V1_ARTICLES = v1Library.articles as V1Article[];
// Version 2 records held their body.
const V2_ARTICLES = v2Library.articles as unknown as (StoredArticle & StoredBody)[];

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
    expect([...db.objectStoreNames].sort()).toEqual(['articles', 'bodies', 'images', 'meta', 'postings']);
    expect([...db.transaction('articles').store.indexNames].sort()).toEqual([
      'by-archived',
      'by-deletedAt',
      'by-live',
      'by-savedAt',
      'by-tag',
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
    await writeOldLibrary(dbName, { version: 1, articles: V1_ARTICLES });
    const db = await openLibrary(dbName);
    expect(db.version).toBe(LIBRARY_VERSION);
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
        schemaVersion: RECORD_SCHEMA_VERSION,
        tags: [],
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
    expectBodiesMoved(
      await readAllRaw(dbName),
      V1_ARTICLES.map((v1) => ({ id: articleIdFor(v1.url), textContent: v1.textContent })),
    );
    // The list order (newest first) and the usage totals were built in the upgrade.
    expect((await listArticles({ dbName })).items.map((a) => a.lang)).toEqual(['en', 'he', 'ar']);
    const totals = await usage({ dbName });
    expect(totals.articles).toBe(3);
    expect(totals.bytes).toBeGreaterThan(0);
  });

  it('builds the search index for the old articles', async () => {
    const dbName = freshLibrary('v1-search');
    await writeOldLibrary(dbName, { version: 1, articles: V1_ARTICLES });
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
    await writeOldLibrary(dbName, { version: 1, articles: [...V1_ARTICLES, again] });
    expect(await countArticles('all', { dbName })).toBe(3);
    const merged = await getArticle(articleIdFor(original.url), { dbName });
    expect(merged).toMatchObject({ savedAt: original.savedAt, readAt: again.savedAt, url: again.url });
    // The copy met second was merged with the first one's body, read back from `bodies` in the upgrade.
    expect(merged!.textContent).toBe(original.textContent);
    expectBodiesMoved(
      await readAllRaw(dbName),
      V1_ARTICLES.map((v1) => ({ id: articleIdFor(v1.url), textContent: v1.textContent })),
    );
    expect((await usage({ dbName })).articles).toBe(3);
  });

  it('is one transaction: a failure leaves the version 1 library as it was, and it upgrades on the next try', async () => {
    const dbName = freshLibrary('v1-fail');
    await writeOldLibrary(dbName, { version: 1, articles: V1_ARTICLES });
    const before = await readRaw(dbName);
    const put = IDBObjectStore.prototype.put;
    let calls = 0;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'postings' && ++calls === 2) throw new DOMException('Simulated failure', 'UnknownError');
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
    await writeOldLibrary(dbName, { version: 1, articles: V1_ARTICLES });
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

/** Every store's records, read without the library code, blobs as bytes. */
function readAllRaw(name: string): Promise<{ version: number; stores: Record<string, unknown[]> }> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const db = request.result;
      const names = [...db.objectStoreNames];
      const tx = db.transaction(names);
      const stores: Record<string, unknown[]> = {};
      for (const store of names) {
        const get = tx.objectStore(store).getAll();
        get.onsuccess = () => (stores[store] = get.result);
      }
      tx.oncomplete = async () => {
        db.close();
        for (const image of (stores.images ?? []) as { blob: Blob | number[] }[])
          image.blob = await blobBytes(image.blob as Blob);
        resolve({ version: db.version, stores });
      };
    };
  });
}

/** After an upgrade: no `articles` record holds a body, and `bodies` holds exactly these articles' ones. */
function expectBodiesMoved(
  raw: { stores: Record<string, unknown[]> },
  articles: { id: string; textContent: string }[],
): void {
  for (const record of raw.stores.articles!) {
    expect(record).not.toHaveProperty('content');
    expect(record).not.toHaveProperty('textContent');
  }
  const bodies = raw.stores.bodies as { id: string; textContent: string; content: string }[];
  expect(bodies.map((b) => b.id).sort()).toEqual(articles.map((a) => a.id).sort());
  for (const { id, textContent } of articles) {
    const body = bodies.find((b) => b.id === id)!;
    expect(body.textContent).toBe(textContent);
    expect(body.content).not.toBe('');
  }
}

describe('upgrade from version 2 (fixtures/v2-library.json)', () => {
  it('keeps every article, image and total as it was, and replaces the term records with postings', async () => {
    const dbName = freshLibrary('v2');
    await writeOldLibrary(dbName, v2Library);
    const db = await openLibrary(dbName);
    expect(db.version).toBe(LIBRARY_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['articles', 'bodies', 'images', 'meta', 'postings']);

    for (const stored of V2_ARTICLES)
      expect(await getArticle(stored.id, { dbName })).toEqual({
        ...toSavedArticle(stored, stored),
        tags: [],
        schemaVersion: RECORD_SCHEMA_VERSION,
      });
    expectBodiesMoved(await readAllRaw(dbName), V2_ARTICLES);
    for (const { articleId, key, base64 } of v2Library.images)
      expect(await blobBytes((await getImages(articleId, { dbName })).get(key))).toEqual([
        ...Buffer.from(base64, 'base64'),
      ]);
    expect(await usage({ dbName })).toEqual(v2Library.meta.usage);
    // One postings record per article, with the very terms version 2 had records for.
    const postings = await db.getAll('postings');
    expect(postings).toHaveLength(V2_ARTICLES.length);
    for (const stored of V2_ARTICLES) {
      const record = postings.find((p) => p.articleId === stored.id)!;
      expect(record.savedAt).toBe(stored.savedAt);
      const v2Terms = v2Library.terms.filter((t) => t.articleId === stored.id).map((t) => t.term);
      expect([...record.terms].sort()).toEqual(v2Terms.sort());
    }
  });

  it('lists and searches the old articles as before (deleted left out, filters kept)', async () => {
    const dbName = freshLibrary('v2-search');
    await writeOldLibrary(dbName, v2Library);
    const byLang = (lang: string) => V2_ARTICLES.find((a) => a.lang === lang)!.id;
    expect((await listArticles({ dbName })).items.map((a) => a.lang)).toEqual(['en', 'ar']);
    expect((await listArticles({ dbName, filter: 'archived' })).items.map((a) => a.lang)).toEqual(['en']);
    expect((await listArticles({ dbName, filter: 'unread' })).items.map((a) => a.lang)).toEqual(['ar']);
    expect((await search('اردوغان', { dbName })).items.map((a) => a.id)).toEqual([byLang('ar')]);
    expect((await search('kelp', { dbName })).items.map((a) => a.id)).toEqual([byLang('en')]);
    expect((await search('הרכבת', { dbName })).items).toEqual([]); // the Hebrew article is deleted
  });

  it('is one transaction: a failure leaves the version 2 library as it was, and it upgrades on the next try', async () => {
    const dbName = freshLibrary('v2-fail');
    await writeOldLibrary(dbName, v2Library);
    const before = await readAllRaw(dbName);
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'postings') throw new DOMException('Simulated failure', 'UnknownError');
      return put.apply(this, args);
    };
    try {
      await expect(openLibrary(dbName)).rejects.toThrow('Simulated failure');
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    expect(await readAllRaw(dbName)).toEqual(before);
    expect(before.version).toBe(2);
    expect(Object.keys(before.stores).sort()).toEqual(['articles', 'images', 'meta', 'terms']);
    expect(await countArticles('all', { dbName })).toBe(2);
    expect((await openLibrary(dbName)).version).toBe(LIBRARY_VERSION);
  });
});

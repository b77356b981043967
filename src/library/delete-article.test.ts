// @vitest-environment node
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { deleteArticle, purgeDeleted, undoDelete } from './delete-article';
import { ARABIC_IMAGE, arabicArticle, englishArticle, ENGLISH_IMAGE, imageBlob } from './fixtures/articles';
import { freshLibrary } from './fixtures/fresh-library';
import { getArticle } from './get-article';
import { getImages } from './get-images';
import { LibraryError } from './library-error';
import { countArticles, listArticles } from './list-articles';
import { openLibrary } from './open-library';
import { saveArticle } from './save-article';
import { search } from './search';
import { usage } from './usage';
import { ownedRange, postingsKey } from './write-article';

async function twoArticles(dbName: string) {
  const ar = await saveArticle(arabicArticle(), [{ key: 'market', originalUrl: ARABIC_IMAGE, blob: imageBlob(1) }], {
    dbName,
    now: 1_000,
  });
  const en = await saveArticle(englishArticle(), [{ key: 'kelp', originalUrl: ENGLISH_IMAGE, blob: imageBlob(2) }], {
    dbName,
    now: 2_000,
  });
  return { ar, en };
}

describe('deleteArticle / undoDelete', () => {
  it('hides a deleted article from lists, counts and search, and brings it back on undo', async () => {
    const dbName = freshLibrary('soft-delete');
    const { ar, en } = await twoArticles(dbName);
    const deleted = await deleteArticle(ar.id, { dbName, now: 5_000 });
    expect(deleted.deletedAt).toBe(5_000);
    expect((await listArticles({ dbName })).items.map((a) => a.id)).toEqual([en.id]);
    expect(await countArticles('all', { dbName })).toBe(1);
    expect((await search('اردوغان', { dbName })).items).toEqual([]);
    // Still stored (and counted in usage) until purged: the reader can show it with an undo.
    expect((await getArticle(ar.id, { dbName }))?.deletedAt).toBe(5_000);
    expect((await usage({ dbName })).articles).toBe(2);

    const restored = await undoDelete(ar.id, { dbName, now: 6_000 });
    expect(restored.deletedAt).toBeNull();
    expect((await listArticles({ dbName })).items.map((a) => a.id)).toEqual([en.id, ar.id]);
    expect((await search('اردوغان', { dbName })).items.map((a) => a.id)).toEqual([ar.id]);
    expect((await getImages(ar.id, { dbName })).size).toBe(1);
  });

  it('throws not-found for an unknown id', async () => {
    const dbName = freshLibrary('delete-unknown');
    const error = await deleteArticle('nope', { dbName }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LibraryError);
    expect(error).toMatchObject({ kind: 'not-found' });
  });
});

describe('purgeDeleted', () => {
  it('removes deleted articles older than the age given, with their images and postings, and updates usage', async () => {
    const dbName = freshLibrary('purge');
    const { ar, en } = await twoArticles(dbName);
    const other = await saveArticle(englishArticle({ url: 'https://www.example.com/kelp-2' }), [], { dbName });
    await deleteArticle(ar.id, { dbName, now: 10_000 });
    await deleteArticle(other.id, { dbName, now: 50_000 });

    expect(await purgeDeleted(30_000, { dbName, now: 60_000 })).toBe(1);
    const db = await openLibrary(dbName);
    expect(await getArticle(ar.id, { dbName })).toBeNull();
    expect(await db.count('images', ownedRange(ar.id))).toBe(0);
    expect(await db.count('postings', postingsKey(ar))).toBe(0);
    expect(await db.count('bodies', ar.id)).toBe(0);
    expect(await getArticle(other.id, { dbName })).not.toBeNull();
    expect(await usage({ dbName })).toEqual({ articles: 2, bytes: en.bytes + other.bytes });

    expect(await purgeDeleted(0, { dbName, now: 60_000 })).toBe(1);
    expect(await usage({ dbName })).toEqual({ articles: 1, bytes: en.bytes });
    expect(await db.count('postings', postingsKey(en))).toBeGreaterThan(0);
    expect((await getImages(en.id, { dbName })).size).toBe(1);
    expect(await db.getAllKeys('bodies')).toEqual([en.id]);
  });

  it('keeps the body of a soft-deleted article, so undo brings it back whole', async () => {
    const dbName = freshLibrary('undo-body');
    const { ar } = await twoArticles(dbName);
    await deleteArticle(ar.id, { dbName });
    const back = await undoDelete(ar.id, { dbName });
    expect(back.deletedAt).toBeNull();
    expect(await getArticle(ar.id, { dbName })).toEqual(back);
    expect(back).toMatchObject({ content: ar.content, textContent: ar.textContent });
  });
});

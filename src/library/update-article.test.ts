// @vitest-environment node
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { hebrewArticle } from './fixtures/articles';
import { freshLibrary } from './fixtures/fresh-library';
import { getArticle } from './get-article';
import { countArticles } from './list-articles';
import { saveArticle } from './save-article';
import { markRead, setArchived, setDirOverride, setProgress } from './update-article';

describe('reading state', () => {
  afterEach(() => vi.restoreAllMocks());

  it('markRead keeps the first read time, and unread clears it', async () => {
    const dbName = freshLibrary('read');
    const { id } = await saveArticle(hebrewArticle(), [], { dbName, now: 1 });
    expect(await markRead(id, true, { dbName, now: 10 })).toMatchObject({ readAt: 10, updatedAt: 10 });
    expect(await markRead(id, true, { dbName, now: 20 })).toMatchObject({ readAt: 10, updatedAt: 10 });
    expect(await countArticles('unread', { dbName })).toBe(0);
    expect(await markRead(id, false, { dbName, now: 30 })).toMatchObject({ readAt: null, updatedAt: 30 });
    expect(await countArticles('unread', { dbName })).toBe(1);
  });

  it('setArchived moves the article between lists', async () => {
    const dbName = freshLibrary('archive');
    const { id } = await saveArticle(hebrewArticle(), [], { dbName });
    await setArchived(id, true, { dbName });
    expect([await countArticles('unread', { dbName }), await countArticles('archived', { dbName })]).toEqual([0, 1]);
    await setArchived(id, false, { dbName });
    expect([await countArticles('unread', { dbName }), await countArticles('archived', { dbName })]).toEqual([1, 0]);
  });

  it('setProgress clamps to 0..1 and rejects NaN', async () => {
    const dbName = freshLibrary('progress');
    const { id } = await saveArticle(hebrewArticle(), [], { dbName });
    expect((await setProgress(id, 0.37, { dbName })).progress).toBe(0.37);
    expect((await setProgress(id, 7, { dbName })).progress).toBe(1);
    await expect(setProgress(id, Number.NaN, { dbName })).rejects.toThrow();
    expect((await getArticle(id, { dbName }))?.progress).toBe(1);
  });

  it('setDirOverride stores the reader’s direction choice', async () => {
    const dbName = freshLibrary('dir');
    const { id } = await saveArticle(hebrewArticle(), [], { dbName });
    expect((await setDirOverride(id, 'ltr', { dbName })).dirOverride).toBe('ltr');
    expect((await setDirOverride(id, null, { dbName })).dirOverride).toBeNull();
  });

  it('throws not-found for an unknown id', async () => {
    const dbName = freshLibrary('unknown');
    await expect(markRead('missing', true, { dbName })).rejects.toMatchObject({ kind: 'not-found' });
  });

  it('a change of state rewrites the small record only; the body stays as it was', async () => {
    const dbName = freshLibrary('state-no-body');
    const saved = await saveArticle(hebrewArticle(), [], { dbName });
    const put = vi.spyOn(IDBObjectStore.prototype, 'put');
    await setProgress(saved.id, 0.5, { dbName });
    await markRead(saved.id, true, { dbName });
    const stores = put.mock.contexts.map((store) => (store as IDBObjectStore).name);
    expect(stores).toEqual(['articles', 'articles']);
    const opened = await getArticle(saved.id, { dbName });
    expect(opened).toMatchObject({ progress: 0.5, content: saved.content, textContent: saved.textContent });
  });
});

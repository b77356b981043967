// @vitest-environment node
import 'fake-indexeddb/auto';
import { resetTouches, touches } from './fixtures/count-touches';
import { describe, expect, it } from 'vitest';
import { arabicArticle, englishArticle, hebrewArticle } from './fixtures/articles';
import { seededId, seedLibrary } from './fixtures/seed-library';
import { freshLibrary } from './fixtures/fresh-library';
import { countArticles, listArticles } from './list-articles';
import { saveArticle } from './save-article';
import { deleteArticle } from './delete-article';
import { markRead, setArchived } from './update-article';

const ids = (page: { items: { id: string }[] }) => page.items.map((a) => a.id);

describe('listArticles', () => {
  it('lists newest saved first, with each filter, leaving deleted articles out', async () => {
    const dbName = freshLibrary('list');
    const ar = await saveArticle(arabicArticle(), [], { dbName, now: 1 });
    const he = await saveArticle(hebrewArticle(), [], { dbName, now: 2 });
    const en = await saveArticle(englishArticle(), [], { dbName, now: 3 });
    const gone = await saveArticle(englishArticle({ url: 'https://www.example.com/gone' }), [], { dbName, now: 4 });
    await markRead(he.id, true, { dbName });
    await setArchived(ar.id, true, { dbName });
    await deleteArticle(gone.id, { dbName });

    expect(ids(await listArticles({ dbName }))).toEqual([en.id, he.id, ar.id]);
    expect(ids(await listArticles({ dbName, filter: 'unread' }))).toEqual([en.id]);
    expect(ids(await listArticles({ dbName, filter: 'archived' }))).toEqual([ar.id]);
    expect(await countArticles('all', { dbName })).toBe(3);
    expect(await countArticles('unread', { dbName })).toBe(1);
    expect(await countArticles('archived', { dbName })).toBe(1);
  });

  it('returns summaries without the article body', async () => {
    const dbName = freshLibrary('summary');
    await saveArticle(hebrewArticle(), [], { dbName });
    const [item] = (await listArticles({ dbName })).items;
    expect(item).toMatchObject({ title: hebrewArticle().title, dir: 'rtl', lang: 'he' });
    expect(item).not.toHaveProperty('content');
    expect(item).not.toHaveProperty('textContent');
    expect(item).not.toHaveProperty('readFlag');
  });

  it('pages with a cursor: every article once, in order, and no next after the last page', async () => {
    const dbName = freshLibrary('pages');
    await seedLibrary(dbName, 95);
    const expected = Array.from({ length: 95 }, (_, i) => i)
      .filter((i) => i % 7 !== 0)
      .reverse()
      .map(seededId);
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page = await listArticles({ dbName, limit: 20, after });
      seen.push(...ids(page));
      after = page.next;
      pages++;
    } while (after);
    expect(seen).toEqual(expected);
    expect(pages).toBe(Math.ceil(expected.length / 20));
  });

  it('keeps a stable order when articles share a savedAt (ties broken by id)', async () => {
    const dbName = freshLibrary('ties');
    for (const url of ['https://a.example/1', 'https://a.example/2', 'https://a.example/3'])
      await saveArticle(englishArticle({ url }), [], { dbName, now: 42 });
    const first = await listArticles({ dbName, limit: 2 });
    const second = await listArticles({ dbName, limit: 2, after: first.next });
    expect([...ids(first), ...ids(second)]).toHaveLength(3);
    expect(new Set([...ids(first), ...ids(second)]).size).toBe(3);
    expect(second.next).toBeNull();
  });

  it('reads only one page of records, however large the library (2,000 articles)', async () => {
    const dbName = freshLibrary('scale');
    await seedLibrary(dbName, 2_000);
    const first = await listArticles({ dbName, limit: 20 });
    resetTouches();
    const page = await listArticles({ dbName, limit: 20, after: first.next });
    expect(page.items).toHaveLength(20);
    // The first record, then 20 steps: 20 items and one more to know a next page exists.
    expect(touches.cursorSteps).toBe(20);
    expect(touches.results).toBe(0);

    resetTouches();
    const unread = await listArticles({ dbName, limit: 20, filter: 'unread' });
    expect(unread.items).toHaveLength(20);
    expect(touches.cursorSteps).toBe(20);
  });

  it('reads no article body: only the small records, never the bodies store', async () => {
    const dbName = freshLibrary('no-bodies');
    await seedLibrary(dbName, 60);
    await saveArticle(arabicArticle(), [], { dbName });
    resetTouches();
    let after: string | null = null;
    let items = 0;
    do {
      const page = await listArticles({ dbName, limit: 20, after });
      items += page.items.length;
      after = page.next;
    } while (after);
    for (const filter of ['unread', 'archived'] as const)
      items += (await listArticles({ dbName, filter })).items.length;
    expect(items).toBeGreaterThan(60);
    expect([...touches.stores]).toEqual(['articles']);
    expect(touches.bodies).toBe(0);
  });

  it('rejects a damaged cursor with a plain message', async () => {
    const dbName = freshLibrary('bad-cursor');
    await expect(listArticles({ dbName, after: 'garbage' })).rejects.toThrow(/out of date/);
  });
});

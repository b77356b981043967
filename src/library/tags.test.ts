// @vitest-environment node
import 'fake-indexeddb/auto';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { deleteArticle } from './delete-article';
import { EXPORT_MANIFEST, type ExportManifest } from './export-format';
import { exportLibrary } from './export-library';
import { arabicArticle, englishArticle, hebrewArticle } from './fixtures/articles';
import { freshLibrary } from './fixtures/fresh-library';
import { seedLibrary, seededId } from './fixtures/seed-library';
import { getArticle } from './get-article';
import { importLibrary } from './import-library';
import { listArticles } from './list-articles';
import { listTags } from './list-tags';
import { saveArticle } from './save-article';
import { cleanTags, tagKey } from './tag-key';
import { markRead, setTags } from './update-article';

describe('tagKey and cleanTags', () => {
  it('folds case, spaces and Unicode forms into one key, keeping the first spelling', () => {
    expect(tagKey('  Long   Reads ')).toBe('long reads');
    // "é" composed and decomposed; Arabic alef with hamza above composed (U+0623) and decomposed (U+0627 U+0654).
    expect(tagKey('caf\u00e9')).toBe(tagKey('cafe\u0301'));
    expect(tagKey('\u0623\u062f\u0628')).toBe(tagKey('\u0627\u0654\u062f\u0628'));
    expect(cleanTags(['Science', ' science', '', '  ', 'SCIENCE', 'أدب', 'Long reads'])).toEqual([
      'Science',
      'أدب',
      'Long reads',
    ]);
  });
});

describe('tags in the library', () => {
  it('saves tags, merges them on a re-save, and replaces them with setTags', async () => {
    const dbName = freshLibrary('tags');
    const first = await saveArticle(englishArticle(), [], { dbName, now: 1_000, tags: ['Science', 'oceans'] });
    expect(first.tags).toEqual(['Science', 'oceans']);
    const again = await saveArticle(englishArticle(), [], { dbName, now: 2_000, tags: ['science', 'Tasmania'] });
    expect(again.tags).toEqual(['Science', 'oceans', 'Tasmania']);
    expect((await getArticle(first.id, { dbName }))?.tags).toEqual(['Science', 'oceans', 'Tasmania']);
    const set = await setTags(first.id, ['Climate', ' climate '], { dbName, now: 3_000 });
    expect(set.tags).toEqual(['Climate']);
    expect((await listArticles({ dbName, tag: 'oceans' })).items).toEqual([]);
    expect((await listArticles({ dbName, tag: 'CLIMATE' })).items.map((a) => a.id)).toEqual([first.id]);
  });

  it("takes the other app's savedAt and state on the first save only", async () => {
    const dbName = freshLibrary('tags-state');
    const archived = await saveArticle(englishArticle(), [], { dbName, now: 9_000, savedAt: 1_500, state: 'archived' });
    expect(archived).toMatchObject({ savedAt: 1_500, readAt: 1_500, archived: true, updatedAt: 9_000 });
    const read = await saveArticle(arabicArticle(), [], { dbName, now: 9_000, savedAt: 2_500, state: 'read' });
    expect(read).toMatchObject({ savedAt: 2_500, readAt: 2_500, archived: false });
    // Imported again as unread, and later: what the reader did here stays.
    const resaved = await saveArticle(englishArticle(), [], { dbName, now: 9_500, savedAt: 5_000, state: 'unread' });
    expect(resaved).toMatchObject({ savedAt: 1_500, readAt: 1_500, archived: true });
    // The list is in the other app's order.
    expect((await listArticles({ dbName })).items.map((a) => a.savedAt)).toEqual([2_500, 1_500]);
  });

  it('lists a tag newest first, page by page, with the read/archived filters and without deleted articles', async () => {
    const dbName = freshLibrary('tags-list');
    await seedLibrary(dbName, 60);
    // topic-1: i = 1, 5, 9, …, 57 (15 articles); deleted when i % 7 == 0 (i = 21, 49); archived when i % 5 == 0.
    const expected = Array.from({ length: 15 }, (_, n) => 57 - 4 * n).filter((i) => i % 7 !== 0);
    const ids: string[] = [];
    let after: string | null = null;
    do {
      const page = await listArticles({ dbName, tag: 'Topic-1', limit: 4, after });
      ids.push(...page.items.map((a) => a.id));
      after = page.next;
    } while (after);
    expect(ids).toEqual(expected.map(seededId));
    const archived = await listArticles({ dbName, tag: 'topic-1', filter: 'archived', limit: 100 });
    expect(archived.items.map((a) => a.id)).toEqual(expected.filter((i) => i % 5 === 0).map(seededId));
    const unread = await listArticles({ dbName, tag: 'topic-1', filter: 'unread', limit: 100 });
    expect(unread.items.map((a) => a.id)).toEqual(expected.filter((i) => i % 5 !== 0 && i % 3 !== 0).map(seededId));
    // Summaries carry tags but not the index-only keys.
    expect(unread.items[0]).not.toHaveProperty('tagKeys');
    expect(unread.items[0]?.tags).toEqual(['topic-1']);
  });

  it('counts each tag over live articles, most used first', async () => {
    const dbName = freshLibrary('tags-count');
    await saveArticle(englishArticle(), [], { dbName, now: 1, tags: ['Science', 'Long reads'] });
    await saveArticle(arabicArticle(), [], { dbName, now: 2, tags: ['عربي', 'long reads'] });
    const he = await saveArticle(hebrewArticle(), [], { dbName, now: 3, tags: ['עברית', 'Long reads'] });
    expect(await listTags({ dbName, locale: 'en' })).toEqual([
      { tag: 'Long reads', count: 3 },
      { tag: 'Science', count: 1 },
      { tag: 'עברית', count: 1 },
      { tag: 'عربي', count: 1 },
    ]);
    await deleteArticle(he.id, { dbName });
    expect(await listTags({ dbName, locale: 'en' })).toEqual([
      { tag: 'long reads', count: 2 },
      { tag: 'Science', count: 1 },
      { tag: 'عربي', count: 1 },
    ]);
  });
});

describe("tags in Qari's export", () => {
  it('go out with the export and come back on import, merged with the tags already there', async () => {
    const from = freshLibrary('tags-export');
    const en = await saveArticle(englishArticle(), [], { dbName: from, now: 1_000, tags: ['Science', 'عربي'] });
    await markRead(en.id, true, { dbName: from, now: 1_100 });
    const zip = await exportLibrary({ dbName: from });
    const manifest = JSON.parse(strFromU8(unzipSync(zip)[EXPORT_MANIFEST]!)) as ExportManifest;
    expect(manifest.articles[0]?.tags).toEqual(['Science', 'عربي']);

    const to = freshLibrary('tags-import');
    await saveArticle(englishArticle(), [], { dbName: to, now: 500, tags: ['Oceans', 'science'] });
    await importLibrary(zip, { dbName: to });
    expect((await getArticle(en.id, { dbName: to }))?.tags).toEqual(['Oceans', 'science', 'عربي']);
    expect(await listTags({ dbName: to, locale: 'en' })).toHaveLength(3);
  });

  it('still reads an export made before tags (no tags field): the articles come in untagged', async () => {
    const from = freshLibrary('tags-old-export');
    await saveArticle(arabicArticle(), [], { dbName: from, now: 1_000, tags: ['x'] });
    const files = unzipSync(await exportLibrary({ dbName: from }));
    const manifest = JSON.parse(strFromU8(files[EXPORT_MANIFEST]!)) as ExportManifest;
    for (const article of manifest.articles) delete (article as Partial<typeof article>).tags;
    files[EXPORT_MANIFEST] = strToU8(JSON.stringify(manifest));
    const to = freshLibrary('tags-old-import');
    expect(await importLibrary(zipSync(files), { dbName: to })).toMatchObject({ added: 1 });
    expect((await listArticles({ dbName: to })).items[0]?.tags).toEqual([]);
  });

  it('refuses an export whose tags are not a list of text', async () => {
    const from = freshLibrary('tags-bad-export');
    await saveArticle(arabicArticle(), [], { dbName: from, now: 1_000 });
    const files = unzipSync(await exportLibrary({ dbName: from }));
    const manifest = JSON.parse(strFromU8(files[EXPORT_MANIFEST]!)) as { articles: { tags: unknown }[] };
    manifest.articles[0]!.tags = 'Science';
    files[EXPORT_MANIFEST] = strToU8(JSON.stringify(manifest));
    await expect(importLibrary(zipSync(files), { dbName: freshLibrary('tags-bad-import') })).rejects.toThrow(
      /invalid "tags"/,
    );
  });
});

describe('oldest first', () => {
  it('walks every list and tag oldest first, page by page, the mirror of newest first', async () => {
    const dbName = freshLibrary('oldest');
    await seedLibrary(dbName, 40);
    for (const opts of [
      {},
      { filter: 'unread' as const },
      { tag: 'long reads' },
      { tag: 'topic-2', filter: 'archived' as const },
    ]) {
      const walk = async (order: 'newest' | 'oldest') => {
        const ids: string[] = [];
        let after: string | null = null;
        do {
          const page = await listArticles({ dbName, ...opts, order, limit: 3, after });
          ids.push(...page.items.map((a) => a.id));
          after = page.next;
        } while (after);
        return ids;
      };
      const newest = await walk('newest');
      expect(newest.length).toBeGreaterThan(0);
      expect(await walk('oldest')).toEqual([...newest].reverse());
    }
  });
});

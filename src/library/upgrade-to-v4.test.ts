// @vitest-environment node
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { freshLibrary } from './fixtures/fresh-library';
import { writeOldLibrary } from './fixtures/write-old-library';
import v3Library from './fixtures/v3-library.json';
import { blobBytes } from './fixtures/articles';
import { getArticle } from './get-article';
import { getImages } from './get-images';
import { countArticles, listArticles } from './list-articles';
import { listTags } from './list-tags';
import { LIBRARY_VERSION, openLibrary } from './open-library';
import { saveArticle } from './save-article';
import { search } from './search';
import { RECORD_SCHEMA_VERSION, type StoredArticle, type StoredBody } from './schema';
import { setTags } from './update-article';
import { usage } from './usage';
import { toSavedArticle } from './article-record';

const V3_ARTICLES = v3Library.articles as unknown as StoredArticle[];
const V3_BODIES = v3Library.bodies as StoredBody[];

describe('upgrade from version 3 (fixtures/v3-library.json)', () => {
  it('gives every record empty tags and keeps everything else as it was', async () => {
    const dbName = freshLibrary('v3');
    await writeOldLibrary(dbName, v3Library);
    const db = await openLibrary(dbName);
    expect(db.version).toBe(LIBRARY_VERSION);
    expect(db.transaction('articles').store.indexNames.contains('by-tag')).toBe(true);
    for (const stored of V3_ARTICLES) {
      const body = V3_BODIES.find((b) => b.id === stored.id);
      expect(await getArticle(stored.id, { dbName })).toEqual({
        ...toSavedArticle(stored, body),
        tags: [],
        schemaVersion: RECORD_SCHEMA_VERSION,
      });
    }
    for (const { articleId, key, base64 } of v3Library.images)
      expect(await blobBytes((await getImages(articleId, { dbName })).get(key))).toEqual([
        ...Buffer.from(base64, 'base64'),
      ]);
    expect(await usage({ dbName })).toEqual(v3Library.meta.usage);
    // The lists and search read the same as before: the Hebrew one is deleted, the English one archived.
    expect(await countArticles('all', { dbName })).toBe(2);
    expect(await countArticles('unread', { dbName })).toBe(1);
    expect((await search('kelp', { dbName })).items).toHaveLength(1);
    expect(await listTags({ dbName })).toEqual([]);
  });

  it('tags work on upgraded records', async () => {
    const dbName = freshLibrary('v3-tags');
    await writeOldLibrary(dbName, v3Library);
    const arabic = V3_ARTICLES.find((a) => a.lang === 'ar')!;
    await setTags(arabic.id, ['تركيا', 'Economy'], { dbName });
    expect((await listArticles({ dbName, tag: 'economy' })).items.map((a) => a.id)).toEqual([arabic.id]);
    expect(await listTags({ dbName, locale: 'en' })).toEqual([
      { tag: 'Economy', count: 1 },
      { tag: 'تركيا', count: 1 },
    ]);
    // A re-save of an upgraded article merges tags into its (empty) list.
    const english = V3_ARTICLES.find((a) => a.lang === 'en')!;
    const body = V3_BODIES.find((b) => b.id === english.id)!;
    const resaved = await saveArticle({ ...toSavedArticle(english, body) }, [], { dbName, tags: ['Oceans'] });
    expect(resaved.tags).toEqual(['Oceans']);
    expect(resaved.archived).toBe(true);
  });
});

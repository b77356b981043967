// @vitest-environment node
import 'fake-indexeddb/auto';
import { resetTouches, touches } from './fixtures/count-touches';
import { describe, expect, it } from 'vitest';
import { deleteArticle, undoDelete } from './delete-article';
import { arabicArticle, englishArticle, hebrewArticle } from './fixtures/articles';
import { freshLibrary } from './fixtures/fresh-library';
import { seededId, seedLibrary } from './fixtures/seed-library';
import { saveArticle } from './save-article';
import { search } from './search';

const ids = (page: { items: { id: string }[] }) => page.items.map((a) => a.id);

async function threeLanguages(dbName: string) {
  return {
    ar: await saveArticle(arabicArticle(), [], { dbName, now: 1 }),
    he: await saveArticle(hebrewArticle(), [], { dbName, now: 2 }),
    en: await saveArticle(englishArticle(), [], { dbName, now: 3 }),
  };
}

describe('search', () => {
  it('finds Arabic whatever the diacritics and alef forms, on either side', async () => {
    const dbName = freshLibrary('search-ar');
    const { ar } = await threeLanguages(dbName);
    // The text has "أردوغانُ" (hamza on alef, damma) and "أردوغان".
    expect(ids(await search('اردوغان', { dbName }))).toEqual([ar.id]);
    expect(ids(await search('أَرْدُوغَان', { dbName }))).toEqual([ar.id]);
    // ta marbuta / ha ("القديمة"), and a prefix while typing ("الحكوم…" → "الحكومة").
    expect(ids(await search('السوق القديمه', { dbName }))).toEqual([ar.id]);
    expect(ids(await search('إعمار سوق', { dbName }))).toEqual([ar.id]);
    // "القديمة" is found as "قديمة" too: the definite article is written onto the word.
    expect(ids(await search('قديمة', { dbName }))).toEqual([ar.id]);
    expect(ids(await search('الحكوم', { dbName }))).toEqual([ar.id]);
  });

  it('finds Hebrew with or without niqqud', async () => {
    const dbName = freshLibrary('search-he');
    const { he } = await threeLanguages(dbName);
    // The text has "זֶה שִׁנּוּי גָּדוֹל" (pointed) and "הרכבת הקלה" (unpointed). Pointed text is often
    // spelled without the vowel letters of unpointed spelling (שִׁנּוּי, not שינוי): words spelled alike match.
    expect(ids(await search('שנוי גדול', { dbName }))).toEqual([he.id]);
    expect(ids(await search('הָרַכֶּבֶת', { dbName }))).toEqual([he.id]);
  });

  it('matches the last English word as a prefix while it is typed, and whole words before it', async () => {
    const dbName = freshLibrary('search-en');
    const { en } = await threeLanguages(dbName);
    expect(ids(await search('Tasm', { dbName }))).toEqual([en.id]);
    expect(ids(await search('giant ke', { dbName }))).toEqual([en.id]);
    // A finished word (trailing space) is matched whole: "ke" is not a word of the article.
    expect(ids(await search('giant ke ', { dbName }))).toEqual([]);
    // Earlier words are never prefixes.
    expect(ids(await search('gian kelp', { dbName }))).toEqual([]);
  });

  it('requires every word (AND) and searches title, byline and site too', async () => {
    const dbName = freshLibrary('search-and');
    const { ar, he, en } = await threeLanguages(dbName);
    expect(ids(await search('kelp abalone', { dbName }))).toEqual([en.id]);
    expect(ids(await search('kelp أردوغان', { dbName }))).toEqual([]);
    expect(ids(await search('Moreton', { dbName }))).toEqual([en.id]);
    expect(ids(await search('חדשות לדוגמה', { dbName }))).toEqual([he.id]);
    expect(ids(await search('محمد العلي', { dbName }))).toEqual([ar.id]);
  });

  it('orders results newest saved first and leaves deleted articles out until undone', async () => {
    const dbName = freshLibrary('search-order');
    const a = await saveArticle(englishArticle({ url: 'https://k.example/1' }), [], { dbName, now: 10 });
    const b = await saveArticle(englishArticle({ url: 'https://k.example/2' }), [], { dbName, now: 30 });
    const c = await saveArticle(englishArticle({ url: 'https://k.example/3' }), [], { dbName, now: 20 });
    expect(ids(await search('kelp', { dbName }))).toEqual([b.id, c.id, a.id]);
    await deleteArticle(c.id, { dbName });
    expect(ids(await search('kelp', { dbName }))).toEqual([b.id, a.id]);
    await undoDelete(c.id, { dbName });
    expect(ids(await search('kelp', { dbName }))).toEqual([b.id, c.id, a.id]);
  });

  it('gives an article once when it has several of the terms a typed prefix begins', async () => {
    const dbName = freshLibrary('search-union');
    const both = await saveArticle(englishArticle({ url: 'https://k.example/both', title: 'Kelpie and kelp' }), [], {
      dbName,
      now: 2,
    });
    const one = await saveArticle(englishArticle({ url: 'https://k.example/one' }), [], { dbName, now: 1 });
    expect(ids(await search('kel', { dbName }))).toEqual([both.id, one.id]);
    expect(ids(await search('kelpi', { dbName }))).toEqual([both.id]);
    expect(ids(await search('kel', { dbName, limit: 1 }))).toEqual([both.id]);
    const first = await search('kel', { dbName, limit: 1 });
    expect(ids(await search('kel', { dbName, limit: 1, after: first.next }))).toEqual([one.id]);
  });

  it('gives nothing for a query without a word of two letters', async () => {
    const dbName = freshLibrary('search-empty');
    await threeLanguages(dbName);
    expect(await search('', { dbName })).toEqual({ items: [], next: null });
    expect(await search(' a , ! ', { dbName })).toEqual({ items: [], next: null });
  });

  describe('on 2,000 articles', () => {
    // Every seeded article has "harbour" and "diary"; every 100th has "lighthouse"; 1 in 7 is deleted.
    const live = (i: number) => i % 7 !== 0;
    const newestFirst = (filter: (i: number) => boolean) =>
      Array.from({ length: 2_000 }, (_, i) => i)
        .filter((i) => live(i) && filter(i))
        .reverse()
        .map(seededId);

    /** Every page of `query`, `limit` at a time, passing each page's `next` to the next call. */
    async function allPages(dbName: string, query: string, limit: number): Promise<string[]> {
      const seen: string[] = [];
      let after: string | null = null;
      do {
        const page = await search(query, { dbName, limit, after });
        seen.push(...ids(page));
        after = page.next;
      } while (after);
      return seen;
    }

    it('pages through every result exactly once, however the words are found', async () => {
      const dbName = freshLibrary('search-pages');
      await seedLibrary(dbName, 2_000);
      for (const [query, expected] of [
        ['lighthouse', newestFirst((i) => i % 100 === 0)], // a rare prefix
        ['lighthouse harbour ', newestFirst((i) => i % 100 === 0)], // exact words: leapfrog
        ['diary lig', newestFirst((i) => i % 100 === 0)],
        // "12" begins 111 terms (12, 120…129, 1200…1299): too many to follow, checked on each candidate.
        ['12', newestFirst((i) => String(i).startsWith('12'))],
        ['lighthouse 12', newestFirst((i) => i % 100 === 0 && String(i).startsWith('12'))],
      ] as const)
        expect(await allPages(dbName, query, 7), query).toEqual(expected);
      // Five queries paged through 2,000 articles in fake-indexeddb: ~2 s alone, over 5 s on a loaded machine.
    }, 20_000);

    it('pages through a word of every article exactly once', async () => {
      // 400 articles, not 2,000: a fake-indexeddb 'prev' cursor over one index key re-walks that key's
      // entries from the top at each step (quadratic; a browser steps), which would only make the test slow.
      const dbName = freshLibrary('search-pages-common');
      await seedLibrary(dbName, 400);
      const expected = newestFirst((i) => i < 400);
      expect(await allPages(dbName, 'harbour', 7)).toEqual(expected);
      expect(await allPages(dbName, 'harbour diary ', 7)).toEqual(expected);
    });

    it('reads about one page of records for a common word, not the library', async () => {
      const dbName = freshLibrary('search-scale');
      await seedLibrary(dbName, 2_000);
      for (const query of ['harbour', 'harbour diary', 'harbour diary ']) {
        resetTouches();
        const page = await search(query, { dbName, limit: 20 });
        expect(page.items).toHaveLength(20);
        // 21 matches (20 + one for "is there more"), each a step of every word's cursor and one record
        // read, plus the deleted ones among them (read, then left out).
        expect(touches.cursorSteps + touches.results, query).toBeLessThan(100);
      }
    });

    it('reads no article body, whichever way the words are found', async () => {
      const dbName = freshLibrary('search-no-bodies');
      await seedLibrary(dbName, 300);
      // An exact word, words leapfrogged, a followed prefix, and a prefix too broad to follow.
      for (const query of ['lighthouse', 'harbour diary ', 'diary lig', '12']) {
        resetTouches();
        expect((await search(query, { dbName })).items.length, query).toBeGreaterThan(0);
        expect(touches.stores.has('bodies'), query).toBe(false);
        expect(touches.bodies, query).toBe(0);
      }
    });

    it('reads only the postings of a rare word', async () => {
      const dbName = freshLibrary('search-rare');
      await seedLibrary(dbName, 2_000);
      resetTouches();
      const page = await search('lighthouse', { dbName, limit: 20 });
      expect(ids(page)).toEqual(newestFirst((i) => i % 100 === 0).slice(0, 20));
      expect(touches.cursorSteps + touches.results).toBeLessThan(100);
    });
  });
});

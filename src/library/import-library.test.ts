// @vitest-environment node
import 'fake-indexeddb/auto';
import { strFromU8, strToU8, unzipSync, zipSync, type Unzipped } from 'fflate';
import { describe, expect, it } from 'vitest';
import { EXPORT_MANIFEST, type ExportManifest } from './export-format';
import { exportLibrary } from './export-library';
import {
  ARABIC_IMAGE,
  ARABIC_IMAGE_MISSING,
  arabicArticle,
  blobBytes,
  ENGLISH_IMAGE,
  englishArticle,
  hebrewArticle,
  HEBREW_IMAGE,
  imageBlob,
} from './fixtures/articles';
import { freshLibrary } from './fixtures/fresh-library';
import { getArticle } from './get-article';
import { getImages } from './get-images';
import { importLibrary } from './import-library';
import { LibraryError } from './library-error';
import { countArticles, listArticles } from './list-articles';
import { openLibrary } from './open-library';
import { saveArticle } from './save-article';
import type { SavedArticle } from './schema';
import { search } from './search';
import { markRead, setArchived, setProgress } from './update-article';
import { usage } from './usage';

async function library(dbName: string): Promise<SavedArticle[]> {
  return [
    await saveArticle(
      arabicArticle(),
      [
        { key: 'market', originalUrl: ARABIC_IMAGE, blob: imageBlob(1, 'image/jpeg', 300), width: 800, height: 600 },
        { key: 'speech', originalUrl: ARABIC_IMAGE_MISSING, blob: null, reason: 'HTTP 404' },
      ],
      { dbName, now: 1_000 },
    ),
    await saveArticle(
      hebrewArticle(),
      [{ key: 'rail', originalUrl: HEBREW_IMAGE, blob: imageBlob(2, 'image/png', 64) }],
      {
        dbName,
        now: 2_000,
      },
    ),
    await saveArticle(
      englishArticle(),
      [{ key: 'kelp', originalUrl: ENGLISH_IMAGE, blob: imageBlob(3, 'image/webp') }],
      {
        dbName,
        now: 3_000,
      },
    ),
  ];
}

/** Everything a library holds, blobs as bytes, for before/after comparisons. */
async function contents(dbName: string) {
  const db = await openLibrary(dbName);
  const images = await db.getAll('images');
  return {
    articles: await db.getAll('articles'),
    images: await Promise.all(images.map(async (i) => ({ ...i, blob: await blobBytes(i.blob), type: i.blob.type }))),
    postings: await db.getAll('postings'),
    usage: await usage({ dbName }),
  };
}

/** An export with its manifest changed by `edit`, re-zipped. */
function tamper(zip: Uint8Array, edit: (manifest: ExportManifest, files: Unzipped) => void): Uint8Array {
  const files = unzipSync(zip);
  const manifest = JSON.parse(strFromU8(files[EXPORT_MANIFEST]!)) as ExportManifest;
  edit(manifest, files);
  files[EXPORT_MANIFEST] = strToU8(JSON.stringify(manifest));
  return zipSync(files);
}

async function rejection(promise: Promise<unknown>): Promise<LibraryError> {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(LibraryError);
  return error as LibraryError;
}

describe('importLibrary: round trip', () => {
  it('export → import into a fresh library gives identical records, image bytes, search and usage', async () => {
    const source = freshLibrary('source');
    const saved = await library(source);
    await markRead(saved[1]!.id, true, { dbName: source, now: 5_000 });
    await setArchived(saved[0]!.id, true, { dbName: source, now: 6_000 });
    await setProgress(saved[2]!.id, 0.6, { dbName: source, now: 7_000 });

    const target = freshLibrary('target');
    const result = await importLibrary(await exportLibrary({ dbName: source }), { dbName: target });
    expect(result).toEqual({ added: 3, updated: 0, skipped: 0 });
    expect(await contents(target)).toEqual(await contents(source));
    for (const { id } of saved) {
      expect(await getArticle(id, { dbName: target })).toEqual(await getArticle(id, { dbName: source }));
      const [a, b] = [await getImages(id, { dbName: source }), await getImages(id, { dbName: target })];
      expect([...b.keys()]).toEqual([...a.keys()]);
      for (const [key, blob] of a) {
        expect(await blobBytes(b.get(key))).toEqual(await blobBytes(blob));
        expect(b.get(key)!.type).toBe(blob.type);
      }
    }
    expect((await search('اردوغان', { dbName: target })).items.map((a) => a.id)).toEqual([saved[0]!.id]);
    expect((await listArticles({ dbName: target, filter: 'archived' })).items.map((a) => a.id)).toEqual([saved[0]!.id]);
  });

  it('importing the same export again changes nothing and reports them skipped', async () => {
    const dbName = freshLibrary('again');
    await library(dbName);
    const zip = await exportLibrary({ dbName });
    const before = await contents(dbName);
    expect(await importLibrary(zip, { dbName })).toEqual({ added: 0, updated: 0, skipped: 3 });
    expect(await contents(dbName)).toEqual(before);
  });
});

describe('importLibrary: merge', () => {
  it('merges by URL without duplicates: the newer copy’s body, reading state from both', async () => {
    const mine = freshLibrary('mine');
    const theirs = freshLibrary('theirs');
    const [ar, he] = await library(mine);
    // Their copy of the Arabic article is newer (re-saved with new text) but unread; mine was read.
    await markRead(ar!.id, true, { dbName: mine, now: 4_000 });
    await saveArticle(
      arabicArticle({ title: 'أردوغان يفتتح السوق بعد الترميم', textContent: 'افتتح أردوغان السوق' }),
      [],
      {
        dbName: theirs,
        now: 9_000,
      },
    );
    // Their Hebrew copy is older, but archived and further read.
    await saveArticle(hebrewArticle(), [], { dbName: theirs, now: 500 });
    const theirHe = await setArchived(he!.id, true, { dbName: theirs, now: 600 });
    await setProgress(theirHe.id, 0.9, { dbName: theirs, now: 700 });
    // And one article I do not have.
    const extra = await saveArticle(englishArticle({ url: 'https://www.example.com/new' }), [], {
      dbName: theirs,
      now: 800,
    });

    const result = await importLibrary(await exportLibrary({ dbName: theirs }), { dbName: mine });
    expect(result).toEqual({ added: 1, updated: 2, skipped: 0 });
    expect(await countArticles('all', { dbName: mine })).toBe(4);

    const mergedAr = (await getArticle(ar!.id, { dbName: mine }))!;
    expect(mergedAr).toMatchObject({
      title: 'أردوغان يفتتح السوق بعد الترميم',
      savedAt: 1_000,
      updatedAt: 9_000,
      readAt: 4_000,
    });
    // The body came from their copy, so its images did too (none), and the search index follows it.
    expect((await getImages(ar!.id, { dbName: mine })).size).toBe(0);
    expect((await search('يفتتح', { dbName: mine })).items.map((a) => a.id)).toEqual([ar!.id]);
    expect((await search('غازي', { dbName: mine })).items).toEqual([]);

    const mergedHe = (await getArticle(he!.id, { dbName: mine }))!;
    expect(mergedHe).toMatchObject({ savedAt: 500, archived: true, progress: 0.9, content: he!.content });
    expect((await getImages(he!.id, { dbName: mine })).size).toBe(1);
    expect(await getArticle(extra.id, { dbName: mine })).not.toBeNull();

    const totals = await usage({ dbName: mine });
    const all = await Promise.all([ar, he, extra].map((a) => getArticle(a!.id, { dbName: mine })));
    const db = await openLibrary(mine);
    expect(totals).toEqual({
      articles: 4,
      bytes: (await db.getAll('articles')).reduce((sum, a) => sum + a.bytes, 0),
    });
    expect(all.every(Boolean)).toBe(true);
  });
});

describe('importLibrary: rejected files leave the library unchanged', () => {
  async function setup() {
    const dbName = freshLibrary('reject');
    await library(dbName);
    return { dbName, zip: await exportLibrary({ dbName }), before: await contents(dbName) };
  }

  it('rejects bytes that are not a zip as corrupt', async () => {
    const { dbName, before } = await setup();
    const error = await rejection(importLibrary(strToU8('<!doctype html><title>Not a zip</title>'), { dbName }));
    expect(error.kind).toBe('corrupt-import');
    expect(error.message).toMatch(/could not be opened as a zip/);
    expect(await contents(dbName)).toEqual(before);
  });

  it('rejects a truncated zip as corrupt', async () => {
    const { dbName, zip, before } = await setup();
    const error = await rejection(importLibrary(zip.slice(0, Math.floor(zip.length / 2)), { dbName }));
    expect(error.kind).toBe('corrupt-import');
    expect(await contents(dbName)).toEqual(before);
  });

  it('rejects a zip that is not a Qari export as foreign', async () => {
    const { dbName, before } = await setup();
    const photos = zipSync({ 'holiday/beach.jpg': new Uint8Array([0xff, 0xd8, 0xff]), 'notes.txt': strToU8('hi') });
    const error = await rejection(importLibrary(photos, { dbName }));
    expect(error.kind).toBe('foreign-import');
    expect(error.message).toMatch(/not a Qari library export/);
    const otherApp = zipSync({ [EXPORT_MANIFEST]: strToU8('{"format":"pocket-export","items":[]}') });
    expect((await rejection(importLibrary(otherApp, { dbName }))).kind).toBe('foreign-import');
    expect(await contents(dbName)).toEqual(before);
  });

  it('rejects an export from a newer Qari as foreign, asking for an update', async () => {
    const { dbName, zip, before } = await setup();
    const error = await rejection(
      importLibrary(
        tamper(zip, (m) => (m.version = 2)),
        { dbName },
      ),
    );
    expect(error.kind).toBe('foreign-import');
    expect(error.message).toMatch(/newer version of Qari/);
    expect(await contents(dbName)).toEqual(before);
  });

  it('rejects broken JSON as corrupt', async () => {
    const { dbName, zip, before } = await setup();
    const files = unzipSync(zip);
    files[EXPORT_MANIFEST] = files[EXPORT_MANIFEST]!.slice(0, 100);
    const error = await rejection(importLibrary(zipSync(files), { dbName }));
    expect(error.kind).toBe('corrupt-import');
    expect(await contents(dbName)).toEqual(before);
  });

  it('rejects a record with a missing or mistyped field, naming it, as corrupt', async () => {
    const { dbName, zip, before } = await setup();
    const noContent = tamper(zip, (m) => delete (m.articles[1] as Partial<SavedArticle>).content);
    const error = await rejection(importLibrary(noContent, { dbName }));
    expect(error.kind).toBe('corrupt-import');
    expect(error.message).toMatch(/article 2 .*"content"/);
    const badDir = tamper(zip, (m) => ((m.articles[0] as unknown as Record<string, unknown>).dir = 'up'));
    expect((await rejection(importLibrary(badDir, { dbName }))).message).toMatch(/"dir"/);
    expect(await contents(dbName)).toEqual(before);
  });

  it('rejects an export whose manifest names an image file the zip lacks, or of another size', async () => {
    const { dbName, zip, before } = await setup();
    const files = unzipSync(zip);
    const path = Object.keys(files).find((f) => f.startsWith('images/'))!;
    delete files[path];
    const missing = await rejection(importLibrary(zipSync(files), { dbName }));
    expect(missing.kind).toBe('corrupt-import');
    expect(missing.message).toContain(path);

    const resized = unzipSync(zip);
    resized[path] = resized[path]!.slice(1);
    expect((await rejection(importLibrary(zipSync(resized), { dbName }))).message).toMatch(/bytes/);
    expect(await contents(dbName)).toEqual(before);
  });

  it('refuses a zip with files an export never has before inflating them (a zip bomb next to the index)', async () => {
    const { dbName, zip, before } = await setup();
    const files = unzipSync(zip);
    // Zeros deflate about a thousandfold: the old whole-zip inflate inflated this, then ignored it and imported.
    files['bomb.bin'] = new Uint8Array(16 * 1024 * 1024);
    const error = await rejection(importLibrary(zipSync(files, { level: 1 }), { dbName }));
    expect(error.kind).toBe('foreign-import');
    expect(error.message).toContain('bomb.bin');
    expect(await contents(dbName)).toEqual(before);
  });

  it('an image file named like an Object.prototype member is a missing file, not Object.prototype', async () => {
    const { dbName, zip, before } = await setup();
    for (const name of ['constructor', '__proto__', 'toString']) {
      const tampered = tamper(zip, (m) => {
        const ref = m.articles.flatMap((a) => a.images).find((i) => !i.missing)!;
        ref.file = name;
        ref.bytes = 1; // Object.length: what the old lookup found under 'constructor'
      });
      const error = await rejection(importLibrary(tampered, { dbName }));
      expect(error.kind, name).toBe('corrupt-import');
      expect(error.message, name).toMatch(/missing from the zip/);
    }
    expect(await contents(dbName)).toEqual(before);
  });

  it('imports an image that is not of a raster type (SVG) as missing, with no bytes stored', async () => {
    const { zip } = await setup();
    const dbName = freshLibrary('reject-svg');
    let key = '';
    let id = '';
    const tampered = tamper(zip, (m) => {
      const article = m.articles.find((a) => a.images.some((i) => !i.missing))!;
      const ref = article.images.find((i) => !i.missing)!;
      ref.type = 'image/svg+xml';
      ({ key } = ref);
      ({ id } = article);
    });
    await importLibrary(tampered, { dbName });
    const saved = await getArticle(id, { dbName });
    expect(saved!.images.find((i) => i.key === key)).toMatchObject({ missing: true, reason: 'not a raster image' });
    expect([...(await getImages(id, { dbName })).keys()]).not.toContain(key);
  });

  it('drops every image URL of an imported article that is not its stored image (trackers, remote srcset)', async () => {
    const { zip } = await setup();
    const dbName = freshLibrary('reject-remote');
    let id = '';
    const tampered = tamper(zip, (m) => {
      const article = m.articles[0]!;
      article.content +=
        '<p><img src="https://tracker.example/pixel.gif" alt=""></p><picture><source srcset="https://tracker.example/a.webp 1x, data:image/png;base64,iVBORw0KGgo= 2x"><img src="//tracker.example/b.jpg" srcset="http://tracker.example/c.jpg 2x"></picture>';
      ({ id } = article);
    });
    await importLibrary(tampered, { dbName });
    const saved = await getArticle(id, { dbName });
    expect(saved!.content).not.toContain('tracker.example');
    expect(saved!.content).toContain('data:image/png;base64,iVBORw0KGgo= 2x');
    expect(saved!.content).toContain('qari-image:');
  });

  it('imports nothing when the write fails midway (one transaction)', async () => {
    const { zip } = await setup();
    const dbName = freshLibrary('reject-write');
    await saveArticle(englishArticle({ url: 'https://www.example.com/mine' }), [], { dbName });
    const before = await contents(dbName);
    const put = IDBObjectStore.prototype.put;
    let calls = 0;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      if (this.name === 'images' && ++calls === 2) throw new DOMException('Quota', 'QuotaExceededError');
      return put.apply(this, args);
    };
    try {
      expect((await rejection(importLibrary(zip, { dbName }))).kind).toBe('storage-full');
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    expect(await contents(dbName)).toEqual(before);
  });
});

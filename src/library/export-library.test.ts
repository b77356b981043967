// @vitest-environment node
import 'fake-indexeddb/auto';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { deleteArticle } from './delete-article';
import { exportArticleMarkdown } from './export-article-markdown';
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
  imageBlob,
} from './fixtures/articles';
import { freshLibrary } from './fixtures/fresh-library';
import { saveArticle } from './save-article';
import { setDirOverride } from './update-article';

async function library(dbName: string) {
  const ar = await saveArticle(
    arabicArticle(),
    [
      { key: 'market', originalUrl: ARABIC_IMAGE, blob: imageBlob(1, 'image/jpeg', 300), width: 800, height: 600 },
      { key: 'speech', originalUrl: ARABIC_IMAGE_MISSING, blob: null, reason: 'HTTP 404' },
    ],
    { dbName, now: 1_000 },
  );
  const he = await saveArticle(hebrewArticle(), [], { dbName, now: 2_000 });
  const en = await saveArticle(
    englishArticle(),
    [{ key: 'kelp', originalUrl: ENGLISH_IMAGE, blob: imageBlob(2, 'image/webp', 120) }],
    { dbName, now: 3_000 },
  );
  return { ar, he, en };
}

describe('exportLibrary', () => {
  it('writes one zip: the manifest, a readable HTML file per article and the image files', async () => {
    const dbName = freshLibrary('export');
    const { ar, he, en } = await library(dbName);
    const files = unzipSync(await exportLibrary({ dbName, now: Date.UTC(2024, 4, 1) }));
    expect(Object.keys(files).sort()).toEqual(
      [
        EXPORT_MANIFEST,
        `articles/${ar.id}.html`,
        `articles/${he.id}.html`,
        `articles/${en.id}.html`,
        `images/${ar.id}/market.jpg`,
        `images/${en.id}/kelp.webp`,
      ].sort(),
    );
    const manifest = JSON.parse(strFromU8(files[EXPORT_MANIFEST]!)) as ExportManifest;
    expect(manifest).toMatchObject({ format: 'qari-library', version: 1, exportedAt: '2024-05-01T00:00:00.000Z' });
    expect(manifest.articles.map((a) => a.id)).toEqual([en.id, he.id, ar.id]);
    const arabic = manifest.articles[2]!;
    expect(arabic).toMatchObject({ title: ar.title, content: ar.content, file: `articles/${ar.id}.html` });
    expect(arabic.images).toEqual([
      { ...ar.images[0], file: `images/${ar.id}/market.jpg` },
      { ...ar.images[1], file: null },
    ]);
    expect([...files[`images/${ar.id}/market.jpg`]!]).toEqual(await blobBytes(imageBlob(1, 'image/jpeg', 300)));
  });

  it('makes each HTML file standalone: doctype, charset, lang and dir, metadata, local images, no scripts', async () => {
    const dbName = freshLibrary('export-html');
    const { ar } = await library(dbName);
    await setDirOverride(ar.id, 'ltr', { dbName });
    const html = strFromU8(unzipSync(await exportLibrary({ dbName, ids: [ar.id] }))[`articles/${ar.id}.html`]!);
    expect(html).toMatch(/^<!doctype html>\n<html lang="ar" dir="ltr">/);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain(`<title>${ar.title}</title>`);
    expect(html).toContain('محمد العلي');
    expect(html).toContain('شبكة المثال');
    expect(html).toContain('<time datetime="2024-03-10T18:30:00Z">2024-03-10</time>');
    expect(html).toContain(`src="../images/${ar.id}/market.jpg"`);
    // A missing image has no source: opening the file loads nothing from the network (issue 11).
    expect(html).not.toContain(`src="${ARABIC_IMAGE_MISSING}"`);
    expect(html).not.toMatch(/src="https?:/);
    expect(html).not.toContain('qari-image:');
    expect(html).toContain("default-src 'none'");
    expect(html).toMatch(/img-src 'self' file: data:;/);
  });

  it('strips tags that act from anywhere in a page out of the exported HTML', async () => {
    const dbName = freshLibrary('export-active');
    const { id } = await saveArticle(
      englishArticle({
        content:
          '<p>Text</p><meta http-equiv="refresh" content="0;url=https://evil.example"><base href="https://evil.example/"><link rel="stylesheet" href="https://evil.example/x.css">',
      }),
      [],
      { dbName },
    );
    const html = strFromU8(unzipSync(await exportLibrary({ dbName }))[`articles/${id}.html`]!);
    expect(html).toContain('<p>Text</p>');
    expect(html).not.toContain('evil.example');
  });

  it('leaves deleted articles out, and exports only the ids given', async () => {
    const dbName = freshLibrary('export-some');
    const { ar, he, en } = await library(dbName);
    await deleteArticle(he.id, { dbName });
    const all = JSON.parse(strFromU8(unzipSync(await exportLibrary({ dbName }))[EXPORT_MANIFEST]!)) as ExportManifest;
    expect(all.articles.map((a) => a.id)).toEqual([en.id, ar.id]);
    const some = unzipSync(await exportLibrary({ dbName, ids: [ar.id, 'unknown'] }));
    expect((JSON.parse(strFromU8(some[EXPORT_MANIFEST]!)) as ExportManifest).articles.map((a) => a.id)).toEqual([
      ar.id,
    ]);
    expect(Object.keys(some).filter((f) => f.startsWith('images/'))).toEqual([`images/${ar.id}/market.jpg`]);
  });
});

describe('exportArticleMarkdown', () => {
  it('gives the article as Markdown with relative image paths', async () => {
    const dbName = freshLibrary('markdown');
    const { ar, en } = await library(dbName);
    const markdown = await exportArticleMarkdown(en.id, { dbName });
    expect(markdown).toMatch(
      /^# Replanting the lost kelp forests of Tasmania\n\n\*Alice Moreton · The Example · 2024-01-22\*\n\n<https:\/\/www\.example\.com\/environment/,
    );
    expect(markdown).toContain(`![Giant kelp](images/${en.id}/kelp.webp)`);
    expect(markdown).toContain('Divers off the coast of Tasmania');
    const arabic = await exportArticleMarkdown(ar.id, { dbName, imagePath: (ref) => `media/${ref.key}` });
    expect(arabic).toContain('![سوق غازي عنتاب](media/market)');
    expect(arabic).toContain(`](${ARABIC_IMAGE_MISSING})`);
    expect(arabic).toContain('أعلن الرئيس التركي رجب طيب أردوغانُ');
  });

  it('throws not-found for an unknown id', async () => {
    const dbName = freshLibrary('markdown-unknown');
    await expect(exportArticleMarkdown('nope', { dbName })).rejects.toMatchObject({ kind: 'not-found' });
  });
});

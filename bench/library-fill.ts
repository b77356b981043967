/**
 * Runs inside an extension page (injected by bench/library.ts through CDP Runtime.evaluate, which extension
 * pages' CSP does not apply to), built as an IIFE by bench/vite.ext-page.config.ts. Fills the library with the
 * library's own code, so the records match its schema by construction:
 * - seed(): each fixture page is extracted with extractArticle and saved with saveArticle, images included
 *   (the bytes the test server serves for them), as the background saves an article;
 * - fill(): copies of those seeded articles under new URLs, written with writeArticle (the function saveArticle
 *   ends in: record, body, images, postings) in one transaction per BATCH articles, usage totals kept.
 */
import { extractArticle } from '../src/extract/extract-article';
import { articleIdFor, getImages, listImageSources, saveArticle, usage } from '../src/library';
import { adjustUsage } from '../src/library/adjust-usage';
import { openLibrary } from '../src/library/open-library';
import { imageKeyFor } from '../src/library/image-key-for';
import { RequestBatch } from '../src/library/request-batch';
import type { Article } from '../src/article';
import type { SaveImageInput } from '../src/library/save-article';
import type { SavedArticle, StoredImage } from '../src/library/schema';
import { writeArticle } from '../src/library/write-article';
import { writeTransaction } from '../src/library/write-transaction';

export interface SeedPage {
  url: string;
  html: string;
}
/** Image bytes by URL, base64, as the test server answers them. */
export type ImageBytes = Record<string, { base64: string; type: string }>;

const BATCH = 500;
/** Each seeded article: as saved, with its stored images, and as extracted (with the images given to save it). */
const templates: { article: SavedArticle; images: Map<string, Blob>; extracted: Article; inputs: SaveImageInput[] }[] =
  [];

function blobOf({ base64, type }: { base64: string; type: string }): Blob {
  return new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], { type });
}

/** The image URLs each page's article needs (its images are fetched by the caller). */
function imageUrls(pages: SeedPage[]): string[] {
  const urls = new Set<string>();
  for (const page of pages) {
    const doc = new DOMParser().parseFromString(page.html, 'text/html');
    const result = extractArticle(doc, { url: page.url });
    if (result.ok) for (const url of listImageSources(result.article.content)) urls.add(url);
  }
  return [...urls];
}

/** Saves one article per page (non-articles are skipped); they become the templates of fill(). */
async function seed(pages: SeedPage[], bytes: ImageBytes, savedAt: number): Promise<number> {
  for (const [i, page] of pages.entries()) {
    const doc = new DOMParser().parseFromString(page.html, 'text/html');
    const result = extractArticle(doc, { url: page.url });
    if (!result.ok) continue;
    const images = await Promise.all(
      listImageSources(result.article.content).map(async (url) => {
        // As the background's prepareImage: bytes that do not decode are not kept.
        const blob = bytes[url] ? blobOf(bytes[url]) : null;
        const bitmap = blob ? await createImageBitmap(blob).catch(() => null) : null;
        if (!blob || !bitmap) return { key: imageKeyFor(url), originalUrl: url, blob: null, reason: 'Not an image.' };
        return { key: imageKeyFor(url), originalUrl: url, blob, width: bitmap.width, height: bitmap.height };
      }),
    );
    const saved = await saveArticle(result.article, images, { now: savedAt + i });
    templates.push({ article: saved, images: await getImages(saved.id), extracted: result.article, inputs: images });
  }
  return templates.length;
}

/** Adds copies of the templates (URL `<template url>?copy=<n>`) until the library holds `target` articles. */
async function fill(target: number, savedAt: number): Promise<{ articles: number; ms: number }> {
  const t0 = performance.now();
  let count = (await usage()).articles;
  while (count < target) {
    const n = Math.min(BATCH, target - count);
    const first = count;
    await writeTransaction(undefined, async (tx) => {
      const batch = new RequestBatch();
      let change = { articles: 0, bytes: 0 };
      for (let i = first; i < first + n; i++) {
        const template = templates[i % templates.length]!;
        const url = `${template.article.url.split('?')[0]}?copy=${i}`;
        const id = articleIdFor(url);
        const record: SavedArticle = { ...template.article, id, url, savedAt: savedAt + i, updatedAt: savedAt + i };
        const images: StoredImage[] = [...template.images].map(([key, blob]) => ({ articleId: id, key, blob }));
        const delta = writeArticle(tx, batch, record, images, undefined);
        change = { articles: change.articles + delta.articles, bytes: change.bytes + delta.bytes };
      }
      await adjustUsage(tx, change);
      await batch.flush();
    });
    count += n;
  }
  return { articles: (await usage()).articles, ms: performance.now() - t0 };
}

/** saveArticle (what the background runs to save) of template `index` under `url`, timed: ms. */
async function saveCopy(index: number, url: string): Promise<number> {
  const template = templates[index % templates.length]!;
  const t0 = performance.now();
  await saveArticle({ ...template.extracted, url }, template.inputs);
  return performance.now() - t0;
}

/** Mean size of the templates as the library counts it (`bytes`: content HTML + stored image bytes). */
function templateBytes(): { meanBytes: number; meanImages: number; meanContentChars: number } {
  const n = templates.length;
  return {
    meanBytes: templates.reduce((s, t) => s + t.article.bytes, 0) / n,
    meanImages: templates.reduce((s, t) => s + t.images.size, 0) / n,
    meanContentChars: templates.reduce((s, t) => s + t.article.content.length, 0) / n,
  };
}

/** Records in each store, and the library's own running totals. */
async function counts() {
  const db = await openLibrary();
  const total = await usage();
  return {
    articles: await db.count('articles'),
    images: await db.count('images'),
    postings: await db.count('postings'),
    termEntries: await db.countFromIndex('postings', 'by-term'),
    usageArticles: total.articles,
    usageBytes: total.bytes,
  };
}

(window as unknown as { __qariFill: unknown }).__qariFill = {
  counts,
  saveCopy,
  imageUrls,
  seed,
  fill,
  templateBytes,
  idFor: articleIdFor,
};

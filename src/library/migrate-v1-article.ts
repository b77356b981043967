import type { Direction } from '../article';
import { countWords, readingTimeMinutes } from '../extract/reading-time';
import { articleBytes } from './article-record';
import { articleIdFor } from './article-id-for';
import { imageKeyFor } from './image-key-for';
import { mapImageSources } from './map-image-sources';
import { rewriteImageSources } from './rewrite-image-sources';
import { RECORD_SCHEMA_VERSION, type SavedArticle, type SavedImageRef } from './schema';

/** A record as Qari 1 stored it (database version 1): keyed by a random UUID, images only as URLs. */
export interface V1Article {
  id: string;
  url: string;
  title: string;
  byline: string | null;
  siteName: string | null;
  lang: string | null;
  dir: Direction;
  content: string;
  textContent: string;
  savedAt: number;
  read: boolean;
  images: string[];
}

export const V1_IMAGE_REASON = 'Saved by an older Qari that did not keep images offline.';
const EXCERPT_LENGTH = 200;

function text(value: unknown, fallback = ''): string {
  return typeof value === 'string' ? value : fallback;
}

function textOrNull(value: unknown): string | null {
  return typeof value === 'string' && value ? value : null;
}

/** First paragraph, for the list (v1 had no excerpt). */
function excerptOf(textContent: string): string | null {
  const first = textContent
    .split('\n')
    .map((line) => line.trim())
    .find(Boolean);
  if (!first) return null;
  const chars = [...first];
  return chars.length > EXCERPT_LENGTH ? `${chars.slice(0, EXCERPT_LENGTH).join('').trimEnd()}…` : first;
}

/**
 * A v1 record in today's shape. Nothing the reader saved is dropped: every field is carried over, every
 * image URL (listed, or in the content's src and srcset) becomes a ref marked missing that keeps the URL
 * (v1 never stored image bytes), and the content points at those refs like any saved article, so
 * resolving the refs to their URLs gives back the v1 content. The id is recomputed from the URL, so saving the same page
 * again now updates this record instead of adding a second one. Fields v1 did not have are derived
 * (reading time, word count, excerpt) or empty. A damaged record is repaired with defaults, never dropped.
 */
export function migrateV1Article(raw: V1Article): SavedArticle {
  const v1 = raw as Partial<Record<keyof V1Article, unknown>>;
  const url = text(v1.url);
  const savedAt = typeof v1.savedAt === 'number' && Number.isFinite(v1.savedAt) ? v1.savedAt : 0;
  const textContent = text(v1.textContent);
  const lang = textOrNull(v1.lang);
  const originalContent = text(v1.content);
  const listed = Array.isArray(v1.images) ? v1.images.filter((u): u is string => typeof u === 'string' && !!u) : [];
  // Every network image URL of the content, srcset candidates included, so that none is dropped.
  const inContent: string[] = [];
  mapImageSources(originalContent, (u) => {
    if (/^(?:https?:)?\/\//i.test(u)) inContent.push(u);
    return null;
  });
  const urls = [...new Set([...listed, ...inContent])];
  const images: SavedImageRef[] = urls.map((originalUrl) => ({
    key: imageKeyFor(originalUrl),
    originalUrl,
    missing: true,
    reason: V1_IMAGE_REASON,
    bytes: 0,
    type: '',
  }));
  const keyOf = new Map(images.map((image) => [image.originalUrl, image.key]));
  const content = rewriteImageSources(originalContent, (u) => keyOf.get(u) ?? null);
  const read = v1.read === true;
  return {
    id: url ? articleIdFor(url) : text(v1.id),
    url,
    title: text(v1.title),
    byline: textOrNull(v1.byline),
    siteName: textOrNull(v1.siteName),
    publishedTime: null,
    lang,
    dir: v1.dir === 'rtl' ? 'rtl' : 'ltr',
    excerpt: excerptOf(textContent),
    leadImage: null,
    content,
    textContent,
    readingTimeMinutes: readingTimeMinutes(textContent, lang),
    wordCount: countWords(textContent),
    savedAt,
    updatedAt: savedAt,
    // v1 kept only a flag; the save time is the best-known bound for when it was read.
    readAt: read ? savedAt : null,
    archived: false,
    deletedAt: null,
    progress: 0,
    dirOverride: null,
    tags: [],
    images,
    bytes: articleBytes(content, images),
    schemaVersion: RECORD_SCHEMA_VERSION,
  };
}

import type { Article } from '../article';
import { tagKey } from './tag-key';
import type { ArticleFlags, SavedArticle, SavedArticleSummary, StoredArticle, StoredBody } from './schema';

/** The 0/1 copies of the state that the list indexes read (IndexedDB keys cannot be booleans or null). */
export function flagsOf(article: SavedArticle): ArticleFlags {
  return {
    archivedFlag: article.archived ? 1 : 0,
    readFlag: article.readAt === null ? 0 : 1,
    deletedFlag: article.deletedAt === null ? 0 : 1,
    // A record from before version 4 (being converted) has no tags yet.
    tagKeys: (article.tags ?? []).map(tagKey),
  };
}

/** The `articles` record of an article: its body left out (it goes to `bodies`, see toStoredBody). */
export function toStoredArticle(article: SavedArticle): StoredArticle {
  const { content: _content, textContent: _textContent, ...rest } = article;
  return { ...rest, tags: article.tags ?? [], ...flagsOf(article) };
}

export function toStoredBody(article: SavedArticle): StoredBody {
  return { id: article.id, content: article.content, textContent: article.textContent };
}

/**
 * The record as callers see it: the body joined back, and the index-only flags taken off, so they never
 * drift from the fields. A body that is not there (never expected: both are written in one transaction)
 * reads as empty rather than failing the reader.
 */
export function toSavedArticle(stored: StoredArticle, body: StoredBody | undefined): SavedArticle {
  return { ...toSummary(stored), content: body?.content ?? '', textContent: body?.textContent ?? '' };
}

export function toSummary(stored: StoredArticle): SavedArticleSummary {
  const summary: Partial<StoredArticle> = { ...stored };
  delete summary.archivedFlag;
  delete summary.readFlag;
  delete summary.deletedFlag;
  delete summary.tagKeys;
  return summary as SavedArticleSummary;
}

/** UTF-8 length without allocating the encoded copy (articles can be megabytes). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** What a record costs in storage, as reported by usage(): its HTML plus its stored images. */
export function articleBytes(content: string, images: { bytes: number }[]): number {
  return utf8Length(content) + images.reduce((sum, image) => sum + image.bytes, 0);
}

/** Exactly the Article fields (a caller's object may carry more, which must not end up stored). */
export function articleFields(article: Article): Article {
  return {
    url: article.url,
    title: article.title,
    byline: article.byline,
    siteName: article.siteName,
    publishedTime: article.publishedTime,
    lang: article.lang,
    dir: article.dir,
    excerpt: article.excerpt,
    leadImage: article.leadImage,
    content: article.content,
    textContent: article.textContent,
    readingTimeMinutes: article.readingTimeMinutes,
    wordCount: article.wordCount,
  };
}

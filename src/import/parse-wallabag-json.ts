import type { ImportEntry } from './import-entry';
import { STARRED_TAG } from './parse-instapaper-csv';
import { EntryCollector, isoTime, SKIP_REASONS } from './entry-collector';
import type { ParsedImport } from './parsed-import';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Wallabag writes booleans as true/false in newer versions and 1/0 in older ones. */
function flag(value: unknown): boolean {
  return value === true || value === 1 || value === '1';
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/**
 * Wallabag's JSON export (Export → JSON, wallabag 2.x: EntriesExport::produceJson, the Entry fields of the
 * serializer group `entries_for_user`): an array of entries with `title`, `url`, `is_archived`, `is_starred`,
 * `tags` (names), `content` (the article HTML wallabag extracted), `created_at` (ISO 8601),
 * `published_at`, `published_by` (list of authors), `language`, `domain_name`, and more that Qari does not
 * need. The content travels with the entry, so the article can be stored without fetching the page again;
 * it is untrusted HTML and goes through extraction and sanitizing like a fetched page.
 */
export function parseWallabagJson(json: string): ParsedImport {
  const collector = new EntryCollector();
  let data: unknown;
  try {
    data = JSON.parse(json.charCodeAt(0) === 0xfeff ? json.slice(1) : json);
  } catch {
    collector.skip({
      at: 1,
      unit: 'entry',
      code: 'wrong-format',
      reason: 'This file is not valid JSON: it is not a wallabag export.',
    });
    return collector.result();
  }
  if (!Array.isArray(data)) {
    collector.skip({
      at: 1,
      unit: 'entry',
      code: 'wrong-format',
      reason: 'This file is not a list of articles: it is not a wallabag export.',
    });
    return collector.result();
  }
  data.forEach((raw: unknown, i) => {
    const at = i + 1;
    if (!isRecord(raw) || typeof raw.url !== 'string') {
      collector.skip({ at, unit: 'entry', code: 'malformed', reason: SKIP_REASONS.malformed });
      return;
    }
    const tags = Array.isArray(raw.tags)
      ? raw.tags.map((t: unknown) => (isRecord(t) ? t.label : t)).filter((t): t is string => typeof t === 'string')
      : [];
    if (flag(raw.is_starred)) tags.unshift(STARRED_TAG);
    const entry: ImportEntry = {
      url: raw.url,
      source: 'wallabag',
      title: text(raw.title),
      tags,
      addedAt: isoTime(raw.created_at),
      state: flag(raw.is_archived) ? 'archived' : 'unread',
    };
    const html = text(raw.content);
    if (html) {
      const authors = Array.isArray(raw.published_by)
        ? raw.published_by.filter((a: unknown): a is string => typeof a === 'string' && !!a.trim())
        : [];
      entry.content = { html };
      if (entry.title) entry.content.title = entry.title;
      if (authors.length) entry.content.byline = authors.join(', ');
      const site = text(raw.domain_name);
      if (site) entry.content.siteName = site;
      const published = isoTime(raw.published_at);
      if (published !== undefined) entry.content.publishedTime = new Date(published).toISOString();
      const lang = text(raw.language);
      if (lang) entry.content.lang = lang;
    }
    collector.add(entry, at, 'entry');
  });
  return collector.result();
}

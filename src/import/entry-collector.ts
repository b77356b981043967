import { cleanTags } from '../library/tag-key';
import { normalizeUrl } from '../library/normalize-url';
import type { ImportEntry, ImportState } from './import-entry';
import type { ParsedImport, SkippedRow } from './parsed-import';

/** Plain-words reasons, shown in the import preview ("3 skipped: …"). */
export const SKIP_REASONS = {
  noUrl: 'No address.',
  notWeb: 'Not a web address (only http and https pages can be saved).',
  badUrl: 'The address is not valid.',
  malformed: 'The row could not be read.',
} as const;

/** Further along wins when one page is in a file twice: archived over read over unread. */
const STATE_RANK: Record<ImportState, number> = { unread: 0, read: 1, archived: 2 };

/**
 * Gathers one file's entries: only http(s) addresses, one entry per page (normalizeUrl: the same page with
 * tracking parameters or another fragment is the same article), the duplicates merged so nothing the reader
 * wrote is lost: every tag, the earliest time, the furthest state, the content if either has it.
 */
export class EntryCollector {
  private readonly byUrl = new Map<string, ImportEntry>();
  readonly skipped: SkippedRow[] = [];

  /** Adds an entry, or records why not; returns whether it was kept (a merged duplicate counts as kept). */
  add(entry: ImportEntry, at: number, unit: SkippedRow['unit']): boolean {
    const raw = entry.url.trim();
    if (!raw) return this.skip({ at, unit, code: 'no-url', reason: SKIP_REASONS.noUrl });
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return this.skip({ at, unit, url: raw.slice(0, 200), code: 'bad-url', reason: SKIP_REASONS.badUrl });
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      return this.skip({ at, unit, url: raw.slice(0, 200), code: 'not-web', reason: SKIP_REASONS.notWeb });
    const key = normalizeUrl(url.href);
    const tags = cleanTags(entry.tags);
    const addedAt = entry.addedAt !== undefined && Number.isFinite(entry.addedAt) ? entry.addedAt : undefined;
    const title = entry.title?.trim() || undefined;
    const fresh: ImportEntry = { ...entry, url: url.href, tags };
    if (title) fresh.title = title;
    else delete fresh.title;
    if (addedAt !== undefined) fresh.addedAt = addedAt;
    else delete fresh.addedAt;
    const twin = this.byUrl.get(key);
    if (!twin) {
      this.byUrl.set(key, fresh);
      return true;
    }
    twin.tags = cleanTags([...twin.tags, ...tags]);
    if (addedAt !== undefined && (twin.addedAt === undefined || addedAt < twin.addedAt)) twin.addedAt = addedAt;
    if (STATE_RANK[fresh.state] > STATE_RANK[twin.state]) twin.state = fresh.state;
    if (!twin.title && title) twin.title = title;
    if (!twin.content && fresh.content) twin.content = fresh.content;
    return true;
  }

  skip(row: SkippedRow): false {
    this.skipped.push(row);
    return false;
  }

  result(): ParsedImport {
    return { entries: [...this.byUrl.values()], skipped: this.skipped };
  }
}

/** Seconds since the epoch as an export writes them ("1700000000"), in ms; undefined when not a time. */
export function unixSeconds(value: string | undefined): number | undefined {
  if (!value || !/^\s*\d{1,12}\s*$/.test(value)) return undefined;
  const seconds = Number(value);
  return seconds > 0 ? seconds * 1000 : undefined;
}

/** An ISO 8601 (or other Date-readable) time in ms; undefined when absent or unreadable. */
export function isoTime(value: unknown): number | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : undefined;
}

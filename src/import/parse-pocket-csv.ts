import type { ImportState } from './import-entry';
import { EntryCollector, SKIP_REASONS, unixSeconds } from './entry-collector';
import type { ParsedImport } from './parsed-import';
import { readCsv } from './read-csv';

/** Pocket's `status` column: "archive" for archived items, "unread" otherwise. */
const POCKET_STATE: Record<string, ImportState> = { unread: 'unread', archive: 'archived', archived: 'archived' };

/**
 * Pocket's export (getpocket.com/export, 2025: a zip holding part_000000.csv…, each with the header
 * `title,url,time_added,tags,status`): time_added in Unix seconds, tags joined by "|", status "unread" or
 * "archive". Columns are found by name, so an added column (Pocket's later files have `cursor`) is ignored.
 */
export function parsePocketCsv(text: string): ParsedImport {
  const { header, rows } = readCsv(text);
  const collector = new EntryCollector();
  if (!header.includes('url')) {
    collector.skip({
      at: 1,
      unit: 'line',
      code: 'wrong-format',
      reason: 'This file has no "url" column: it is not a Pocket export.',
    });
    return collector.result();
  }
  for (const { line, fields, complete } of rows) {
    if (!complete) {
      collector.skip({
        at: line,
        unit: 'line',
        url: fields.url?.trim() || undefined,
        code: 'malformed',
        reason: SKIP_REASONS.malformed,
      });
      continue;
    }
    const status = (fields.status ?? '').trim().toLowerCase();
    collector.add(
      {
        url: fields.url ?? '',
        source: 'pocket',
        title: fields.title,
        tags: (fields.tags ?? '').split('|'),
        addedAt: unixSeconds(fields.time_added),
        state: POCKET_STATE[status] ?? 'unread',
      },
      line,
      'line',
    );
  }
  return collector.result();
}

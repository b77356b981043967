import type { ImportState } from './import-entry';
import { unixSeconds } from './entry-collector';
import { parseExportCsv } from './parse-export-csv';
import type { ParsedImport } from './parsed-import';

/** Pocket's `status` column: "archive" for archived items, "unread" otherwise. */
const POCKET_STATE: Record<string, ImportState> = { unread: 'unread', archive: 'archived', archived: 'archived' };

/**
 * Pocket's export (getpocket.com/export, 2025: a zip holding part_000000.csv…, each with the header
 * `title,url,time_added,tags,status`): time_added in Unix seconds, tags joined by "|", status "unread" or
 * "archive". Columns are found by name, so an added column (Pocket's later files have `cursor`) is ignored.
 */
export function parsePocketCsv(text: string): ParsedImport {
  return parseExportCsv(text, {
    wrongFormat: 'This file has no "url" column: it is not a Pocket export.',
    entry: (fields) => ({
      url: fields.url ?? '',
      source: 'pocket',
      title: fields.title,
      tags: (fields.tags ?? '').split('|'),
      addedAt: unixSeconds(fields.time_added),
      state: POCKET_STATE[(fields.status ?? '').trim().toLowerCase()] ?? 'unread',
    }),
  });
}

import type { ImportEntry } from './import-entry';
import { EntryCollector, SKIP_REASONS } from './entry-collector';
import type { ParsedImport } from './parsed-import';
import { readCsv, type CsvRows } from './read-csv';

type CsvRow = CsvRows['rows'][number];

export interface ExportCsvFormat {
  /** Said when the file has no url column: which app's export it is not. */
  wrongFormat: string;
  /** A row with fewer fields than the header that is still whole (a column newer than the app's older files). */
  acceptShort?: (row: CsvRow, header: readonly string[]) => boolean;
  /** The entry of one row (its url, title, tags, date and state as the app wrote them). */
  entry: (fields: Record<string, string>) => ImportEntry;
}

/**
 * The steps every read-later app's CSV export shares (Pocket, Instapaper): rows by column name, a file without a
 * url column refused as a whole, a cut-off row skipped with its line, every other row collected (the collector
 * drops repeats and addresses that cannot be saved, each with its reason).
 */
export function parseExportCsv(text: string, format: ExportCsvFormat): ParsedImport {
  const { header, rows } = readCsv(text);
  const collector = new EntryCollector();
  if (!header.includes('url')) {
    collector.skip({ at: 1, unit: 'line', code: 'wrong-format', reason: format.wrongFormat });
    return collector.result();
  }
  for (const row of rows) {
    const { line, fields, complete } = row;
    if (!complete && !format.acceptShort?.(row, header)) {
      collector.skip({
        at: line,
        unit: 'line',
        url: fields.url?.trim() || undefined,
        code: 'malformed',
        reason: SKIP_REASONS.malformed,
      });
      continue;
    }
    collector.add(format.entry(fields), line, 'line');
  }
  return collector.result();
}

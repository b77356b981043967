import type { ImportEntry } from './import-entry';

/** A row or record of an export that did not become an entry, and why, in plain words. */
export interface SkippedRow {
  /** 1-based line of a CSV file (the header is line 1), or 1-based position of a record or bookmark. */
  at: number;
  /** What `at` counts. */
  unit: 'line' | 'entry';
  /** The address as the file has it, when there is one (cut to 200 characters). */
  url?: string;
  reason: string;
}

/** What an importer found in one file: entries ready for the save queue, and what it left out. */
export interface ParsedImport {
  entries: ImportEntry[];
  skipped: SkippedRow[];
}

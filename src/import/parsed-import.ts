import type { ImportEntry } from './import-entry';

/**
 * Why a row was left out, for the interface to put in the reader's language: no address, an address that does
 * not parse, one that is not http(s), a row that could not be read, or a whole file that is not the export it
 * looks like (or is damaged).
 */
export type SkipCode = 'no-url' | 'bad-url' | 'not-web' | 'malformed' | 'wrong-format';

/** A row or record of an export that did not become an entry, and why. */
export interface SkippedRow {
  /** 1-based line of a CSV file (the header is line 1), or 1-based position of a record or bookmark. */
  at: number;
  /** What `at` counts. */
  unit: 'line' | 'entry';
  /** The address as the file has it, when there is one (cut to 200 characters). */
  url?: string;
  code: SkipCode;
  /** The same in English words, with detail where there is some (which file, which limit). */
  reason: string;
}

/** What an importer found in one file: entries ready for the save queue, and what it left out. */
export interface ParsedImport {
  entries: ImportEntry[];
  skipped: SkippedRow[];
}

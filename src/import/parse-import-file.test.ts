// @vitest-environment jsdom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat, type ImportFormat } from './detect-format';
import { parseImportFile } from './parse-import-file';
import type { ParsedImport } from './parsed-import';

const DIR = join(import.meta.dirname, '../../test/fixtures/imports');
const FIXTURES: [file: string, format: Exclude<ImportFormat, 'qari'>][] = [
  ['pocket.csv', 'pocket'],
  ['instapaper.csv', 'instapaper'],
  ['omnivore.zip', 'omnivore'],
  ['wallabag.json', 'wallabag'],
  ['bookmarks.html', 'bookmarks'],
];

function expected(file: string): ParsedImport {
  return JSON.parse(readFileSync(join(DIR, file.replace(/\.[a-z]+$/, '.expected.json')), 'utf8')) as ParsedImport;
}

describe('importers, against fixtures written from each app’s format (test/fixtures/imports)', () => {
  for (const [file, format] of FIXTURES) {
    it(`${file}: every entry, tag, time and state; the duplicate merged; the bad rows skipped with where and why`, () => {
      const bytes = new Uint8Array(readFileSync(join(DIR, file)));
      expect(detectFormat(file, bytes)).toBe(format);
      const parsed = parseImportFile(format, bytes);
      const want = expected(file);
      expect(parsed.entries.length).toBeGreaterThanOrEqual(50);
      expect(parsed.skipped).toEqual(want.skipped);
      expect(parsed.entries).toEqual(want.entries);
      // Nothing but web addresses, one per page.
      expect(parsed.entries.every((e) => /^https?:\/\//.test(e.url))).toBe(true);
      expect(new Set(parsed.entries.map((e) => e.url)).size).toBe(parsed.entries.length);
    });
  }

  it('detects a file by its content, not its name', () => {
    const pocket = new Uint8Array(readFileSync(join(DIR, 'pocket.csv')));
    expect(detectFormat('export.txt', pocket)).toBe('pocket');
    expect(detectFormat('bookmarks.csv', new Uint8Array(readFileSync(join(DIR, 'bookmarks.html'))))).toBe('bookmarks');
    expect(detectFormat('notes.txt', new TextEncoder().encode('just some text'))).toBeNull();
    expect(detectFormat('x.zip', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toBeNull();
  });
});

import type { ImportFormat } from './detect-format';
import { parseBookmarksHtml } from './parse-bookmarks-html';
import { parseInstapaperCsv } from './parse-instapaper-csv';
import { parseOmnivoreZip } from './parse-omnivore-zip';
import { parsePocketCsv } from './parse-pocket-csv';
import { parseWallabagJson } from './parse-wallabag-json';
import type { ParsedImport } from './parsed-import';

/** Another app's export (not Qari's own, which importLibrary reads whole) as entries for the save queue. */
export function parseImportFile(
  format: Exclude<ImportFormat, 'qari'>,
  bytes: Uint8Array,
  parser?: DOMParser,
): ParsedImport {
  if (format === 'omnivore') return parseOmnivoreZip(bytes);
  const text = new TextDecoder().decode(bytes);
  switch (format) {
    case 'pocket':
      return parsePocketCsv(text);
    case 'instapaper':
      return parseInstapaperCsv(text);
    case 'wallabag':
      return parseWallabagJson(text);
    case 'bookmarks':
      return parseBookmarksHtml(text, parser);
  }
}

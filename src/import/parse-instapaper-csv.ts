import type { ImportState } from './import-entry';
import { unixSeconds } from './entry-collector';
import { parseExportCsv } from './parse-export-csv';
import type { ParsedImport } from './parsed-import';

/** The tag a starred (liked) Instapaper article gets: Qari has no star, and the choice should not be lost. */
export const STARRED_TAG = 'Starred';

/** A Tags column, when there is one: Instapaper writes a JSON list (`["a","b"]`); plain "a, b" is read too. */
function tagsOf(value: string | undefined): string[] {
  const text = (value ?? '').trim();
  if (!text) return [];
  if (text.startsWith('[')) {
    try {
      const list: unknown = JSON.parse(text);
      if (Array.isArray(list)) return list.filter((t): t is string => typeof t === 'string');
    } catch {
      // Not JSON after all: read it as a comma-separated list.
    }
  }
  return text.split(',');
}

/**
 * Instapaper's CSV export (Settings → Export → CSV): `URL,Title,Selection,Folder,Timestamp`, Timestamp in
 * Unix seconds. Folder is "Unread", "Archive", "Starred" or a folder the reader made: a made folder becomes
 * a tag (Qari's tags are its folders), Starred becomes the tag "Starred", Archive the archived state.
 */
export function parseInstapaperCsv(text: string): ParsedImport {
  return parseExportCsv(text, {
    wrongFormat: 'This file has no "URL" column: it is not an Instapaper export.',
    // The Tags column is newer than the others: a row may end before it.
    acceptShort: ({ fields }, header) => header.at(-1) === 'tags' && Object.values(fields).filter(Boolean).length >= 4,
    entry: (fields) => {
      const folder = (fields.folder ?? '').trim();
      const tags = tagsOf(fields.tags);
      let state: ImportState = 'unread';
      if (folder.toLowerCase() === 'archive') state = 'archived';
      else if (folder.toLowerCase() === 'starred') tags.unshift(STARRED_TAG);
      else if (folder && folder.toLowerCase() !== 'unread') tags.unshift(folder);
      return {
        url: fields.url ?? '',
        source: 'instapaper',
        title: fields.title,
        tags,
        addedAt: unixSeconds(fields.timestamp),
        state,
      };
    },
  });
}

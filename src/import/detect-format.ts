import { EXPORT_MANIFEST } from '../library/export-format';
import { isOmnivoreZip } from './parse-omnivore-zip';
import { listZip } from './read-zip-entries';

/** The files the library page can import: Qari's own export, and five other apps' exports. */
export type ImportFormat = 'qari' | 'pocket' | 'instapaper' | 'omnivore' | 'wallabag' | 'bookmarks';

function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * Which export a file is, from its content (the name only breaks a tie: a renamed file still imports), or
 * null when it is none Qari reads. Zips by their directory (Qari: qari-library.json; Omnivore:
 * metadata_N_to_M.json); text by its start: the Netscape bookmark doctype or a <DL> list, a JSON array
 * (wallabag), or a CSV header (Pocket: url and time_added; Instapaper: url, folder and timestamp).
 */
export function detectFormat(fileName: string, bytes: Uint8Array): ImportFormat | null {
  if (isZip(bytes)) {
    let names: Map<string, number>;
    try {
      names = listZip(bytes, 500_000);
    } catch {
      return null;
    }
    if (names.has(EXPORT_MANIFEST)) return 'qari';
    if (isOmnivoreZip(names.keys())) return 'omnivore';
    return null;
  }
  const head = new TextDecoder()
    .decode(bytes.subarray(0, 8192))
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (/^<!doctype netscape-bookmark-file/i.test(head) || (/<dl[\s>]/i.test(head) && /<dt[\s>]/i.test(head)))
    return 'bookmarks';
  if (head.startsWith('[')) return 'wallabag';
  const firstLine = head.split(/\r\n|\n|\r/, 1)[0]!.toLowerCase();
  const columns = firstLine.split(',').map((c) => c.trim().replace(/^"|"$/g, ''));
  if (columns.includes('url') && columns.includes('time_added')) return 'pocket';
  if (columns.includes('url') && columns.includes('folder') && columns.includes('timestamp')) return 'instapaper';
  if (/\.html?$/i.test(fileName) && /<a\s[^>]*href/i.test(head)) return 'bookmarks';
  return null;
}

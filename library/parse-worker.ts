/// <reference lib="webworker" />
import { parseImportFile } from '../src/import/parse-import-file';
import type { ImportFormat } from '../src/import/detect-format';

/**
 * Parses an export off the page's thread: a 10,000-row CSV or a large Omnivore zip takes long enough to
 * freeze the page. Assigned (not addEventListener) on purpose: Papa Parse, loaded in a worker, installs an
 * onmessage of its own for its worker mode, and this one must replace it.
 */
self.onmessage = (event: MessageEvent<{ format: Exclude<ImportFormat, 'qari' | 'bookmarks'>; bytes: Uint8Array }>) => {
  try {
    self.postMessage({ ok: parseImportFile(event.data.format, event.data.bytes) });
  } catch (error) {
    self.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
};

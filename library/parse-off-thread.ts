import type { ImportFormat } from '../src/import/detect-format';
import { parseImportFile } from '../src/import/parse-import-file';
import type { ParsedImport } from '../src/import/parsed-import';

/**
 * Parses another app's export without freezing the page: in a module worker, except bookmarks, which need
 * DOMParser (not in workers); the browser's own HTML parser reads a 10,000-bookmark file in well under a
 * second, and the page paints its "Reading the file…" first.
 */
export async function parseOffThread(format: Exclude<ImportFormat, 'qari'>, bytes: Uint8Array): Promise<ParsedImport> {
  if (format === 'bookmarks') {
    await new Promise((resolve) => setTimeout(resolve, 0));
    return parseImportFile(format, bytes);
  }
  const worker = new Worker(new URL('./parse-worker.ts', import.meta.url), { type: 'module' });
  try {
    return await new Promise<ParsedImport>((resolve, reject) => {
      worker.onmessage = (event: MessageEvent<{ ok: ParsedImport } | { error: string }>) =>
        'ok' in event.data ? resolve(event.data.ok) : reject(new Error(event.data.error));
      worker.onerror = (event) => reject(new Error(event.message || 'The file could not be read.'));
      // Transferred, not copied: the bytes are not needed here any more.
      worker.postMessage({ format, bytes }, [bytes.buffer]);
    });
  } finally {
    worker.terminate();
  }
}

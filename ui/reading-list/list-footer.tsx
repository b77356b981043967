import type { ComponentChildren } from 'preact';
import { formatNumber, t } from '../../src/i18n';
import type { LibraryUsage } from '../../src/library/schema';
import { formatBytes } from './format-bytes';
import { download } from './download';

export interface ListFooterProps {
  /** The library's totals, null until the list has loaded. */
  total: LibraryUsage | null;
  lang: string;
  /** An id for the usage line, where a page names it (the library page). */
  usageId?: string;
  /** A page's further links after Export (the popup's way to the library page). */
  children?: ComponentChildren;
}

/**
 * Below the reading list, in the popup and on the library page: the usage line ("Saved articles: 12 · 3.4 MB")
 * and Export library.
 */
export function ListFooter({ total, lang, usageId, children }: ListFooterProps) {
  return (
    <footer class="library-footer">
      {total && <span id={usageId}>{t('usage', formatNumber(total.articles), formatBytes(total.bytes, lang))}</span>}
      <ExportLibraryButton />
      {children}
    </footer>
  );
}

/** "Export library": the whole library as a zip (the exporter is loaded on the click, not with the list). */
function ExportLibraryButton() {
  return (
    <button
      type="button"
      class="link"
      onClick={async () =>
        download(
          `qari-library-${new Date().toISOString().slice(0, 10)}.zip`,
          (await (await import('../../src/library/export-library')).exportLibrary()) as Uint8Array<ArrayBuffer>,
          'application/zip',
        )
      }
    >
      {t('exportLibrary')}
    </button>
  );
}

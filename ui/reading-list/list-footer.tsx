import type { ComponentChildren } from 'preact';
import { formatNumber, t } from '../../src/i18n';
import type { LibraryUsage } from '../../src/library/schema';
import { formatBytes } from './format-bytes';
import { ExportLibraryButton } from './reading-list-items';

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

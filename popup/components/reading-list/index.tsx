import { useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { formatNumber, t, uiLocale } from '../../../src/i18n';
import type { ArticleFilter } from '../../../src/library/list-articles';
import { formatBytes } from '../../../ui/reading-list/format-bytes';
import { ExportLibraryButton, ReadingListItems } from '../../../ui/reading-list/reading-list-items';
import { useReadingList } from '../../../ui/reading-list/use-reading-list';

const PAGE = 20;

/** The library page in a tab of its own: the full reading list, and import (issue 11: import off the popup). */
function openLibrary(): void {
  void browser.tabs.create({ url: browser.runtime.getURL('library.html') });
}

/**
 * The reading list: newest first, a page at a time (the library may hold thousands), with search over
 * titles and full text, filters, and the actions a reader expects. Deleting can be undone.
 */
export function ReadingList() {
  const { lang } = uiLocale();
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<ArticleFilter>('all');
  const list = useReadingList({ query, filter }, PAGE);
  const { total } = list;

  return (
    <section class="reading-list" aria-label={t('tabReadingList')}>
      <div class="list-controls">
        <input
          type="search"
          aria-label={t('searchSaved')}
          placeholder={t('searchSaved')}
          value={query}
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
        <select
          aria-label={t('filter')}
          value={filter}
          disabled={!!query.trim()}
          onChange={(e) => setFilter(e.currentTarget.value as ArticleFilter)}
        >
          <option value="all">{t('filterAll')}</option>
          <option value="unread">{t('filterUnread')}</option>
          <option value="archived">{t('filterArchived')}</option>
        </select>
      </div>
      <ReadingListItems list={list} searching={!!query.trim()} lang={lang} />
      <footer class="library-footer">
        {total && <span>{t('usage', formatNumber(total.articles), formatBytes(total.bytes, lang))}</span>}
        <ExportLibraryButton />
        <button type="button" class="link" id="open-library" onClick={openLibrary}>
          {t('openLibrary')}
        </button>
        <button type="button" class="link" onClick={openLibrary}>
          {t('importInLibrary')}
        </button>
      </footer>
    </section>
  );
}

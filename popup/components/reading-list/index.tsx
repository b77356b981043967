import { useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { t, uiLocale } from '../../../src/i18n';
import type { ArticleFilter } from '../../../src/library/list-articles';
import { ListControls } from '../../../ui/reading-list/list-controls';
import { ListFooter } from '../../../ui/reading-list/list-footer';
import { ReadingListItems } from '../../../ui/reading-list/reading-list-items';
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

  return (
    <section class="reading-list" aria-label={t('tabReadingList')}>
      <ListControls query={query} onQuery={setQuery} filter={filter} onFilter={setFilter} />
      <ReadingListItems list={list} searching={!!query.trim()} lang={lang} />
      <ListFooter total={list.total} lang={lang}>
        <button type="button" class="link" id="open-library" onClick={openLibrary}>
          {t('openLibrary')}
        </button>
        <button type="button" class="link" onClick={openLibrary}>
          {t('importInLibrary')}
        </button>
      </ListFooter>
    </section>
  );
}

import { useEffect, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { formatNumber, t, uiLocale } from '../../../src/i18n';
import { undoDelete } from '../../../src/library/delete-article';
import { listArticles, type ArticleFilter } from '../../../src/library/list-articles';
import type { LibraryUsage, SavedArticleSummary } from '../../../src/library/schema';
import { search } from '../../../src/library/search';
import { usage } from '../../../src/library/usage';
import { ArticleItem } from '../../../ui/reading-list/article-item';
import { download } from '../../../ui/reading-list/download';
import { formatBytes } from '../../../ui/reading-list/format-bytes';
import { ListNotice, type ListNoticeState } from '../../../ui/reading-list/list-notice';

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
  const [items, setItems] = useState<SavedArticleSummary[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [total, setTotal] = useState<LibraryUsage | null>(null);
  const [notice, setNotice] = useState<ListNoticeState | null>(null);
  const generation = useRef(0);

  const load = async (after: string | null = null) => {
    const mine = ++generation.current;
    const page = query.trim()
      ? await search(query, { limit: PAGE, after })
      : await listArticles({ filter, limit: PAGE, after });
    if (mine !== generation.current) return; // a newer query started meanwhile
    setItems((current) => (after && current ? [...current, ...page.items] : page.items));
    setNext(page.next);
    setTotal(await usage());
    document.body.dataset.listReady = 'true';
  };

  useEffect(() => {
    void load();
  }, [query, filter]);

  // The reload after an action must use the query and filter shown when it ends, not those of the render
  // whose button started it: a filter changed meanwhile would otherwise be overwritten by the old list.
  const latestLoad = useRef(load);
  latestLoad.current = load;
  const update = async (action: () => Promise<unknown>) => {
    await action();
    await latestLoad.current();
  };

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
      <ListNotice
        notice={notice}
        onUndo={(id) => {
          setNotice(null);
          void update(() => undoDelete(id));
        }}
      />
      {items && items.length === 0 && <p class="empty">{query.trim() ? t('noMatches') : t('emptyList')}</p>}
      <ul class="items">
        {items?.map((item) => (
          <ArticleItem
            key={item.id}
            item={item}
            lang={lang}
            update={(action) => void update(action)}
            onDeleted={(deleted) => setNotice({ text: t('deleted', deleted.title), undo: deleted.id })}
          />
        ))}
      </ul>
      {next && (
        <button type="button" class="secondary" onClick={() => void load(next)}>
          {t('loadMore')}
        </button>
      )}
      <footer class="library-footer">
        {total && <span>{t('usage', formatNumber(total.articles), formatBytes(total.bytes, lang))}</span>}
        <button
          type="button"
          class="link"
          onClick={async () =>
            download(
              `qari-library-${new Date().toISOString().slice(0, 10)}.zip`,
              (await (await import('../../../src/library/export-library')).exportLibrary()) as Uint8Array<ArrayBuffer>,
              'application/zip',
            )
          }
        >
          {t('exportLibrary')}
        </button>
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

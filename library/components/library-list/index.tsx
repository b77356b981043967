import { useEffect, useRef, useState } from 'preact/hooks';
import { formatNumber, t, uiLocale } from '../../../src/i18n';
import { undoDelete } from '../../../src/library/delete-article';
import { listArticles, type ArticleFilter } from '../../../src/library/list-articles';
import { listTags, type TagCount } from '../../../src/library/list-tags';
import type { LibraryUsage, SavedArticleSummary } from '../../../src/library/schema';
import { search } from '../../../src/library/search';
import { tagKey } from '../../../src/library/tag-key';
import { usage } from '../../../src/library/usage';
import { ArticleItem } from '../../../ui/reading-list/article-item';
import { download } from '../../../ui/reading-list/download';
import { formatBytes } from '../../../ui/reading-list/format-bytes';
import { ListNotice, type ListNoticeState } from '../../../ui/reading-list/list-notice';

const PAGE = 50;

/**
 * The whole reading list on a page: search, the read/archived filters, tags, newest or oldest first, and
 * the same item actions as the popup. A query searches every article (search has no filters); the other
 * controls wait until the query is cleared.
 */
export function LibraryList({ generation }: { generation: number }) {
  const { lang } = uiLocale();
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<ArticleFilter>('all');
  const [order, setOrder] = useState<'newest' | 'oldest'>('newest');
  const [tag, setTag] = useState<string | null>(null);
  const [tags, setTags] = useState<TagCount[]>([]);
  const [items, setItems] = useState<SavedArticleSummary[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [total, setTotal] = useState<LibraryUsage | null>(null);
  const [notice, setNotice] = useState<ListNoticeState | null>(null);
  const generationRef = useRef(0);
  const searching = !!query.trim();

  const load = async (after: string | null = null) => {
    const mine = ++generationRef.current;
    const page = searching
      ? await search(query, { limit: PAGE, after })
      : await listArticles({ filter, order, tag, limit: PAGE, after });
    if (mine !== generationRef.current) return; // a newer query started meanwhile
    setItems((current) => (after && current ? [...current, ...page.items] : page.items));
    setNext(page.next);
    const [counts, allTags] = await Promise.all([usage(), listTags({ locale: lang })]);
    setTotal(counts);
    setTags(allTags);
    document.body.dataset.listReady = 'true';
  };

  useEffect(() => {
    void load();
  }, [query, filter, order, tag, generation]);

  // The reload after an action uses the controls shown when it ends (see the popup's reading list).
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
          id="library-search"
          aria-label={t('searchSaved')}
          placeholder={t('searchSaved')}
          value={query}
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
        <select
          id="library-filter"
          aria-label={t('filter')}
          value={filter}
          disabled={searching}
          onChange={(e) => setFilter(e.currentTarget.value as ArticleFilter)}
        >
          <option value="all">{t('filterAll')}</option>
          <option value="unread">{t('filterUnread')}</option>
          <option value="archived">{t('filterArchived')}</option>
        </select>
        <select
          id="library-order"
          aria-label={t('sortOrder')}
          value={order}
          disabled={searching}
          onChange={(e) => setOrder(e.currentTarget.value as 'newest' | 'oldest')}
        >
          <option value="newest">{t('sortNewest')}</option>
          <option value="oldest">{t('sortOldest')}</option>
        </select>
      </div>
      {tags.length > 0 && (
        <div class="tag-filter" role="group" aria-label={t('tags')}>
          <button
            type="button"
            class="tag"
            aria-pressed={tag === null}
            disabled={searching}
            onClick={() => setTag(null)}
          >
            {t('allTags')}
          </button>
          {tags.map(({ tag: name, count }) => (
            <button
              type="button"
              class="tag"
              key={tagKey(name)}
              data-tag={name}
              aria-pressed={tag !== null && tagKey(tag) === tagKey(name)}
              disabled={searching}
              onClick={() => setTag(name)}
            >
              <bdi>{name}</bdi> <span class="count">{formatNumber(count)}</span>
            </button>
          ))}
        </div>
      )}
      <ListNotice
        notice={notice}
        onUndo={(id) => {
          setNotice(null);
          void update(() => undoDelete(id));
        }}
      />
      {items && items.length === 0 && <p class="empty">{searching ? t('noMatches') : t('emptyList')}</p>}
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
        {total && (
          <span id="library-usage">{t('usage', formatNumber(total.articles), formatBytes(total.bytes, lang))}</span>
        )}
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
      </footer>
    </section>
  );
}

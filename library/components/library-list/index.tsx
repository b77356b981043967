import { useState } from 'preact/hooks';
import { formatNumber, t, uiLocale } from '../../../src/i18n';
import type { ArticleFilter } from '../../../src/library/list-articles';
import { listTags, type TagCount } from '../../../src/library/list-tags';
import { tagKey } from '../../../src/library/tag-key';
import { formatBytes } from '../../../ui/reading-list/format-bytes';
import { ExportLibraryButton, ReadingListItems } from '../../../ui/reading-list/reading-list-items';
import { useReadingList } from '../../../ui/reading-list/use-reading-list';

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
  const searching = !!query.trim();
  const list = useReadingList({ query, filter, order, tag }, PAGE, [generation], async () =>
    setTags(await listTags({ locale: lang })),
  );
  const { total } = list;

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
      <ReadingListItems list={list} searching={searching} lang={lang} />
      <footer class="library-footer">
        {total && (
          <span id="library-usage">{t('usage', formatNumber(total.articles), formatBytes(total.bytes, lang))}</span>
        )}
        <ExportLibraryButton />
      </footer>
    </section>
  );
}

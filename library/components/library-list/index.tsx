import { useState } from 'preact/hooks';
import { formatNumber, t, uiLocale } from '../../../src/i18n';
import type { ArticleFilter } from '../../../src/library/list-articles';
import { listTags, type TagCount } from '../../../src/library/list-tags';
import { tagKey } from '../../../src/library/tag-key';
import { ListControls } from '../../../ui/reading-list/list-controls';
import { ListFooter } from '../../../ui/reading-list/list-footer';
import { ReadingListItems } from '../../../ui/reading-list/reading-list-items';
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

  return (
    <section class="reading-list" aria-label={t('tabReadingList')}>
      <ListControls
        query={query}
        onQuery={setQuery}
        filter={filter}
        onFilter={setFilter}
        searchId="library-search"
        filterId="library-filter"
      >
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
      </ListControls>
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
      <ListFooter total={list.total} lang={lang} usageId="library-usage" />
    </section>
  );
}

import type { ComponentChildren } from 'preact';
import { t } from '../../src/i18n';
import type { ArticleFilter } from '../../src/library/list-articles';

export interface ListControlsProps {
  query: string;
  onQuery(query: string): void;
  filter: ArticleFilter;
  onFilter(filter: ArticleFilter): void;
  /** Ids for the search field and the filter, where a page's tests name them (the library page). */
  searchId?: string;
  filterId?: string;
  /** A page's further controls after the filter (the library page's sort order). */
  children?: ComponentChildren;
}

/**
 * Above the reading list, in the popup and on the library page: search over titles and full text, and the
 * read/archived filter. The filter is disabled while a query is typed, since search has no filters.
 */
export function ListControls({ query, onQuery, filter, onFilter, searchId, filterId, children }: ListControlsProps) {
  return (
    <div class="list-controls">
      <input
        type="search"
        id={searchId}
        aria-label={t('searchSaved')}
        placeholder={t('searchSaved')}
        value={query}
        onInput={(e) => onQuery(e.currentTarget.value)}
      />
      <select
        id={filterId}
        aria-label={t('filter')}
        value={filter}
        disabled={!!query.trim()}
        onChange={(e) => onFilter(e.currentTarget.value as ArticleFilter)}
      >
        <option value="all">{t('filterAll')}</option>
        <option value="unread">{t('filterUnread')}</option>
        <option value="archived">{t('filterArchived')}</option>
      </select>
      {children}
    </div>
  );
}

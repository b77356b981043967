import { useEffect, useRef, useState } from 'preact/hooks';
import { listArticles, type ListOptions } from '../../src/library/list-articles';
import type { LibraryUsage, SavedArticleSummary } from '../../src/library/schema';
import { search } from '../../src/library/search';
import { usage } from '../../src/library/usage';

/** What the list shows: a query searches every article (search has no filters); otherwise the list's options. */
export interface ReadingListQuery extends Omit<ListOptions, 'limit' | 'after'> {
  query: string;
}

export interface ReadingList {
  items: SavedArticleSummary[] | null;
  /** The cursor of the next page, or null at the end. */
  next: string | null;
  total: LibraryUsage | null;
  loadMore(): void;
  /** Runs an item's action, then reloads the list as the controls show it when the action ends. */
  update(action: () => Promise<unknown>): Promise<void>;
}

/**
 * The reading list's state, shared by the popup and the library page: a page of articles at a time, newest
 * first unless asked otherwise, reloaded when the query or a control changes (`reloadOn` adds the page's own
 * reasons, e.g. an import that finished). `afterLoad` runs after each load (the library page's tag counts).
 */
export function useReadingList(
  { query, ...options }: ReadingListQuery,
  pageSize: number,
  reloadOn: readonly unknown[] = [],
  afterLoad?: () => Promise<void>,
): ReadingList {
  const [items, setItems] = useState<SavedArticleSummary[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [total, setTotal] = useState<LibraryUsage | null>(null);
  const generation = useRef(0);

  const load = async (after: string | null = null) => {
    const mine = ++generation.current;
    const page = query.trim()
      ? await search(query, { limit: pageSize, after })
      : await listArticles({ ...options, limit: pageSize, after });
    if (mine !== generation.current) return; // a newer query started meanwhile
    setItems((current) => (after && current ? [...current, ...page.items] : page.items));
    setNext(page.next);
    const [counts] = await Promise.all([usage(), afterLoad?.()]);
    setTotal(counts);
    document.body.dataset.listReady = 'true';
  };

  useEffect(() => {
    void load();
  }, [query, options.filter, options.order, options.tag, ...reloadOn]);

  // The reload after an action must use the query and controls shown when it ends, not those of the render
  // whose button started it: a filter changed meanwhile would otherwise be overwritten by the old list.
  const latestLoad = useRef(load);
  latestLoad.current = load;

  return {
    items,
    next,
    total,
    loadMore: () => void load(next),
    update: async (action) => {
      await action();
      await latestLoad.current();
    },
  };
}

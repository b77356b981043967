import { Fragment } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { formatNumber, t, uiLocale } from '../../../src/i18n';
import { deleteArticle, undoDelete } from '../../../src/library/delete-article';
import { listArticles, type ArticleFilter } from '../../../src/library/list-articles';
import type { LibraryUsage, SavedArticleSummary } from '../../../src/library/schema';
import { search } from '../../../src/library/search';
import { markRead, setArchived } from '../../../src/library/update-article';
import { usage } from '../../../src/library/usage';
import { readingTimeLabel } from '../../../src/reading-labels';

const PAGE = 20;

function download(name: string, data: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function formatBytes(bytes: number, lang: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return new Intl.NumberFormat(lang, {
    style: 'unit',
    unit: units[unit],
    maximumFractionDigits: 1,
    unitDisplay: 'short',
  }).format(value);
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
  const [notice, setNotice] = useState<{ text: string; undo?: string } | null>(null);
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

  const open = (id: string) =>
    void browser.tabs.create({ url: browser.runtime.getURL(`saved.html?id=${encodeURIComponent(id)}`) });

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
      {notice && (
        <p class="notice" role="status">
          {notice.text}{' '}
          {notice.undo && (
            <button
              type="button"
              class="link"
              onClick={() => {
                const id = notice.undo!;
                setNotice(null);
                void update(() => undoDelete(id));
              }}
            >
              {t('undo')}
            </button>
          )}
        </p>
      )}
      {items && items.length === 0 && <p class="empty">{query.trim() ? t('noMatches') : t('emptyList')}</p>}
      <ul class="items">
        {items?.map((item) => (
          <li key={item.id} class={item.readAt ? 'item read' : 'item'}>
            <button
              type="button"
              class="item-title"
              dir="auto"
              lang={item.lang ?? undefined}
              onClick={() => open(item.id)}
            >
              {item.title}
            </button>
            <p class="item-meta">
              {/* Each part isolated: an Arabic site name next to an English date would otherwise swap places. */}
              {[
                item.siteName,
                t('savedOn', new Intl.DateTimeFormat(lang, { dateStyle: 'medium' }).format(item.savedAt)),
                readingTimeLabel(item.readingTimeMinutes, lang).text,
                item.readAt ? t('read') : t('unread'),
              ]
                .filter(Boolean)
                .map((part, i) => (
                  <Fragment key={i}>
                    {i > 0 && ' · '}
                    <bdi>{part}</bdi>
                  </Fragment>
                ))}
            </p>
            <div class="item-actions">
              <button
                type="button"
                class="link"
                onClick={() => open(item.id)}
                aria-label={`${t('open')}: ${item.title}`}
              >
                {t('open')}
              </button>
              <button type="button" class="link" onClick={() => void update(() => markRead(item.id, !item.readAt))}>
                {item.readAt ? t('markUnread') : t('markRead')}
              </button>
              <button
                type="button"
                class="link"
                onClick={() => void update(() => setArchived(item.id, !item.archived))}
              >
                {item.archived ? t('unarchive') : t('archive')}
              </button>
              <button
                type="button"
                class="link"
                onClick={async () =>
                  download(
                    `${item.title.slice(0, 80)}.md`,
                    await (await import('../../../src/library/export-article-markdown')).exportArticleMarkdown(item.id),
                    'text/markdown',
                  )
                }
              >
                {t('exportMarkdown')}
              </button>
              <button
                type="button"
                class="link danger"
                onClick={() =>
                  void update(async () => {
                    await deleteArticle(item.id);
                    setNotice({ text: t('deleted', item.title), undo: item.id });
                  })
                }
              >
                {t('delete')}
              </button>
            </div>
          </li>
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
        <label class="link">
          {t('importLibrary')}
          <input
            type="file"
            accept=".zip,application/zip"
            hidden
            onChange={async (e) => {
              const input = e.currentTarget;
              const file = input.files?.[0];
              // Cleared so choosing the same file again (a second import) is still a change.
              input.value = '';
              if (!file) return;
              try {
                // Zip code loads only when a library is imported or exported: the popup opens faster without it.
                const { importLibrary } = await import('../../../src/library/import-library');
                const result = await importLibrary(new Uint8Array(await file.arrayBuffer()));
                setNotice({ text: t('imported', formatNumber(result.added), formatNumber(result.updated)) });
              } catch (error) {
                setNotice({ text: error instanceof Error ? error.message : String(error) });
              }
              await load();
            }}
          />
        </label>
      </footer>
    </section>
  );
}

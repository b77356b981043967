import { Fragment } from 'preact';
import browser from 'webextension-polyfill';
import { t } from '../../src/i18n';
import { deleteArticle } from '../../src/library/delete-article';
import type { SavedArticleSummary } from '../../src/library/schema';
import { markRead, setArchived } from '../../src/library/update-article';
import { readingTimeLabel } from '../../src/reading-labels';
import { download } from './download';

/** Opens a saved article in its own tab (saved.html is an extension page, not web-accessible). */
export function openSaved(id: string): void {
  void browser.tabs.create({ url: browser.runtime.getURL(`saved.html?id=${encodeURIComponent(id)}`) });
}

export interface ArticleItemProps {
  item: SavedArticleSummary;
  /** Interface language, for dates and reading time. */
  lang: string;
  /** Runs a change, then reloads the list. */
  update(action: () => Promise<unknown>): void;
  /** After a delete: the notice with its Undo. */
  onDeleted(item: SavedArticleSummary): void;
}

/**
 * One saved article in a list, shared by the popup's reading list and the library page: its title (text,
 * never HTML; dir=auto so an Arabic title reads right to left in an English list), what it is, and the actions.
 */
export function ArticleItem({ item, lang, update, onDeleted }: ArticleItemProps) {
  return (
    <li class={item.readAt ? 'item read' : 'item'}>
      <button
        type="button"
        class="item-title"
        dir="auto"
        lang={item.lang ?? undefined}
        onClick={() => openSaved(item.id)}
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
      {item.tags?.length > 0 && (
        <ul class="item-tags" aria-label={t('tags')}>
          {item.tags.map((tag) => (
            <li key={tag} dir="auto">
              {tag}
            </li>
          ))}
        </ul>
      )}
      <div class="item-actions">
        <button
          type="button"
          class="link"
          onClick={() => openSaved(item.id)}
          aria-label={`${t('open')}: ${item.title}`}
        >
          {t('open')}
        </button>
        <button type="button" class="link" onClick={() => update(() => markRead(item.id, !item.readAt))}>
          {item.readAt ? t('markUnread') : t('markRead')}
        </button>
        <button type="button" class="link" onClick={() => update(() => setArchived(item.id, !item.archived))}>
          {item.archived ? t('unarchive') : t('archive')}
        </button>
        <button
          type="button"
          class="link"
          onClick={async () =>
            download(
              `${item.title.slice(0, 80)}.md`,
              await (await import('../../src/library/export-article-markdown')).exportArticleMarkdown(item.id),
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
            update(async () => {
              await deleteArticle(item.id);
              onDeleted(item);
            })
          }
        >
          {t('delete')}
        </button>
      </div>
    </li>
  );
}

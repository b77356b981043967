import { useState } from 'preact/hooks';
import { t } from '../../src/i18n';
import { undoDelete } from '../../src/library/delete-article';
import { ArticleItem } from './article-item';
import { ListNotice, type ListNoticeState } from './list-notice';
import type { ReadingList } from './use-reading-list';

/**
 * The list itself, the same in the popup and on the library page: the last action's notice (Undo after a
 * delete), "nothing here" in the words that fit (no match, or an empty library), the items, "Load more".
 */
export function ReadingListItems({ list, searching, lang }: { list: ReadingList; searching: boolean; lang: string }) {
  const [notice, setNotice] = useState<ListNoticeState | null>(null);
  const { items, next, update } = list;
  return (
    <>
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
        <button type="button" class="secondary" onClick={list.loadMore}>
          {t('loadMore')}
        </button>
      )}
    </>
  );
}

import { t } from '../../src/i18n';

/** A line for the reader about the last action ("Deleted: …"), with the id to restore when it can be undone. */
export interface ListNoticeState {
  text: string;
  undo?: string;
}

/** The reading list's notice (popup and library page): the text, and Undo after a delete. */
export function ListNotice({ notice, onUndo }: { notice: ListNoticeState | null; onUndo(id: string): void }) {
  if (!notice) return null;
  const { undo } = notice;
  return (
    <p class="notice" role="status">
      {notice.text}{' '}
      {undo && (
        <button type="button" class="link" onClick={() => onUndo(undo)}>
          {t('undo')}
        </button>
      )}
    </p>
  );
}

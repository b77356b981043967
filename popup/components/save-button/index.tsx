import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { formatNumber, t } from '../../../src/i18n';
import { deleteArticle, undoDelete } from '../../../src/library/delete-article';
import { findArticleByUrl } from '../../../src/library/get-article';
import type { SavedArticleSummary } from '../../../src/library/schema';
import { callBackground, onEvent, type TabInspection } from '../../../src/messages';
import { originsToRequest } from '../../image-origins';

type SaveState =
  | { kind: 'unknown' }
  | { kind: 'unsaved'; note?: string }
  | { kind: 'saving'; done: number; total: number }
  | { kind: 'saved'; id: string; note?: string }
  | { kind: 'removed'; id: string };

/**
 * "Save for later": asks for access to the image hosts the page does not share (so images can be stored),
 * then the background saves. Progress shows while images download; if the background is stopped in the
 * middle, the library is checked and the button says whether the article is there (whole) or not.
 */
export function SaveButton({ info }: { info: TabInspection }) {
  const [state, setState] = useState<SaveState>({ kind: 'unknown' });

  useEffect(() => {
    findArticleByUrl(info.url).then(
      (saved) => setState(saved && !saved.deletedAt ? { kind: 'saved', id: saved.id } : { kind: 'unsaved' }),
      // The library cannot be read (storage full, disk error): saving says why when it is tried.
      () => setState({ kind: 'unsaved' }),
    );
    return onEvent((event) => {
      if (event.type === 'saveProgress' && event.tabId === info.tabId) {
        setState({ kind: 'saving', done: event.done, total: event.total });
      }
    });
  }, [info.url, info.tabId]);

  const save = async () => {
    setState({ kind: 'saving', done: 0, total: 0 });
    // The save starts at once and does not wait for the permission prompt (which may close the popup): the
    // background stores the article now, and fetches the images of sites allowed later in a follow-up job.
    const saving = callBackground('saveArticle', { tabId: info.tabId });
    // Before any await: the browser only shows the prompt in response to the click.
    // The origins come from the page (the content script reads them there): checked before they are asked for.
    const foreign = originsToRequest(info.imageOrigins, info.url);
    if (foreign.length) void browser.permissions.request({ origins: foreign }).catch(() => false);
    try {
      const saved: SavedArticleSummary = await saving;
      const missing = saved.images.some((i) => i.missing);
      setState({ kind: 'saved', id: saved.id, note: missing ? t('imagesNeedNetwork') : undefined });
    } catch (error) {
      const stored = await findArticleByUrl(info.url).catch(() => null);
      if (stored && !stored.deletedAt) setState({ kind: 'saved', id: stored.id, note: t('saveInterruptedButSaved') });
      else {
        const message = error instanceof Error ? error.message : String(error);
        setState({
          kind: 'unsaved',
          note: /channel closed|port closed|Receiving end|connection/i.test(message) ? t('saveInterrupted') : message,
        });
      }
    }
  };

  if (state.kind === 'unknown') return null;
  if (state.kind === 'saving') {
    return (
      <button type="button" class="secondary" disabled aria-busy="true">
        {state.total ? t('savingProgress', formatNumber(state.done), formatNumber(state.total)) : t('saving')}
      </button>
    );
  }
  if (state.kind === 'saved') {
    return (
      <div class="save">
        <p class="saved-label" role="status">
          ✓ {t('saved')}
        </p>
        {state.note && <p class="notice">{state.note}</p>}
        <button
          type="button"
          class="secondary"
          onClick={async () => {
            await deleteArticle(state.id);
            setState({ kind: 'removed', id: state.id });
          }}
        >
          {t('removeFromSaved')}
        </button>
      </div>
    );
  }
  if (state.kind === 'removed') {
    return (
      <p class="notice" role="status">
        {t('removed')}{' '}
        <button
          type="button"
          class="link"
          onClick={async () => {
            await undoDelete(state.id);
            setState({ kind: 'saved', id: state.id });
          }}
        >
          {t('undo')}
        </button>
      </p>
    );
  }
  return (
    <div class="save">
      {state.note && (
        <p class="notice" role="alert">
          {state.note}
        </p>
      )}
      <button type="button" class="secondary" onClick={save}>
        {t('saveForLater')}
      </button>
    </div>
  );
}

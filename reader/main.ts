import './reader.css';
import type { Article } from '../src/article';
import { t, uiLocale } from '../src/i18n';
import { callBackground, QariError, READER_HELLO, READER_SHOWN, READER_TOKEN } from '../src/messages';
import { loadSettings, onSettingsChanged, saveSettings, stepFontSize, type Settings } from '../src/settings/settings';
import { loadSiteDirection, onSiteDirectionChanged, type DirectionChoice } from '../src/settings/site-direction';
import { applyDirection } from './apply-direction';
import { applySettings } from './apply-settings';
import type { EditBlocks } from './edit-blocks';
import { renderArticle } from './render-article';

/**
 * The reader page renders one Article, by the same code path whatever its source:
 * - reader.html: the live article of the tab it is shown in, in a frame over that tab, asked for through the
 *   background (never from the page's own scripts or DOM). The only page of Qari a web page may load (so that
 *   the content script can frame it): it shows nothing unless the content script that made the frame hands it
 *   its token (content/reader-frame.ts), and the background answers only for the tab the frame is in;
 * - saved.html?id=…: a saved article from the library, in its own tab, fully offline. Not web accessible: no
 *   page can frame, open or probe it.
 * Settings and the per-site direction apply live: a change in the popup restyles this page at once.
 */

const params = new URLSearchParams(location.search);
const isSaved = document.documentElement.dataset.page === 'saved';
const savedId = isSaved ? params.get('id') : null;
/** A live reader exists only as a frame over a page. */
const framed = parent !== window;
/**
 * The token from the content script that made this frame: asked for at once (the answer comes back before the
 * settings are loaded). Anything posted by the page itself cannot be told apart by origin, so the first answer is
 * taken; a page that front-runs it with a wrong one only stops its own reader, which it could remove anyway.
 */
const token = !framed
  ? Promise.resolve('')
  : new Promise<string>((resolve) => {
      const onMessage = (event: MessageEvent) => {
        const data = event.data as { type?: unknown; token?: unknown } | null;
        if (event.source !== parent || data?.type !== READER_TOKEN || typeof data.token !== 'string') return;
        removeEventListener('message', onMessage);
        resolve(data.token);
      };
      addEventListener('message', onMessage);
      parent.postMessage({ type: READER_HELLO }, '*');
    });
/** Loaded out of sight while the popup is open (content/reader-frame.ts): ready only once it is shown. */
const shown = new Promise<void>((resolve) => {
  if (!params.has('hidden')) return resolve();
  const onMessage = (event: MessageEvent) => {
    const data = event.data as { type?: unknown; token?: unknown } | null;
    if (event.source !== parent || data?.type !== READER_SHOWN) return;
    void token.then((mine) => {
      if (!mine || data.token !== mine) return;
      removeEventListener('message', onMessage);
      resolve();
    });
  };
  addEventListener('message', onMessage);
});
const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
const container = document.getElementById('reader')!;
const status = document.getElementById('status')!;
const closeButton = document.getElementById('close') as HTMLButtonElement;

let article: Article | null = null;
let settings: Settings | null = null;
let direction: DirectionChoice = 'auto';
let editing: EditBlocks | null = null;

function close(): void {
  void token.then((mine) => callBackground('closeReader', { token: mine })).catch(() => undefined);
}

function render(): void {
  if (!article || !settings) return;
  renderArticle(container, article, { easternDigits: settings.easternDigits, uiLang: uiLocale().lang });
  applyDirection(container, article.dir, direction);
  editing?.rendered();
}

function onSettings(next: Settings): void {
  const rerender = settings?.easternDigits !== next.easternDigits;
  settings = next;
  applySettings(next);
  if (rerender) render();
}

function onKey(event: KeyboardEvent): void {
  if (event.key === 'Escape' && !isSaved) return close();
  if (event.ctrlKey || event.metaKey || event.altKey || !settings) return;
  const target = event.target as HTMLElement | null;
  if (target?.closest('input, textarea, select, [contenteditable]')) return;
  // + and - (with or without Shift, main keyboard or keypad) step the font size.
  if (event.key === '+' || event.key === '=') void saveSettings({ fontSize: stepFontSize(settings.fontSize, 1) });
  else if (event.key === '-' || event.key === '_') void saveSettings({ fontSize: stepFontSize(settings.fontSize, -1) });
}

async function main(): Promise<void> {
  onSettings(await loadSettings());
  onSettingsChanged(onSettings);
  document.addEventListener('keydown', onKey);
  let progress: { id: string; initial: number; read: boolean } | null = null;
  let savedDirection: DirectionChoice | null = null;
  if (isSaved) {
    if (!savedId) throw new QariError('Nothing to show: open a saved article from the reading list.', 'not-article');
    // The saved-article path (the library, IndexedDB) loads only here: a live reader never needs it.
    const { loadSaved } = await import('./load-saved');
    const saved = await loadSaved(savedId);
    article = saved.article;
    savedDirection = saved.dirOverride;
    progress = { id: savedId, initial: saved.progress, read: !!(saved.article as { readAt?: number | null }).readAt };
    addEventListener('pagehide', saved.release);
  } else {
    if (!framed) throw new QariError('Nothing to show: this page opens from the Qari button.', 'not-article');
    closeButton.textContent = t('closeReader');
    closeButton.hidden = false;
    closeButton.addEventListener('click', close);
    // The toolbar speaks the browser's language, whatever the article's.
    Object.assign(document.querySelector<HTMLElement>('.toolbar')!, uiLocale());
    article = await callBackground('getLiveArticle', { token: await token });
  }
  direction = savedDirection ?? (await loadSiteDirection(article.url));
  onSiteDirectionChanged(article.url, (choice) => {
    direction = choice;
    if (article) applyDirection(container, article.dir, choice);
  });
  render();
  container.removeAttribute('aria-busy');
  if (progress) {
    const { id, initial, read } = progress;
    void import('./track-progress').then(({ trackProgress }) => trackProgress(id, initial, read));
  }
  // "Remove blocks" (live readers only) is fetched now, in parallel, and set up after the article is shown: it is
  // not on the way to the first paint.
  const editBlocks = isSaved ? null : import('./edit-blocks');
  // Ready means painted and visible: after the reveal, in the frame that shows it.
  await shown;
  await nextFrame();
  document.body.dataset.ready = 'ok';
  if (editBlocks && article) {
    const { url } = article;
    const { setUpBlockEditing } = await editBlocks;
    const mine = await token;
    editing = setUpBlockEditing({
      token: mine,
      url,
      container,
      reload: async () => {
        article = await callBackground('getLiveArticle', { token: mine });
        render();
        return article;
      },
    });
  }
}

main().catch((error: unknown) => {
  status.textContent = error instanceof Error ? error.message : String(error);
  status.classList.add('error');
  container.removeAttribute('aria-busy');
  document.body.dataset.ready = 'error';
});

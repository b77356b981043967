import './reader.css';
import type { Article } from '../src/article';
import { t } from '../src/i18n';
import { callBackground, QariError } from '../src/messages';
import { loadSettings, onSettingsChanged, saveSettings, stepFontSize, type Settings } from '../src/settings/settings';
import { loadSiteDirection, onSiteDirectionChanged, type DirectionChoice } from '../src/settings/site-direction';
import { applyDirection } from './apply-direction';
import { applySettings } from './apply-settings';
import { loadSaved } from './load-saved';
import { trackProgress } from './track-progress';
import { renderArticle } from './render-article';

/**
 * reader.html renders one Article, by the same code path whatever its source:
 * - `?tab=N`: the live article of tab N, shown in a frame over that tab, asked for through the background
 *   (never from the page's own scripts or DOM);
 * - `?id=…`: a saved article from the library, in its own tab, fully offline.
 * Settings and the per-site direction apply live: a change in the popup restyles this page at once.
 */

const params = new URLSearchParams(location.search);
const tabId = Number(params.get('tab'));
const savedId = params.get('id');
const container = document.getElementById('reader')!;
const status = document.getElementById('status')!;
const closeButton = document.getElementById('close') as HTMLButtonElement;

let article: Article | null = null;
let settings: Settings | null = null;
let direction: DirectionChoice = 'auto';

function close(): void {
  void callBackground('closeReader', { tabId }).catch(() => undefined);
}

function render(): void {
  if (!article || !settings) return;
  renderArticle(container, article, { easternDigits: settings.easternDigits });
  applyDirection(container, article.dir, direction);
}

function onSettings(next: Settings): void {
  const rerender = settings?.easternDigits !== next.easternDigits;
  settings = next;
  applySettings(next);
  if (rerender) render();
}

function onKey(event: KeyboardEvent): void {
  if (event.key === 'Escape' && !savedId) return close();
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
  if (savedId) {
    const saved = await loadSaved(savedId);
    article = saved.article;
    savedDirection = saved.dirOverride;
    progress = { id: savedId, initial: saved.progress, read: !!(saved.article as { readAt?: number | null }).readAt };
    addEventListener('pagehide', saved.release);
  } else {
    if (!Number.isInteger(tabId) || tabId < 0)
      throw new QariError('Nothing to show: this page opens from the Qari button.', 'not-article');
    closeButton.textContent = t('closeReader');
    closeButton.hidden = false;
    closeButton.addEventListener('click', close);
    article = await callBackground('getLiveArticle', { tabId });
  }
  direction = savedDirection ?? (await loadSiteDirection(article.url));
  onSiteDirectionChanged(article.url, (choice) => {
    direction = choice;
    if (article) applyDirection(container, article.dir, choice);
  });
  render();
  container.removeAttribute('aria-busy');
  if (progress) trackProgress(progress.id, progress.initial, progress.read);
  document.body.dataset.ready = 'ok';
}

main().catch((error: unknown) => {
  status.textContent = error instanceof Error ? error.message : String(error);
  status.classList.add('error');
  container.removeAttribute('aria-busy');
  document.body.dataset.ready = 'error';
});

import './reader.css';
import { callBackground, QariError } from '../src/messages';
import { loadSettings, onSettingsChanged } from '../src/settings/settings';
import { applySettings } from './apply-settings';
import { renderArticle } from './render-article';

/**
 * reader.html renders one Article. `?tab=N`: the live article of tab N, shown in a frame over that tab.
 * It asks for the article through the background, so it never depends on the page's own scripts or DOM.
 */

const params = new URLSearchParams(location.search);
const tabId = Number(params.get('tab'));
const container = document.getElementById('reader')!;
const status = document.getElementById('status')!;
const closeButton = document.getElementById('close') as HTMLButtonElement;

function close(): void {
  void callBackground('closeReader', { tabId }).catch(() => undefined);
}

async function main(): Promise<void> {
  const settingsReady = loadSettings().then(applySettings);
  onSettingsChanged(applySettings);
  if (!Number.isInteger(tabId) || tabId < 0)
    throw new QariError('Nothing to show: this page opens from the Qari button.', 'not-article');
  closeButton.hidden = false;
  closeButton.addEventListener('click', close);
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') close();
  });
  const article = await callBackground('getLiveArticle', { tabId });
  await settingsReady;
  renderArticle(container, article);
  container.removeAttribute('aria-busy');
  document.body.dataset.ready = 'ok';
}

main().catch((error: unknown) => {
  status.textContent = error instanceof Error ? error.message : String(error);
  status.classList.add('error');
  container.removeAttribute('aria-busy');
  document.body.dataset.ready = 'error';
});

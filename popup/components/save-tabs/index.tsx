import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { formatNumber, t } from '../../../src/i18n';
import { callBackground } from '../../../src/messages';

/** Every site: reading the window's other tabs, and fetching those that cannot be read live. */
const ALL_SITES = ['https://*/*', 'http://*/*'];

/**
 * "Save all N tabs" of the window the popup acts on. The click asks for access to sites first (the prompt needs
 * the click); refused, it says what still works.
 */
export function SaveTabs({ tabId }: { tabId: number }) {
  const [windowId, setWindowId] = useState<number | null>(null);
  const [count, setCount] = useState(0);
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void browser.tabs
      .get(tabId)
      .then(async ({ windowId }) => {
        if (windowId === undefined) return;
        setWindowId(windowId);
        setCount((await browser.tabs.query({ windowId })).length);
      })
      .catch(() => undefined);
  }, [tabId]);

  if (windowId === null || count < 2) return null;
  const save = async () => {
    // Must be the first await: the browser only shows the prompt in response to the click.
    const granted = await browser.permissions.request({ origins: ALL_SITES }).catch(() => false);
    if (!granted) return setNote(t('siteAccessRefused'));
    setBusy(true);
    try {
      const r = await callBackground('saveTabs', { windowId });
      setNote(t('tabsSaved', formatNumber(r.saved), formatNumber(r.queued), formatNumber(r.alreadySaved)));
    } catch (error) {
      setNote(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="save">
      {note && (
        <p class="notice" role="status">
          {note}
        </p>
      )}
      <button type="button" class="secondary" disabled={busy} aria-busy={busy} onClick={save}>
        {busy ? t('savingTabs') : t('saveAllTabs', formatNumber(count))}
      </button>
    </div>
  );
}

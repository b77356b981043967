import { useEffect, useState } from 'preact/hooks';
import { callBackground, type TabInspection } from '../src/messages';
import { targetTabId } from './target-tab';

type State =
  | { kind: 'loading' }
  | { kind: 'ready'; info: TabInspection; busy: boolean; error: string | null }
  | { kind: 'error'; message: string };

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function App() {
  const [state, setState] = useState<State>({ kind: 'loading' });

  useEffect(() => {
    void (async () => {
      try {
        const tabId = await targetTabId();
        if (tabId === null) throw new Error('There is no tab to read.');
        document.body.dataset.tab = String(tabId);
        const info = await callBackground('inspectTab', { tabId });
        setState({ kind: 'ready', info, busy: false, error: null });
      } catch (error) {
        setState({ kind: 'error', message: message(error) });
      } finally {
        document.body.dataset.ready = 'true';
      }
    })();
  }, []);

  if (state.kind === 'loading')
    return (
      <p class="status" role="status">
        Reading this page…
      </p>
    );
  if (state.kind === 'error')
    return (
      <main>
        <h1 class="brand">Qari</h1>
        <p class="notice" role="alert">
          {state.message}
        </p>
        <button type="button" class="primary" disabled>
          Open reader view
        </button>
      </main>
    );

  const { info, busy, error } = state;
  const toggle = async () => {
    setState({ ...state, busy: true, error: null });
    try {
      const { open } = await callBackground('setReaderOpen', { tabId: info.tabId, open: !info.readerOpen });
      setState({ kind: 'ready', info: { ...info, readerOpen: open }, busy: false, error: null });
      // As a real popup, get out of the reader's way once it is open.
      if (open && !new URLSearchParams(location.search).has('tab')) window.close();
    } catch (err) {
      setState({ kind: 'ready', info, busy: false, error: message(err) });
    }
  };

  return (
    <main>
      <h1 class="brand">Qari</h1>
      {info.title && (
        <p class="title" dir="auto">
          {info.title}
        </p>
      )}
      {info.readingTimeMinutes !== null && (
        <p class="meta">
          {info.readingTimeMinutes} min read{info.dir === 'rtl' ? ' · right to left' : ''}
        </p>
      )}
      {info.reason && (
        <p class="notice" role="note">
          {info.reason}
        </p>
      )}
      <button type="button" class="primary" disabled={!info.isArticle || busy} onClick={toggle}>
        {info.readerOpen ? 'Close reader view' : 'Open reader view'}
      </button>
      {error && (
        <p class="notice" role="alert">
          {error}
        </p>
      )}
    </main>
  );
}

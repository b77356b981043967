import { useEffect, useState } from 'preact/hooks';
import { countStrong } from '../src/direction';
import { t, uiLocale } from '../src/i18n';
import { readingTimeLabel } from '../src/reading-labels';
import { isArabicScript, readingScript } from '../src/reading-script';
import { callBackground, holdPreparedReader, type PreparedReader, type TabInspection } from '../src/messages';
import type { Script } from '../src/settings/settings';
import { loadSiteDirection, saveSiteDirection, type DirectionChoice } from '../src/settings/site-direction';
import { ReaderToggle } from './components/reader-toggle';
import { ReadingList } from './components/reading-list';
import { RemovedBlocks } from './components/removed-blocks';
import { SaveButton } from './components/save-button';
import { ReadingSettings } from './components/reading-settings';
import { targetTabId } from './target-tab';
import { useSettings } from './use-settings';

type State =
  | { kind: 'loading' }
  | { kind: 'ready'; info: TabInspection; busy: boolean; error: string | null }
  | { kind: 'error'; message: string };

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Which font list the popup offers: the faces that fit this article's script (Urdu: Nastaliq first). */
function scriptFor(info: TabInspection | null): Script {
  return info ? readingScript(info.lang, info.title ?? '') : 'latin';
}

/** Direction of the title by majority of its letters (dir=auto would follow a leading Latin site name). */
function titleDir(title: string): 'rtl' | 'ltr' | undefined {
  const { rtl, ltr } = countStrong(title);
  return rtl === ltr ? undefined : rtl > ltr ? 'rtl' : 'ltr';
}

/** Reading time in the interface's language, isolated so its number stays with its words. */
function ReadingTime({ minutes }: { minutes: number }) {
  const label = readingTimeLabel(minutes, uiLocale().lang);
  return (
    <bdi dir={label.dir} lang={label.lang}>
      {label.text}
    </bdi>
  );
}

let prepared: PreparedReader | null = null;

type SaveTabsComponent = typeof import('./components/save-tabs').SaveTabs;

/** "Save all N tabs", loaded after the popup's first paint: it is not needed for it (popup budget, bench/sizes.ts). */
function LazySaveTabs({ tabId }: { tabId: number }) {
  const [SaveTabs, setSaveTabs] = useState<SaveTabsComponent | null>(null);
  useEffect(() => {
    void import('./components/save-tabs').then((m) => setSaveTabs(() => m.SaveTabs));
  }, []);
  return SaveTabs ? <SaveTabs tabId={tabId} /> : null;
}

export function App() {
  const [state, setState] = useState<State>({ kind: 'loading' });
  const [settings, updateSettings] = useSettings();
  const [direction, setDirection] = useState<DirectionChoice | null>(null);
  const [view, setView] = useState<'page' | 'list'>('page');

  useEffect(() => {
    void (async () => {
      try {
        const tabId = await targetTabId();
        if (tabId === null) throw new Error(t('noTab'));
        document.body.dataset.tab = String(tabId);
        const info = await callBackground('inspectTab', { tabId });
        // Load the reader out of sight now, so the click only reveals it (held until this popup closes).
        if (info.isArticle && !info.readerOpen) prepared = holdPreparedReader(tabId);
        setDirection(info.isArticle ? await loadSiteDirection(info.url) : null);
        setState({ kind: 'ready', info, busy: false, error: null });
      } catch (error) {
        setState({ kind: 'error', message: message(error) });
      } finally {
        document.body.dataset.ready = 'true';
      }
    })();
  }, []);

  if (state.kind === 'loading') {
    return (
      <p class="status" role="status">
        {t('readingPage')}
      </p>
    );
  }
  const info = state.kind === 'ready' ? state.info : null;
  const toggle = async () => {
    if (state.kind !== 'ready') return;
    setState({ ...state, busy: true, error: null });
    try {
      const opening = !state.info.readerOpen;
      // Opening reveals the reader this popup prepared; the worker's path is the fallback (and closes it).
      let open = opening && prepared ? (await prepared.show()).open : false;
      if (!open) ({ open } = await callBackground('setReaderOpen', { tabId: state.info.tabId, open: opening }));
      if (open) prepared = null;
      setState({ kind: 'ready', info: { ...state.info, readerOpen: open }, busy: false, error: null });
      // As a real popup, get out of the reader's way once it is open.
      if (open && !new URLSearchParams(location.search).has('tab')) window.close();
    } catch (err) {
      setState({ ...state, busy: false, error: message(err) });
    }
  };
  const script = scriptFor(info);

  const tabs = (
    <div class="tabs" role="tablist">
      {(['page', 'list'] as const).map((v) => (
        <button
          key={v}
          type="button"
          role="tab"
          id={`tab-${v}`}
          aria-selected={view === v}
          aria-controls="panel"
          onClick={() => setView(v)}
        >
          {v === 'page' ? t('tabThisPage') : t('tabReadingList')}
        </button>
      ))}
    </div>
  );
  if (view === 'list') {
    return (
      <main>
        <h1 class="brand">{t('extName')}</h1>
        {tabs}
        <div id="panel" role="tabpanel" aria-labelledby="tab-list">
          <ReadingList />
        </div>
      </main>
    );
  }

  return (
    <main>
      <h1 class="brand">{t('extName')}</h1>
      {tabs}
      <div id="panel" role="tabpanel" aria-labelledby="tab-page">
        {info?.title && (
          <p class="title" dir={titleDir(info.title) ?? 'auto'} lang={info.lang ?? undefined}>
            {info.title}
          </p>
        )}
        {info?.readingTimeMinutes != null && (
          <p class="meta">
            <ReadingTime minutes={info.readingTimeMinutes} />
            {info.dir === 'rtl' && (
              <>
                {' · '}
                <bdi>{t('rightToLeft')}</bdi>
              </>
            )}
          </p>
        )}
        {state.kind === 'error' && (
          <p class="notice" role="alert">
            {state.message}
          </p>
        )}
        {(info?.reason ?? info?.notice) && (
          <p class="notice" role="note">
            {info.reason ?? info.notice}
          </p>
        )}
        <ReaderToggle
          open={!!info?.readerOpen}
          disabled={!info?.isArticle || (state.kind === 'ready' && state.busy)}
          onToggle={toggle}
        />
        {state.kind === 'ready' && state.error && (
          <p class="notice" role="alert">
            {state.error}
          </p>
        )}
        {info?.isArticle && <SaveButton info={info} />}
        {info && <LazySaveTabs tabId={info.tabId} />}
        {info && <RemovedBlocks url={info.url} />}
        {settings && (
          <ReadingSettings
            settings={settings}
            onChange={updateSettings}
            script={script}
            arabicScript={isArabicScript(script)}
            direction={direction}
            onDirection={(choice) => {
              setDirection(choice);
              if (info) void saveSiteDirection(info.url, choice);
            }}
          />
        )}
      </div>
    </main>
  );
}

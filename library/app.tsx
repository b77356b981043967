import { useState } from 'preact/hooks';
import { t } from '../src/i18n';
import { ImportPanel } from './components/import-panel';
import { ImportProgress } from './components/import-progress';
import { LibraryList } from './components/library-list';

/** The full-page library: the reading list, and beside it import with its progress. */
export function App() {
  // Bumped after an import, so the list and the tags are read again.
  const [generation, setGeneration] = useState(0);
  const [importRunning, setImportRunning] = useState(0);
  return (
    <div class="library">
      <header class="library-header">
        <h1>{t('libraryTitle')}</h1>
      </header>
      <div class="library-body">
        <LibraryList generation={generation} />
        <aside class="import-column" aria-label={t('importTitle')}>
          <ImportPanel onImported={() => setGeneration((n) => n + 1)} onQueued={() => setImportRunning((n) => n + 1)} />
          <ImportProgress started={importRunning} onProgress={() => setGeneration((n) => n + 1)} />
        </aside>
      </div>
    </div>
  );
}

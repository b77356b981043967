import { useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { formatNumber, t, type MessageKey } from '../../../src/i18n';
import { detectFormat, type ImportFormat } from '../../../src/import/detect-format';
import type { ParsedImport, SkipCode, SkippedRow } from '../../../src/import/parsed-import';
import { tagKey } from '../../../src/library/tag-key';
import { parseOffThread } from '../../parse-off-thread';
import { enqueueEntries } from '../../queue-client';

/** Host access Qari asks for to fetch imported pages (optional_host_permissions in manifest.json). */
const WEB_ORIGINS = ['https://*/*', 'http://*/*'];
/** The skipped rows listed under the summary; the rest are counted. */
const SKIPPED_SHOWN = 50;

type State =
  | { kind: 'idle' }
  | { kind: 'reading'; name: string }
  | { kind: 'unknown'; name: string }
  | { kind: 'qari'; name: string; bytes: Uint8Array; articles: number; tags: number }
  | {
      kind: 'found';
      name: string;
      format: Exclude<ImportFormat, 'qari'>;
      parsed: ParsedImport;
      tags: number;
      /** Host access already granted: Import needs no prompt. */
      hasAccess: boolean;
    }
  | { kind: 'busy'; name: string }
  | { kind: 'done'; text: string }
  | { kind: 'error'; text: string };

function countTags(tagLists: string[][]): number {
  return new Set(tagLists.flatMap((tags) => tags.map(tagKey))).size;
}

/** Each reason in the reader's language (the importers' English `reason` carries detail for logs and tests). */
const SKIP_TEXT: Record<SkipCode, MessageKey> = {
  'no-url': 'skipNoUrl',
  'bad-url': 'skipBadUrl',
  'not-web': 'skipNotWeb',
  malformed: 'skipMalformed',
  'wrong-format': 'skipWrongFormat',
};

function skippedLine(row: SkippedRow): string {
  const reason = t(SKIP_TEXT[row.code]);
  const at = formatNumber(row.at);
  const where = row.unit === 'line' ? t('skippedLine', at, reason) : t('skippedItem', at, reason);
  return row.url ? `${where} (${row.url})` : where;
}

export interface ImportPanelProps {
  /** Articles were written to the library (a Qari export): the list should be read again. */
  onImported(): void;
  /** Entries went to the save queue: progress should be shown. */
  onQueued(): void;
}

/**
 * Import: a file from the picker or dropped on the panel is recognized (detectFormat), read without
 * freezing the page, and summed up ("Links: 214 · Tags: 12 · Skipped: 3"); Import then brings it in. A Qari export
 * is written to the library here; another app's links go to the background's save queue, after the browser
 * grants host access (asked in the click itself: permissions.request needs the user's gesture).
 */
export function ImportPanel({ onImported, onQueued }: ImportPanelProps) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [dragging, setDragging] = useState(false);

  const read = async (file: File) => {
    setState({ kind: 'reading', name: file.name });
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      const format = detectFormat(file.name, bytes);
      if (!format) return setState({ kind: 'unknown', name: file.name });
      if (format === 'qari') {
        // Checked whole (readExport) before anything is written, so the count is what Import will bring.
        const { readExport } = await import('../../../src/library/read-export');
        const articles = readExport(bytes);
        const tags = countTags(articles.map((a) => a.record.tags));
        return setState({ kind: 'qari', name: file.name, bytes, articles: articles.length, tags });
      }
      const parsed = await parseOffThread(format, bytes);
      // Asked now, so that the click can go straight to the prompt (or past it) without another await first.
      const hasAccess = await browser.permissions.contains({ origins: WEB_ORIGINS }).catch(() => false);
      const tags = countTags(parsed.entries.map((e) => e.tags));
      setState({ kind: 'found', name: file.name, format, parsed, tags, hasAccess });
    } catch (error) {
      setState({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    }
  };

  const importQari = async (bytes: Uint8Array, name: string) => {
    setState({ kind: 'busy', name });
    try {
      const { importLibrary } = await import('../../../src/library/import-library');
      const result = await importLibrary(bytes);
      setState({ kind: 'done', text: t('imported', formatNumber(result.added), formatNumber(result.updated)) });
      onImported();
    } catch (error) {
      setState({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    }
  };

  const importLinks = async (parsed: ParsedImport, name: string, hasAccess: boolean) => {
    // First, inside the click: a permission request after an await may have lost the user's gesture.
    const granted = hasAccess || (await browser.permissions.request({ origins: WEB_ORIGINS }).catch(() => false));
    setState({ kind: 'busy', name });
    // Refused: the articles whose text the file holds (Omnivore, wallabag) need no fetch; the others do.
    const entries = granted ? parsed.entries : parsed.entries.filter((entry) => entry.content);
    if (!entries.length) return setState({ kind: 'done', text: t('importRefusedNone') });
    try {
      const result = await enqueueEntries(entries, name);
      const queued = t('queued', formatNumber(result.queued), formatNumber(result.alreadySaved));
      setState({
        kind: 'done',
        text: granted ? queued : `${t('importRefused', formatNumber(entries.length))} ${queued}`,
      });
      onQueued();
    } catch {
      setState({ kind: 'error', text: t('queueUnavailable') });
    }
  };

  return (
    <section
      class={dragging ? 'import-panel dragging' : 'import-panel'}
      id="import-panel"
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        const file = e.dataTransfer?.files[0];
        if (file) void read(file);
      }}
    >
      <h2>{t('importTitle')}</h2>
      <p class="hint">{t('importHint')}</p>
      <div class="drop-zone">
        <label class="file-button">
          {t('importChoose')}
          <input
            type="file"
            id="import-file"
            accept=".csv,.zip,.json,.html,.htm,text/csv,application/zip,application/json,text/html"
            onChange={(e) => {
              const input = e.currentTarget;
              const file = input.files?.[0];
              // Cleared so choosing the same file again is still a change.
              input.value = '';
              if (file) void read(file);
            }}
          />
        </label>
        <span class="muted">{t('importDrop')}</span>
      </div>
      <div id="import-status" role="status" aria-live="polite">
        {state.kind === 'reading' && <p class="muted">{t('importReading')}</p>}
        {state.kind === 'unknown' && <p class="error">{t('importUnknown')}</p>}
        {state.kind === 'error' && <p class="error">{state.text}</p>}
        {state.kind === 'done' && <p class="notice">{state.text}</p>}
        {state.kind === 'qari' && (
          <>
            <p class="found" id="import-found" dir="auto">
              {t('importFoundQari', formatNumber(state.articles), formatNumber(state.tags))}
            </p>
            <button
              type="button"
              class="primary"
              id="import-start"
              onClick={() => void importQari(state.bytes, state.name)}
            >
              {t('importStart')}
            </button>
          </>
        )}
        {state.kind === 'found' && (
          <>
            <p class="found" id="import-found">
              {t(
                'importFound',
                formatNumber(state.parsed.entries.length),
                formatNumber(state.tags),
                formatNumber(state.parsed.skipped.length),
              )}
            </p>
            {state.parsed.skipped.length > 0 && (
              <details class="skipped">
                <summary>{t('skippedShow')}</summary>
                <ul>
                  {state.parsed.skipped.slice(0, SKIPPED_SHOWN).map((row, i) => (
                    <li key={i} dir="auto">
                      {skippedLine(row)}
                    </li>
                  ))}
                </ul>
              </details>
            )}
            {state.parsed.entries.length > 0 && (
              <>
                {!state.hasAccess && <p class="hint">{t('importWhy')}</p>}
                <button
                  type="button"
                  class="primary"
                  id="import-start"
                  onClick={() => void importLinks(state.parsed, state.name, state.hasAccess)}
                >
                  {t('importStart')}
                </button>
              </>
            )}
          </>
        )}
      </div>
    </section>
  );
}

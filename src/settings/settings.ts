import browser from 'webextension-polyfill';

/**
 * Reading settings: one module owns their shape, defaults and migrations. Stored in the browser's sync
 * storage when it exists (the reader's settings follow them to other machines), local storage otherwise.
 */

export type Theme = 'system' | 'light' | 'sepia' | 'dark';

export interface Settings {
  /** Body font size in CSS px. */
  fontSize: number;
  theme: Theme;
}

export const DEFAULT_SETTINGS: Settings = { fontSize: 20, theme: 'system' };
export const FONT_SIZES = [14, 15, 16, 17, 18, 19, 20, 22, 24, 26, 28, 32, 36, 40] as const;

const KEY = 'settings';
const VERSION = 1;

interface Stored {
  version: number;
  values: Partial<Settings>;
}

/** Each entry upgrades stored values from version N to N+1. Never edit one once released; add the next. */
const MIGRATIONS: ((values: Record<string, unknown>) => Record<string, unknown>)[] = [];

function area() {
  return browser.storage.sync ?? browser.storage.local;
}

export function migrate(stored: Partial<Stored> | undefined): Settings {
  let values: Record<string, unknown> = { ...(stored?.values ?? {}) };
  for (let v = stored?.version ?? VERSION; v < VERSION; v++) values = MIGRATIONS[v - 1]?.(values) ?? values;
  const merged = { ...DEFAULT_SETTINGS, ...values } as Settings;
  // Guard against values written by a newer or broken version.
  if (typeof merged.fontSize !== 'number' || merged.fontSize < 8 || merged.fontSize > 96)
    merged.fontSize = DEFAULT_SETTINGS.fontSize;
  if (!['system', 'light', 'sepia', 'dark'].includes(merged.theme)) merged.theme = DEFAULT_SETTINGS.theme;
  return merged;
}

export async function loadSettings(): Promise<Settings> {
  try {
    const stored = (await area().get(KEY))[KEY] as Stored | undefined;
    return migrate(stored);
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
}

export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const next = { ...(await loadSettings()), ...patch };
  await area().set({ [KEY]: { version: VERSION, values: next } satisfies Stored });
  return next;
}

export function onSettingsChanged(callback: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, browser.Storage.StorageChange>) => {
    if (changes[KEY]) callback(migrate(changes[KEY].newValue as Stored | undefined));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

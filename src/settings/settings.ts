import browser from 'webextension-polyfill';
import {
  DEFAULT_SETTINGS,
  migrateSettings,
  SETTINGS_VERSION,
  type Settings,
  type StoredSettings,
} from './settings-schema';

/**
 * Reading settings: this module owns where they live. Sync storage when the browser has it (the reader's
 * settings follow them to their other machines), local storage otherwise. Everything about their shape,
 * defaults and migrations is in settings-schema.ts, which has no browser dependency.
 */

export * from './settings-schema';

const KEY = 'settings';

function area() {
  return browser.storage.sync ?? browser.storage.local;
}

export async function loadSettings(): Promise<Settings> {
  try {
    return migrateSettings((await area().get(KEY))[KEY] as StoredSettings | undefined);
  } catch {
    // Sync storage can be disabled by policy or fail offline: reading must still work, with defaults.
    return structuredClone(DEFAULT_SETTINGS);
  }
}

/** Applies `patch` to the stored settings. Nested per-script fonts merge rather than replace. */
export async function saveSettings(patch: Partial<Settings>): Promise<Settings> {
  const current = await loadSettings();
  const next = migrateSettings({
    version: SETTINGS_VERSION,
    values: { ...current, ...patch, fonts: { ...current.fonts, ...patch.fonts } },
  });
  const stored: StoredSettings = { version: SETTINGS_VERSION, values: { ...next } };
  await area().set({ [KEY]: stored });
  return next;
}

export function onSettingsChanged(callback: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, browser.Storage.StorageChange>) => {
    if (changes[KEY]) callback(migrateSettings(changes[KEY].newValue as StoredSettings | undefined));
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

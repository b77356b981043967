import { useEffect, useState } from 'preact/hooks';
import { loadSettings, onSettingsChanged, saveSettings, type Settings } from '../src/settings/settings';

/** The stored reading settings, kept current (another popup or the reader's +/- keys may change them). */
export function useSettings(): [Settings | null, (patch: Partial<Settings>) => void] {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    void loadSettings().then(setSettings);
    return onSettingsChanged(setSettings);
  }, []);
  const update = (patch: Partial<Settings>) => {
    if (settings) setSettings({ ...settings, ...patch, fonts: { ...settings.fonts, ...patch.fonts } });
    void saveSettings(patch);
  };
  return [settings, update];
}

import type { Settings } from '../src/settings/settings';

/** Reading settings become CSS custom properties and a theme attribute on the root: no re-render needed. */
export function applySettings(settings: Settings): void {
  const root = document.documentElement;
  root.style.setProperty('--qari-font-size', `${settings.fontSize}px`);
  root.dataset.theme = settings.theme;
}

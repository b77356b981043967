import browser from 'webextension-polyfill';
import type { Direction } from '../article';

/**
 * The reader's manual text-direction choice, remembered per site (host). Local storage: it is a list that
 * grows with every site, which sync storage's small per-item quota is not made for.
 */

export type DirectionChoice = 'auto' | Direction;
const KEY = 'siteDirections';

export function siteKey(url: string): string | null {
  try {
    return new URL(url).host.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

async function all(): Promise<Record<string, Direction>> {
  return ((await browser.storage.local.get(KEY))[KEY] as Record<string, Direction> | undefined) ?? {};
}

export async function loadSiteDirection(url: string): Promise<DirectionChoice> {
  const key = siteKey(url);
  return (key && (await all())[key]) || 'auto';
}

export async function saveSiteDirection(url: string, choice: DirectionChoice): Promise<void> {
  const key = siteKey(url);
  if (!key) return;
  const map = await all();
  if (choice === 'auto') delete map[key];
  else map[key] = choice;
  await browser.storage.local.set({ [KEY]: map });
}

export function onSiteDirectionChanged(url: string, callback: (choice: DirectionChoice) => void): () => void {
  const key = siteKey(url);
  const listener = (changes: Record<string, browser.Storage.StorageChange>, areaName: string) => {
    if (areaName !== 'local' || !changes[KEY] || !key) return;
    callback(((changes[KEY].newValue as Record<string, Direction> | undefined) ?? {})[key] ?? 'auto');
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

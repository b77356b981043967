import browser from 'webextension-polyfill';
import { siteKey } from '../settings/site-direction';
import { MAX_FINGERPRINT, type BlockRule } from './block-rule';

/**
 * The blocks a reader removed with "Remove this block", per site (host), in local storage: the one module that
 * reads or writes them. Versioned shape; anything malformed (hand-edited, from a future version's field) is
 * dropped entry by entry rather than failing the whole list.
 */

export interface RemovedBlock {
  id: string;
  rule: BlockRule;
  /** What the popup shows for it: the start of the block's text. */
  label: string;
  addedAt: number;
}

interface StoredV1 {
  version: 1;
  sites: Record<string, RemovedBlock[]>;
}

export const KEY = 'siteRules';
const VERSION = 1;
/** More than anyone removes by hand; a cap keeps one site's list from growing without end. */
export const MAX_PER_SITE = 200;
const MAX_SELECTOR = 300;
const MAX_LABEL = 120;

function validRule(rule: unknown): rule is BlockRule {
  const r = rule as Partial<{ kind: string; selector: unknown; text: unknown }> | null;
  if (!r || typeof r !== 'object') return false;
  if (r.kind === 'selector') return typeof r.selector === 'string' && !!r.selector && r.selector.length <= MAX_SELECTOR;
  if (r.kind === 'text') return typeof r.text === 'string' && !!r.text && r.text.length <= MAX_FINGERPRINT;
  return false;
}

function validBlock(block: unknown): block is RemovedBlock {
  const b = block as Partial<RemovedBlock> | null;
  return (
    !!b && typeof b.id === 'string' && typeof b.label === 'string' && typeof b.addedAt === 'number' && validRule(b.rule)
  );
}

/** Reads any stored shape into the current one (nothing stored yet: empty). */
export function migrate(raw: unknown): StoredV1 {
  const stored = raw as Partial<StoredV1> | null | undefined;
  const sites: Record<string, RemovedBlock[]> = {};
  if (stored && typeof stored === 'object' && stored.sites && typeof stored.sites === 'object') {
    for (const [host, blocks] of Object.entries(stored.sites)) {
      const kept = Array.isArray(blocks) ? blocks.filter(validBlock).slice(-MAX_PER_SITE) : [];
      if (kept.length) sites[host] = kept;
    }
  }
  return { version: VERSION, sites };
}

async function load(): Promise<StoredV1> {
  return migrate((await browser.storage.local.get(KEY))[KEY]);
}

const sameRule = (a: BlockRule, b: BlockRule) =>
  a.kind === b.kind &&
  (a.kind === 'selector' ? a.selector === (b as typeof a).selector : a.text === (b as typeof a).text);

export async function loadRemovedBlocks(url: string): Promise<RemovedBlock[]> {
  const key = siteKey(url);
  return key ? ((await load()).sites[key] ?? []) : [];
}

/** Remembers a removed block for the site of `url`; the same rule twice is stored once. */
export async function addRemovedBlock(
  url: string,
  rule: BlockRule,
  label: string,
  id: string = crypto.randomUUID(),
): Promise<RemovedBlock | null> {
  const key = siteKey(url);
  if (!key || !validRule(rule)) return null;
  const stored = await load();
  const blocks = stored.sites[key] ?? [];
  const existing = blocks.find((b) => sameRule(b.rule, rule));
  if (existing) return existing;
  const block: RemovedBlock = {
    id,
    rule,
    label: label.replace(/\s+/g, ' ').trim().slice(0, MAX_LABEL),
    addedAt: Date.now(),
  };
  stored.sites[key] = [...blocks, block].slice(-MAX_PER_SITE);
  await browser.storage.local.set({ [KEY]: stored });
  return block;
}

/** Forgets a removed block: it shows again on the site's pages. */
export async function restoreRemovedBlock(url: string, id: string): Promise<void> {
  const key = siteKey(url);
  if (!key) return;
  const stored = await load();
  const blocks = (stored.sites[key] ?? []).filter((b) => b.id !== id);
  if (blocks.length) stored.sites[key] = blocks;
  else delete stored.sites[key];
  await browser.storage.local.set({ [KEY]: stored });
}

export function onRemovedBlocksChanged(url: string, callback: (blocks: RemovedBlock[]) => void): () => void {
  const key = siteKey(url);
  const listener = (changes: Record<string, browser.Storage.StorageChange>, areaName: string) => {
    if (areaName !== 'local' || !changes[KEY] || !key) return;
    callback(migrate(changes[KEY].newValue).sites[key] ?? []);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

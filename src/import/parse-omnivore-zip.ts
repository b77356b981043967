import { strFromU8 } from 'fflate';
import type { ImportEntry, ImportState } from './import-entry';
import { EntryCollector, isoTime, SKIP_REASONS } from './entry-collector';
import type { ParsedImport } from './parsed-import';
import { listZip, readZipEntries, ZipLimitError } from './read-zip-entries';

/**
 * Omnivore's export zip, as its server wrote it (packages/api/src/jobs/export.ts in omnivore-app/omnivore,
 * 2024): `metadata_<from>_to_<to>.json` per batch of 20 items, each an array of
 * `{id, slug, title, description, author, url, state, readingProgress, thumbnail, labels, savedAt, updatedAt,
 * publishedAt}`; `content/<slug>.html` with the readable HTML (or `content/<slug>.pdf` for an uploaded PDF),
 * and `highlights/<slug>.md`. `state` is "Archived", "Active" or "Unknown" there; older exports and
 * third-party tools write the raw states ("ARCHIVED", "SUCCEEDED"), so both are read. `labels` are names,
 * `savedAt` an ISO 8601 time, `readingProgress` the percent read (0–100).
 */
const METADATA = /^(?:[^/]+\/)?metadata_\d+_to_\d+\.json$/;

const LIMITS = {
  maxEntries: 200_000,
  /** An article's readable HTML: far above any real one. */
  maxFileBytes: 64 * 1024 * 1024,
  /** Every metadata file and article of the export, uncompressed. */
  maxTotalBytes: 2 * 1024 * 1024 * 1024,
};

/** Read to the end (Omnivore's bottom-of-article percent); a reader rarely scrolls to exactly 100. */
const READ_PERCENT = 98;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

function stateOf(item: Record<string, unknown>): ImportState {
  if (typeof item.state === 'string' && item.state.toLowerCase() === 'archived') return 'archived';
  return typeof item.readingProgress === 'number' && item.readingProgress >= READ_PERCENT ? 'read' : 'unread';
}

/** Whether a zip is an Omnivore export: it has at least one metadata_N_to_M.json. */
export function isOmnivoreZip(names: Iterable<string>): boolean {
  for (const name of names) if (METADATA.test(name)) return true;
  return false;
}

export function parseOmnivoreZip(bytes: Uint8Array): ParsedImport {
  const collector = new EntryCollector();
  let names: Map<string, number>;
  try {
    names = listZip(bytes, LIMITS.maxEntries);
  } catch (error) {
    collector.skip({ at: 1, unit: 'entry', code: 'wrong-format', reason: refusal(error) });
    return collector.result();
  }
  const metadataFiles = [...names.keys()].filter((name) => METADATA.test(name)).sort(byBatch);
  if (metadataFiles.length === 0) {
    collector.skip({
      at: 1,
      unit: 'entry',
      code: 'wrong-format',
      reason: 'This zip has no metadata_…json: it is not an Omnivore export.',
    });
    return collector.result();
  }
  // The metadata first (small), then only the content files it names: content/<slug>.html next to it.
  let files: Map<string, Uint8Array>;
  try {
    files = readZipEntries(bytes, (name) => METADATA.test(name), LIMITS);
  } catch (error) {
    collector.skip({ at: 1, unit: 'entry', code: 'wrong-format', reason: refusal(error) });
    return collector.result();
  }
  const items: { at: number; item: unknown; folder: string }[] = [];
  for (const name of metadataFiles) {
    const folder = name.slice(0, name.lastIndexOf('/') + 1);
    let list: unknown;
    try {
      list = JSON.parse(strFromU8(files.get(name)!));
    } catch {
      list = null;
    }
    if (!Array.isArray(list)) {
      collector.skip({
        at: items.length + 1,
        unit: 'entry',
        code: 'wrong-format',
        reason: `${name} could not be read.`,
      });
      continue;
    }
    for (const item of list) items.push({ at: items.length + 1, item, folder });
  }
  const contentName = (item: Record<string, unknown>, folder: string) =>
    typeof item.slug === 'string' && item.slug && !item.slug.includes('/')
      ? `${folder}content/${item.slug}.html`
      : null;
  const wanted = new Set<string>();
  for (const { item, folder } of items) {
    const name = isRecord(item) ? contentName(item, folder) : null;
    if (name && names.has(name)) wanted.add(name);
  }
  let contents: Map<string, Uint8Array>;
  try {
    contents = wanted.size ? readZipEntries(bytes, (name) => wanted.has(name), LIMITS) : new Map();
  } catch (error) {
    collector.skip({ at: 1, unit: 'entry', code: 'wrong-format', reason: refusal(error) });
    contents = new Map();
  }
  for (const { at, item, folder } of items) {
    if (!isRecord(item) || typeof item.url !== 'string') {
      collector.skip({ at, unit: 'entry', code: 'malformed', reason: SKIP_REASONS.malformed });
      continue;
    }
    const entry: ImportEntry = {
      url: item.url,
      source: 'omnivore',
      title: text(item.title),
      tags: Array.isArray(item.labels) ? item.labels.filter((l: unknown): l is string => typeof l === 'string') : [],
      addedAt: isoTime(item.savedAt),
      state: stateOf(item),
    };
    const name = contentName(item, folder);
    const html = name ? contents.get(name) : undefined;
    if (html && html.length) {
      entry.content = { html: strFromU8(html) };
      if (entry.title) entry.content.title = entry.title;
      const author = text(item.author);
      if (author) entry.content.byline = author;
      const published = isoTime(item.publishedAt);
      if (published !== undefined) entry.content.publishedTime = new Date(published).toISOString();
    }
    collector.add(entry, at, 'entry');
  }
  return collector.result();
}

/** metadata_0_to_20.json before metadata_20_to_40.json before metadata_100_to_120.json. */
function byBatch(a: string, b: string): number {
  const from = (name: string) => Number(/metadata_(\d+)_to/.exec(name)?.[1] ?? 0);
  return from(a) - from(b) || (a < b ? -1 : a > b ? 1 : 0);
}

function refusal(error: unknown): string {
  if (error instanceof ZipLimitError) return `${error.message} Nothing was read from it.`;
  return 'This file could not be opened as a zip archive.';
}

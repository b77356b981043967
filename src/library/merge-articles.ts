import { RECORD_SCHEMA_VERSION, type SavedArticle } from './schema';
import { cleanTags } from './tag-key';

export interface MergedArticle {
  record: SavedArticle;
  /** Whose body (content, metadata, images) was kept: when 'incoming', images and terms are rewritten. */
  bodyFrom: 'existing' | 'incoming';
  changed: boolean;
}

/**
 * Two copies of one article (an import meeting the library, or two v1 records of one URL). The copy
 * changed last keeps its body, direction override and deletion state. Reading state is merged so that
 * nothing the reader did is lost on either side: read anywhere → read (earliest readAt), archived
 * anywhere → archived, furthest progress, first savedAt, every tag of both. Un-reading on one machine therefore does not
 * survive a merge with a copy that was read; losing a "read" would be the worse surprise.
 */
export function mergeArticles(existing: SavedArticle, incoming: SavedArticle): MergedArticle {
  const bodyFrom = incoming.updatedAt > existing.updatedAt ? 'incoming' : 'existing';
  const newer = bodyFrom === 'incoming' ? incoming : existing;
  const reads = [existing.readAt, incoming.readAt].filter((t): t is number => t !== null);
  const record: SavedArticle = {
    ...newer,
    id: existing.id,
    savedAt: Math.min(existing.savedAt, incoming.savedAt),
    updatedAt: Math.max(existing.updatedAt, incoming.updatedAt),
    readAt: reads.length ? Math.min(...reads) : null,
    archived: existing.archived || incoming.archived,
    progress: Math.max(existing.progress, incoming.progress),
    // Tags are never lost in a merge either: both sets, the existing spellings first.
    tags: cleanTags([...(existing.tags ?? []), ...(incoming.tags ?? [])]),
    schemaVersion: RECORD_SCHEMA_VERSION,
  };
  return { record, bodyFrom, changed: !sameArticle(existing, record) };
}

/** JSON with object keys sorted, so two records built in different orders compare equal. */
function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

export function sameArticle(a: SavedArticle, b: SavedArticle): boolean {
  return stableJson(a) === stableJson(b);
}

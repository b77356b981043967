import { openLibrary, type LibraryOptions } from './open-library';
import { tagKey } from './tag-key';

export interface TagCount {
  /** As the reader first wrote it (the spelling of the newest article that has it). */
  tag: string;
  /** Articles with the tag, deleted ones left out. */
  count: number;
}

/**
 * Every tag in the library with how many articles have it, most used first (then by name, in the interface's
 * collation). One walk of the small `articles` records, newest first, deleted ones skipped by the by-live
 * index: counting per tag over the by-tag index would count soft-deleted articles too.
 */
export async function listTags(opts: LibraryOptions & { locale?: string } = {}): Promise<TagCount[]> {
  const db = await openLibrary(opts.dbName);
  const live = IDBKeyRange.bound([0], [0, []]);
  const tags = new Map<string, TagCount>();
  let cursor = await db.transaction('articles').store.index('by-live').openCursor(live, 'prev');
  while (cursor) {
    for (const tag of cursor.value.tags ?? []) {
      const key = tagKey(tag);
      const entry = tags.get(key);
      if (entry) entry.count++;
      else tags.set(key, { tag, count: 1 });
    }
    cursor = await cursor.continue();
  }
  const collator = new Intl.Collator(opts.locale);
  return [...tags.values()].sort((a, b) => b.count - a.count || collator.compare(a.tag, b.tag));
}

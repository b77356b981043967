import type { LibraryUsage } from './schema';
import type { WriteTx } from './write-transaction';

export const EMPTY_USAGE: LibraryUsage = { articles: 0, bytes: 0 };

export function addUsage(a: LibraryUsage, b: LibraryUsage): LibraryUsage {
  return { articles: a.articles + b.articles, bytes: a.bytes + b.bytes };
}

/** Applies a change to the running totals, inside the write that caused it. */
export async function adjustUsage(tx: WriteTx, change: LibraryUsage): Promise<void> {
  if (change.articles === 0 && change.bytes === 0) return;
  const meta = tx.objectStore('meta');
  const current = (await meta.get('usage')) ?? EMPTY_USAGE;
  await meta.put(addUsage(current, change), 'usage');
}

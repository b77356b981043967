import { EMPTY_USAGE } from './adjust-usage';
import { openLibrary, type LibraryOptions } from './open-library';
import type { LibraryUsage } from './schema';

/**
 * How much the library holds: stored articles (soft-deleted ones until purged) and their bytes. Read from
 * running totals kept by every write, so it costs one record however large the library.
 */
export async function usage(opts: LibraryOptions = {}): Promise<LibraryUsage> {
  const db = await openLibrary(opts.dbName);
  return (await db.get('meta', 'usage')) ?? { ...EMPTY_USAGE };
}

import type { IDBPTransaction } from 'idb';
import { injectedFault } from './injected-fault';
import { isQuotaError } from './is-quota-error';
import { LibraryError, STORAGE_FULL_MESSAGE } from './library-error';
import { openLibrary } from './open-library';
import type { LibrarySchema } from './schema';

export const ALL_STORES = ['articles', 'bodies', 'images', 'postings', 'meta'] as const;
type AllStores = (typeof ALL_STORES)[number][];

/** A transaction that may write every store: a readwrite one, or the upgrade transaction (migrations). */
export type WriteTx = IDBPTransaction<LibrarySchema, AllStores, 'readwrite' | 'versionchange'>;

/**
 * Runs `fn` in one readwrite transaction over every store: all of it is written or none of it. `fn` must
 * only await IndexedDB requests (anything else lets the transaction commit early). On any failure the
 * transaction is aborted, if it has not aborted itself (a put that throws synchronously, or a check in
 * `fn`, does not abort it), and running out of space is reported as a LibraryError 'storage-full'.
 */
export async function writeTransaction<T>(dbName: string | undefined, fn: (tx: WriteTx) => Promise<T>): Promise<T> {
  const db = await openLibrary(dbName);
  const tx = db.transaction([...ALL_STORES], 'readwrite');
  try {
    const result = await fn(tx);
    const fault = injectedFault();
    if (fault) throw fault;
    await tx.done;
    return result;
  } catch (error) {
    try {
      tx.abort();
    } catch {
      // Already finished: it aborted on its own (a failed request or commit).
    }
    await tx.done.catch(() => {});
    if (isQuotaError(error, tx.error)) throw new LibraryError('storage-full', STORAGE_FULL_MESSAGE);
    throw error;
  }
}

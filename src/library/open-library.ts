import { deleteDB, openDB, type IDBPDatabase } from 'idb';
import type { LibrarySchema } from './schema';
import { convertV1Records, createV2Stores, type UpgradeTx } from './upgrade-to-v2';
import { convertV2Records, createV3Stores } from './upgrade-to-v3';
import { convertV3Records, createV4Stores } from './upgrade-to-v4';

export const DEFAULT_LIBRARY_NAME = 'qari-library';

/**
 * Database versions. 1: the first release, one `articles` store (see migrate-v1-article.ts). 2: images
 * stored offline, search terms, list flags and usage totals. 3: one postings record per article for search,
 * instead of one record per (article, term), and article bodies in a store of their own. 4: tags, with an
 * index by tag. Never edit a released step; add the next.
 */
export const LIBRARY_VERSION = 4;

/** Every library function takes these; `dbName` exists for tests (a fresh database each). */
export interface LibraryOptions {
  /** IndexedDB database name. Default 'qari-library'. */
  dbName?: string;
}

const connections = new Map<string, Promise<IDBPDatabase<LibrarySchema>>>();

/**
 * The one connection to a library, opened (and upgraded) on first use and then shared: the service worker,
 * and each extension page, keep a single connection for their lifetime.
 */
export function openLibrary(name: string = DEFAULT_LIBRARY_NAME): Promise<IDBPDatabase<LibrarySchema>> {
  let connection = connections.get(name);
  if (!connection) {
    connection = open(name);
    connections.set(name, connection);
    // A failed open is not cached, so the next call tries again.
    connection.catch(() => {
      if (connections.get(name) === connection) connections.delete(name);
    });
  }
  return connection;
}

async function open(name: string): Promise<IDBPDatabase<LibrarySchema>> {
  let migrationError: unknown;
  const forget = () => connections.delete(name);
  try {
    const db = await openDB<LibrarySchema>(name, LIBRARY_VERSION, {
      upgrade(db, oldVersion, _newVersion, tx) {
        // The schema steps, in order, synchronously; then the records are converted once, to today's shape,
        // by today's code (a v1 record goes straight to v3).
        if (oldVersion < 1) {
          const articles = (db as unknown as IDBPDatabase).createObjectStore('articles', { keyPath: 'id' });
          articles.createIndex('by-savedAt', 'savedAt');
        }
        if (oldVersion < 2) createV2Stores(tx);
        if (oldVersion < 3) createV3Stores(tx);
        if (oldVersion < 4) createV4Stores(tx);
        // An aborted upgrade fails the open, which is reported; its transaction's own promise need not be.
        tx.done.catch(() => {});
        // Version 1 records are written whole by today's writeArticle; version 2's step leaves them in the
        // version 3 shape, which version 4's step then completes.
        const convert =
          oldVersion === 0
            ? null
            : oldVersion < 2
              ? convertV1Records
              : oldVersion < 3
                ? async (upgrade: UpgradeTx) => {
                    await convertV2Records(upgrade);
                    await convertV3Records(upgrade);
                  }
                : oldVersion < 4
                  ? convertV3Records
                  : null;
        // The conversion awaits requests of the upgrade transaction. If it fails, abort: the open fails, the
        // database stays at its old version with its data untouched, and the next open tries again.
        convert?.(tx).catch((error: unknown) => {
          migrationError = error;
          try {
            tx.abort();
          } catch {
            // Already aborted.
          }
        });
      },
      // A newer Qari (another extension page after an update) wants to upgrade: let it, reopen later.
      blocking(_current, _blocked, event) {
        (event.target as IDBDatabase).close();
        forget();
      },
      terminated: forget,
    });
    return db;
  } catch (error) {
    throw migrationError ?? error;
  }
}

/** Closes the shared connection (tests; before deleting). */
export async function closeLibrary(name: string = DEFAULT_LIBRARY_NAME): Promise<void> {
  const connection = connections.get(name);
  connections.delete(name);
  if (connection) (await connection.catch(() => null))?.close();
}

/** Closes and deletes a library (tests, and a "delete everything" setting). */
export async function deleteLibrary(name: string = DEFAULT_LIBRARY_NAME): Promise<void> {
  await closeLibrary(name);
  await deleteDB(name);
}

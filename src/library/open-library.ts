import { deleteDB, openDB, type IDBPDatabase } from 'idb';
import type { LibrarySchema } from './schema';
import { upgradeToV2 } from './upgrade-to-v2';

export const DEFAULT_LIBRARY_NAME = 'qari-library';

/**
 * Database versions. 1: the first release, one `articles` store (see migrate-v1-article.ts). 2: images
 * stored offline, search terms, list flags and usage totals. Never edit a released step; add the next.
 */
export const LIBRARY_VERSION = 2;

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
        if (oldVersion < 1) {
          const articles = (db as unknown as IDBPDatabase).createObjectStore('articles', { keyPath: 'id' });
          articles.createIndex('by-savedAt', 'savedAt');
        }
        // An aborted upgrade fails the open, which is reported; its transaction's own promise need not be.
        tx.done.catch(() => {});
        if (oldVersion < 2) {
          // The conversion awaits requests of the upgrade transaction. If it fails, abort: the open fails,
          // the database stays at version 1 with its data untouched, and the next open tries again.
          upgradeToV2(tx).catch((error: unknown) => {
            migrationError = error;
            try {
              tx.abort();
            } catch {
              // Already aborted.
            }
          });
        }
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
